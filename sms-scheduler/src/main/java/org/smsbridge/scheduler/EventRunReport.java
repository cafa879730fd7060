package org.smsbridge.scheduler;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a daily-job run ({@link EventNotifications#runFor}, {@link EventNotifications#runDue}) did:
 * the days it covered, the disabled types it left out, and one {@link EventOutcome} per recipient
 * and type. Immutable and thread-safe.
 */
public final class EventRunReport {
    private final List<LocalDate> days;
    private final List<EventType> disabled;
    private final List<EventOutcome> outcomes;

    EventRunReport(List<LocalDate> days, List<EventType> disabled, List<EventOutcome> outcomes) {
        this.days = List.copyOf(days);
        this.disabled = List.copyOf(disabled);
        this.outcomes = List.copyOf(outcomes);
    }

    static EventRunReport merge(List<EventRunReport> reports) {
        List<LocalDate> days = new ArrayList<>();
        List<EventType> disabled = new ArrayList<>();
        List<EventOutcome> outcomes = new ArrayList<>();
        for (EventRunReport r : reports) {
            days.addAll(r.days);
            r.disabled.stream().filter(t -> !disabled.contains(t)).forEach(disabled::add);
            outcomes.addAll(r.outcomes);
        }
        return new EventRunReport(days, disabled, outcomes);
    }

    /** The local dates run, in order; empty when nothing was due. */
    public List<LocalDate> days() {
        return days;
    }

    /** Date-driven types that were not run because they are disabled. */
    public List<EventType> disabled() {
        return disabled;
    }

    /** One outcome per recipient, type and day, in the order made. */
    public List<EventOutcome> outcomes() {
        return outcomes;
    }

    /** How many outcomes have {@code status}. */
    public long count(EventOutcome.Status status) {
        Objects.requireNonNull(status, "status");
        return outcomes.stream().filter(o -> o.status() == status).count();
    }

    /** How many new outbox entries the run made. */
    public long made() {
        return outcomes.stream().filter(EventOutcome::isNew).count();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventRunReport r && days.equals(r.days) && disabled.equals(r.disabled)
                && outcomes.equals(r.outcomes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(days, disabled, outcomes);
    }

    @Override
    public String toString() {
        return "EventRunReport{days=" + days + ", made=" + made() + ", duplicate=" + count(EventOutcome.Status.DUPLICATE)
                + ", skipped=" + count(EventOutcome.Status.SKIPPED) + ", disabled=" + disabled + '}';
    }
}
