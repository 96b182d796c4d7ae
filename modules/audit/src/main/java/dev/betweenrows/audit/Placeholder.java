package dev.betweenrows.audit;
final class Placeholder {}
