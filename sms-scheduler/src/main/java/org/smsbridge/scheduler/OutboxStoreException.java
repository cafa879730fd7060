package org.smsbridge.scheduler;

/**
 * The outbox's store failed (database unreachable, connection lost, SQL error). Unchecked. The
 * outbox's automatic sending logs it, backs off and tries again; direct calls
 * ({@link Outbox#enqueue}, {@link Outbox#query}...) throw it to the caller.
 */
public final class OutboxStoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with a message that says what the store was doing.
     *
     * @param message what failed, e.g. {@code "claiming due entries in table sms_outbox_entry failed"}
     * @param cause   the underlying error, e.g. a {@code SQLException}
     */
    public OutboxStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
