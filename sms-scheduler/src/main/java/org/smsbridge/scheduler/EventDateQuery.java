package org.smsbridge.scheduler;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the daily job asks a {@link RecipientSource}: the recipients of a date-driven
 * {@link EventType} whose messages are for {@link #day()}, a local date. Immutable and thread-safe.
 *
 * <ul>
 * <li>{@link EventType.Kind#ANNUAL} (birthday): recipients whose date falls on one of
 *     {@link #monthDays()}, any year. On 28 February of a year without 29 February this includes
 *     {@code --02-29} (with {@link LeapDayRule#FEB_28}; on 1 March with {@link LeapDayRule#MARCH_1}).</li>
 * <li>{@link EventType.Kind#BEFORE_DATE} (expiry, due date): recipients whose date is
 *     {@link #date()}, that is {@code day + daysBefore}.</li>
 * </ul>
 * A source may answer with more recipients than match (say everyone with a birthday this month)
 * when it sets {@link EventRecipient#eventDate()}: recipients whose date does not
 * {@link #matches(LocalDate) match} are skipped.
 *
 * <pre>{@code
 * RecipientSource source = q -> switch (q.type().id()) {
 *     case "birthday" -> members.withBirthdayOn(q.monthDays());
 *     case "card-expiry" -> members.withCardExpiringOn(q.date().orElseThrow());
 *     default -> List.of();
 * };
 * }</pre>
 */
public final class EventDateQuery {
    private static final MonthDay LEAP_DAY = MonthDay.of(2, 29);

    private final EventType type;
    private final LocalDate day;
    private final int daysBefore;
    private final LeapDayRule leapDayRule;

    /**
     * Creates a query (the daily job makes them; hosts need this only in tests).
     *
     * @param daysBefore days before the date for {@code BEFORE_DATE} types, ignored for {@code ANNUAL}
     * @throws IllegalArgumentException if {@code type} is {@link EventType.Kind#IMMEDIATE} or
     *                                  {@code daysBefore} is out of range
     */
    public static EventDateQuery of(EventType type, LocalDate day, int daysBefore, LeapDayRule leapDayRule) {
        return new EventDateQuery(type, day, daysBefore, leapDayRule);
    }

    private EventDateQuery(EventType type, LocalDate day, int daysBefore, LeapDayRule leapDayRule) {
        this.type = Objects.requireNonNull(type, "type");
        this.day = Objects.requireNonNull(day, "day");
        this.leapDayRule = Objects.requireNonNull(leapDayRule, "leapDayRule");
        if (!type.isDateDriven()) {
            throw new IllegalArgumentException("event type '" + type.id()
                    + "' is IMMEDIATE; only ANNUAL and BEFORE_DATE types are looked up by date");
        }
        this.daysBefore = type.kind() == EventType.Kind.BEFORE_DATE ? EventType.checkDays(type.id(), daysBefore) : 0;
    }

    public EventType type() {
        return type;
    }

    /** The recipients' local date on which the messages go out. */
    public LocalDate day() {
        return day;
    }

    /** Days between {@link #day()} and the event date; 0 for {@code ANNUAL} types. */
    public int daysBefore() {
        return daysBefore;
    }

    /** The event date for {@code BEFORE_DATE} types ({@code day + daysBefore}); empty for {@code ANNUAL} types. */
    public Optional<LocalDate> date() {
        return type.kind() == EventType.Kind.BEFORE_DATE ? Optional.of(day.plusDays(daysBefore)) : Optional.empty();
    }

    /**
     * The month-days whose events fall on {@link #day()} for {@code ANNUAL} types: the day's own,
     * plus {@code --02-29} on the leap-day rule's day of a year without 29 February; empty for
     * {@code BEFORE_DATE} types.
     */
    public List<MonthDay> monthDays() {
        if (type.kind() != EventType.Kind.ANNUAL) {
            return List.of();
        }
        MonthDay own = MonthDay.from(day);
        return leapDayFallsToday() ? List.of(own, LEAP_DAY) : List.of(own);
    }

    /** Whether an event on {@code eventDate} (a birthday with its year, an expiry date) is due on {@link #day()}. */
    public boolean matches(LocalDate eventDate) {
        Objects.requireNonNull(eventDate, "eventDate");
        if (type.kind() == EventType.Kind.BEFORE_DATE) {
            return eventDate.equals(day.plusDays(daysBefore));
        }
        MonthDay md = MonthDay.from(eventDate);
        return md.equals(MonthDay.from(day)) || md.equals(LEAP_DAY) && leapDayFallsToday();
    }

    private boolean leapDayFallsToday() {
        if (day.isLeapYear()) {
            return false;
        }
        MonthDay own = MonthDay.from(day);
        return leapDayRule == LeapDayRule.FEB_28 ? own.equals(MonthDay.of(2, 28)) : own.equals(MonthDay.of(3, 1));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventDateQuery q && type.equals(q.type) && day.equals(q.day) && daysBefore == q.daysBefore
                && leapDayRule == q.leapDayRule;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, day, daysBefore, leapDayRule);
    }

    @Override
    public String toString() {
        return "EventDateQuery{" + type.id() + " on " + day
                + (type.kind() == EventType.Kind.BEFORE_DATE ? " for " + day.plusDays(daysBefore) : " for " + monthDays())
                + '}';
    }
}
