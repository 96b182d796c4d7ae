package dev.betweenrows.admin;
public final class AdminServer {}
