package org.smsbridge.scheduler;

/**
 * Progress of one sending run ({@link Outbox#sendNow()} or an automatic run): counts so far, and
 * whether the run has ended.
 *
 * @param claimed entries claimed for sending so far
 * @param sent    accepted by the provider
 * @param retried failed with a retryable error and rescheduled
 * @param failed  moved to {@link Folder#FAILED}
 * @param paused  whether sending is paused for lack of balance
 * @param done    whether the run has ended (no due entry left, paused, or closed)
 */
public record SendProgress(int claimed, int sent, int retried, int failed, boolean paused, boolean done) {
}
