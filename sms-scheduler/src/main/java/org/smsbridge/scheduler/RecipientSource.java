package org.smsbridge.scheduler;

/**
 * The host's answer to "who gets a date-driven event message on this day?": members whose birthday,
 * card or voucher expiry, maintenance or debt due date matches an {@link EventDateQuery}. The host
 * implements it over its own database. It may be called from the notifications' executor thread
 * and must be thread-safe when the host also calls {@link EventNotifications#runFor} itself.
 *
 * <pre>{@code
 * RecipientSource source = q -> q.type().equals(EventType.BIRTHDAY)
 *         ? jdbc.query("SELECT id, mobile, name, birthday FROM member WHERE EXTRACT(MONTH FROM birthday) = ? AND ...", ...)
 *         : List.of();
 * }</pre>
 */
@FunctionalInterface
public interface RecipientSource {
    /**
     * The recipients for {@code query}; an empty iterable when there are none (never null). The
     * iterable is read once, so it may stream from a database cursor.
     */
    Iterable<EventRecipient> recipients(EventDateQuery query);
}
