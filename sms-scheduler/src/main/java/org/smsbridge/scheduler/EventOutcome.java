package org.smsbridge.scheduler;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What became of one event message: put in the outbox, already there, or not made and why.
 * Immutable and thread-safe.
 */
public final class EventOutcome {
    /** The outcome's kind. */
    public enum Status {
        /** A new outbox entry, to be sent by the outbox's next run. */
        ENQUEUED,
        /** A new outbox entry, scheduled for the recipient's local sending time. */
        SCHEDULED,
        /** The message for this event, recipient and day (or key) was made before: nothing new. */
        DUPLICATE,
        /** The event type is switched off: no message. */
        DISABLED,
        /** No message for this recipient; {@link #reason()} says why (missing values, wrong date, date passed). */
        SKIPPED
    }

    private final EventType type;
    private final String recipientId;
    private final Status status;
    private final LocalDate day;
    private final OutboxEntry entry;
    private final String reason;

    private EventOutcome(EventType type, String recipientId, Status status, LocalDate day, OutboxEntry entry,
            String reason) {
        this.type = Objects.requireNonNull(type, "type");
        this.recipientId = Objects.requireNonNull(recipientId, "recipientId");
        this.status = Objects.requireNonNull(status, "status");
        this.day = day;
        this.entry = entry;
        this.reason = reason;
    }

    static EventOutcome made(EventType type, String recipientId, Status status, LocalDate day, OutboxEntry entry) {
        return new EventOutcome(type, recipientId, status, day, Objects.requireNonNull(entry, "entry"), null);
    }

    static EventOutcome notMade(EventType type, String recipientId, Status status, LocalDate day, String reason) {
        return new EventOutcome(type, recipientId, status, day, null, Objects.requireNonNull(reason, "reason"));
    }

    public EventType type() {
        return type;
    }

    public String recipientId() {
        return recipientId;
    }

    public Status status() {
        return status;
    }

    /** Whether a new outbox entry was made ({@link Status#ENQUEUED} or {@link Status#SCHEDULED}). */
    public boolean isNew() {
        return status == Status.ENQUEUED || status == Status.SCHEDULED;
    }

    /** The local date the daily job made the message for; empty for {@code notify}. */
    public Optional<LocalDate> day() {
        return Optional.ofNullable(day);
    }

    /** The new or existing outbox entry; empty for {@link Status#DISABLED} and {@link Status#SKIPPED}. */
    public Optional<OutboxEntry> entry() {
        return Optional.ofNullable(entry);
    }

    /** Why no message was made; empty when there is an entry. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventOutcome e && type.equals(e.type) && recipientId.equals(e.recipientId)
                && status == e.status && Objects.equals(day, e.day) && Objects.equals(entry, e.entry)
                && Objects.equals(reason, e.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, recipientId, status, day, entry, reason);
    }

    @Override
    public String toString() {
        return "EventOutcome{" + type.id() + " to " + recipientId + (day != null ? " on " + day : "") + ": " + status
                + (entry != null ? " entry " + entry.id() : "") + (reason != null ? " (" + reason + ")" : "") + '}';
    }
}
