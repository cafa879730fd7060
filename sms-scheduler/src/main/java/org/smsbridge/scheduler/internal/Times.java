package org.smsbridge.scheduler.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.smsbridge.scheduler.OutboxEntry;

/** Millisecond precision for every time an entry holds, the precision every store keeps. */
public final class Times {
    private Times() {
    }

    /** {@code t} truncated to milliseconds. */
    public static Instant millis(Instant t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    /** {@code e} with every time truncated to milliseconds. */
    public static OutboxEntry truncate(OutboxEntry e) {
        if (isMillis(e.createdAt()) && isMillis(e.nextAttemptAt()) && e.scheduledAt().map(Times::isMillis).orElse(true)
                && e.sentAt().map(Times::isMillis).orElse(true) && e.deliveredAt().map(Times::isMillis).orElse(true)) {
            return e;
        }
        return e.toBuilder().createdAt(millis(e.createdAt())).nextAttemptAt(millis(e.nextAttemptAt()))
                .scheduledAt(e.scheduledAt().map(Times::millis)).sentAt(e.sentAt().map(Times::millis))
                .deliveredAt(e.deliveredAt().map(Times::millis)).build();
    }

    private static boolean isMillis(Instant t) {
        return t.getNano() % 1_000_000 == 0;
    }

    /** An optional time truncated to milliseconds. */
    public static Optional<Instant> millis(Optional<Instant> t) {
        return t.map(Times::millis);
    }
}
