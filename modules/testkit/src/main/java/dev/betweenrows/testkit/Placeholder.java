package dev.betweenrows.testkit;
/** Placeholder; see PostgresServer. */
final class Placeholder {}
