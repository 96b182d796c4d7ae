package dev.betweenrows.wire;
public final class ProxyServer {}
