package org.smsbridge.scheduler;

/**
 * Progress of sending: counts so far, and whether it has ended. For {@link Outbox#sendNow()} the
 * counts are the sums of every run of that outbox from the call until the call's own pass ended (a
 * run under way at the call, or one that started before the call's own pass, sent messages the call
 * would otherwise find gone); runs of other nodes sharing the store are not included.
 *
 * @param claimed entries claimed for sending so far
 * @param sent    accepted by the provider
 * @param retried failed with a retryable error and rescheduled
 * @param failed  moved to {@link Folder#FAILED}
 * @param paused  whether sending is paused for lack of balance
 * @param done    whether sending has ended (no due entry left, paused, or closed)
 */
public record SendProgress(int claimed, int sent, int retried, int failed, boolean paused, boolean done) {
}
