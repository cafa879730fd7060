package org.smsbridge.scheduler;

import java.time.Instant;
import org.smsbridge.scheduler.internal.InMemoryOptOutList;

/**
 * The numbers that asked not to receive advertising (replied STOP, or told the shop). Numbers are
 * E.164 ({@code +84912345678}); {@link Campaigns} normalizes before asking. Advertising to a listed
 * number is skipped and counted; customer care is not blocked.
 *
 * <p>Implementations: {@link #inMemory()} and {@link JdbcOptOutList} on the host's database.
 * Implementations must be thread-safe.
 */
public interface OptOutList {
    /** A list kept in memory (lost on restart): for tests and small tools. Thread-safe. */
    static OptOutList inMemory() {
        return new InMemoryOptOutList();
    }

    /**
     * Adds a number.
     *
     * @param e164   the number in E.164 form
     * @param at     when the customer opted out
     * @param source how (for example {@code "reply: STOP"} or {@code "front desk"}); at most 200 characters
     * @return {@code true} if it was added, {@code false} if it was already listed (the first record is kept)
     * @throws IllegalArgumentException if the number is not E.164 or the source is blank or too long
     * @throws OutboxStoreException     if a database-backed list fails
     */
    boolean add(String e164, Instant at, String source);

    /**
     * Removes a number (the customer opted in again).
     *
     * @return whether it was listed
     * @throws IllegalArgumentException if the number is not E.164
     */
    boolean remove(String e164);

    /**
     * Whether a number is listed.
     *
     * @throws IllegalArgumentException if the number is not E.164
     */
    boolean contains(String e164);

    /** How many numbers are listed. */
    long size();
}
