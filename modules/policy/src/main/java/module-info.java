/** Policy model, resolution and the statement-guard SPI. Pure Java: no I/O, no third-party code. */
module dev.betweenrows.policy {
    exports dev.betweenrows.policy;
    uses dev.betweenrows.policy.QueryGuardProvider;
}
