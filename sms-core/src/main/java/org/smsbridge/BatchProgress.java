package org.smsbridge;

/**
 * Progress of a {@link SmsClient#sendAll} run, reported after each message completes.
 *
 * @param completed messages finished so far (sent or failed)
 * @param total     messages in the batch
 * @param succeeded messages accepted by the provider so far
 * @param failed    messages that failed so far
 */
public record BatchProgress(int completed, int total, int succeeded, int failed) {
    /** Whether every message has finished. */
    public boolean isDone() {
        return completed == total;
    }

    /** Completed share from 0.0 to 1.0 (1.0 for an empty batch). */
    public double fraction() {
        return total == 0 ? 1.0 : (double) completed / total;
    }
}
