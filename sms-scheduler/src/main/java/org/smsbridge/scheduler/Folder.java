package org.smsbridge.scheduler;

/**
 * The folder an {@link OutboxEntry} is in, like the folders of a mail client.
 *
 * <p>Transitions: {@code DRAFTS → OUTBOX} ({@link Outbox#submitDraft}), {@code OUTBOX → SENT | FAILED}
 * (sending), any folder {@code → DELETED} ({@link Outbox#delete}, remembering the origin),
 * {@code DELETED → origin} ({@link Outbox#restore}), {@code FAILED → OUTBOX} (automatic retry of
 * retryable failures), and {@code SENT | FAILED | DELETED →} a new {@code OUTBOX} entry
 * ({@link Outbox#resend}).
 */
public enum Folder {
    /** Waiting to be sent (now, at its scheduled time, or at its next retry). */
    OUTBOX,
    /** Accepted by the provider; delivery receipts update its status. */
    SENT,
    /** Being written; never sent until submitted. */
    DRAFTS,
    /** Deleted by a user; can be restored to its origin folder or purged. */
    DELETED,
    /** Could not be sent: a non-retryable error, or retries used up. */
    FAILED
}
