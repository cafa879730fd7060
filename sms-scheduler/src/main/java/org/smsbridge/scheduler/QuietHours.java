package org.smsbridge.scheduler;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A daily window of local time in which no message is sent, such as the night for advertising.
 * The window starts at {@link #start()} (inclusive) and ends at {@link #end()} (exclusive); when
 * the start is after the end it runs over midnight ({@link #DEFAULT}: 21:00 to 08:00). Times are
 * the recipient's local wall-clock time, so daylight-saving changes are followed: a window ending
 * at 08:00 ends at 08:00 local time on the day the clocks change too, and a start or end that
 * falls into a skipped hour moves to the first instant after the gap. Immutable and thread-safe.
 *
 * <pre>{@code
 * QuietHours night = QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0));
 * Optional<Instant> first = night.nextAllowed(now, List.of(ZoneId.of("Asia/Ho_Chi_Minh")));
 * }</pre>
 */
public final class QuietHours {
    /** 21:00 to 08:00: the default for campaigns. */
    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    private static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);
    /** How far {@link #nextAllowed} looks ahead for a moment allowed in every zone. */
    private static final int MAX_STEPS = 64;

    private final LocalTime start;
    private final LocalTime end;

    private QuietHours(LocalTime start, LocalTime end) {
        this.start = start;
        this.end = end;
    }

    /**
     * Quiet from {@code start} (inclusive) to {@code end} (exclusive) every day, local time; over
     * midnight when {@code start} is after {@code end}. Times are kept to the minute.
     *
     * @throws IllegalArgumentException if start equals end (use {@link #none()}), or a time has seconds
     */
    public static QuietHours of(LocalTime start, LocalTime end) {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours start and end at " + start
                    + "; give two different times, or QuietHours.none() for no quiet hours");
        }
        if (!start.truncatedTo(ChronoUnit.MINUTES).equals(start) || !end.truncatedTo(ChronoUnit.MINUTES).equals(end)) {
            throw new IllegalArgumentException("quiet hours are kept to the minute, were " + start + " to " + end);
        }
        return new QuietHours(start, end);
    }

    /** No quiet hours: every moment is allowed. Not allowed for advertising campaigns. */
    public static QuietHours none() {
        return NONE;
    }

    /** Whether this is {@link #none()}. */
    public boolean isNone() {
        return start.equals(end);
    }

    /** Start of the quiet window, local time (inclusive). */
    public LocalTime start() {
        return start;
    }

    /** End of the quiet window, local time (exclusive). */
    public LocalTime end() {
        return end;
    }

    /** Whether {@code at} falls in the quiet window in {@code zone}. */
    public boolean isQuiet(Instant at, ZoneId zone) {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
        if (isNone()) {
            return false;
        }
        LocalTime t = at.atZone(zone).toLocalTime();
        return start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
    }

    /**
     * The first instant at or after {@code at} that is outside the quiet window in every one of
     * {@code zones} (a number whose candidate zones disagree must not wake anyone in any of them).
     * Empty when the zones' allowed hours never overlap (for example a long window and zones many
     * hours apart).
     *
     * @throws IllegalArgumentException if {@code zones} is empty
     */
    public Optional<Instant> nextAllowed(Instant at, Collection<ZoneId> zones) {
        Objects.requireNonNull(at, "at");
        List<ZoneId> all = List.copyOf(zones);
        if (all.isEmpty()) {
            throw new IllegalArgumentException("zones must not be empty; pass the fallback zone when the number's "
                    + "zone is unknown");
        }
        Instant t = at;
        for (int step = 0; step < MAX_STEPS; step++) {
            Instant later = t;
            for (ZoneId z : all) {
                if (isQuiet(t, z)) {
                    Instant quietEnd = endOfQuiet(t, z);
                    if (quietEnd.isAfter(later)) {
                        later = quietEnd;
                    }
                }
            }
            if (later.equals(t)) {
                return Optional.of(t);
            }
            t = later;
        }
        return Optional.empty();
    }

    /** The end of the quiet window that contains {@code t} in {@code zone}. */
    private Instant endOfQuiet(Instant t, ZoneId zone) {
        LocalDate day = t.atZone(zone).toLocalDate();
        Instant candidate = ZonedDateTime.of(day, end, zone).toInstant();
        while (!candidate.isAfter(t)) {
            day = day.plusDays(1);
            candidate = ZonedDateTime.of(day, end, zone).toInstant();
        }
        return candidate;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof QuietHours q && start.equals(q.start) && end.equals(q.end);
    }

    @Override
    public int hashCode() {
        return Objects.hash(start, end);
    }

    @Override
    public String toString() {
        return isNone() ? "QuietHours{none}" : "QuietHours{" + start + "-" + end + '}';
    }
}
