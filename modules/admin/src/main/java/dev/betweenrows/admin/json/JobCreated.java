package dev.betweenrows.admin.json;

/** {@code 202 {job_id}} for a submitted discovery job. */
public record JobCreated(String jobId) {}
