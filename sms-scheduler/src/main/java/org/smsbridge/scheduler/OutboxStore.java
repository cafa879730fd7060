package org.smsbridge.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smsbridge.scheduler.internal.InMemoryOutboxStore;

/**
 * Where an {@link Outbox} keeps its entries: the SPI a host implements or picks
 * ({@link #inMemory()} or {@link JdbcOutboxStore}). Several outboxes (application nodes) may share
 * one store; an implementation must then guarantee:
 * <ul>
 *   <li>{@link #claimDue} hands each due entry to one caller only, until its lease ends;</li>
 *   <li>{@link #update} is a compare-and-set on {@link OutboxEntry#version()}: it changes nothing
 *       and returns empty when the stored version differs, so two nodes can never both move one entry;</li>
 *   <li>every method changes an entry completely or not at all.</li>
 * </ul>
 * Implementations are thread-safe. Failures are {@link OutboxStoreException}s. Times are compared
 * as given by the caller (the outbox's clock), truncated to milliseconds.
 */
public interface OutboxStore {

    /**
     * A thread-safe store in this JVM's memory: for tests, demos and single-node applications that
     * can lose the queue on restart.
     *
     * <pre>{@code
     * Outbox outbox = Outbox.builder().client(sms).store(OutboxStore.inMemory()).build();
     * }</pre>
     */
    static OutboxStore inMemory() {
        return new InMemoryOutboxStore();
    }

    /**
     * Inserts a new entry; the store assigns the id and version 1 (the given ones are ignored).
     *
     * @return the stored entry, or empty if an entry with the same message reference exists
     * @throws OutboxStoreException if the store fails
     */
    Optional<OutboxEntry> insert(OutboxEntry entry);

    /**
     * Inserts many entries, each as {@link #insert} would; the result is in input order.
     * The default inserts one by one; stores override it to batch.
     */
    default List<Optional<OutboxEntry>> insertAll(List<OutboxEntry> entries) {
        List<Optional<OutboxEntry>> out = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            out.add(insert(e));
        }
        return out;
    }

    /** The entry with {@code id}, if any. */
    Optional<OutboxEntry> get(long id);

    /** The entry whose message has {@code reference}, if any. */
    Optional<OutboxEntry> findByReference(String reference);

    /** The entry the provider knows as {@code providerMessageId}, if any. */
    Optional<OutboxEntry> findByProviderMessageId(String providerMessageId);

    /**
     * Claims up to {@code limit} entries of the {@link Folder#OUTBOX} whose
     * {@link OutboxEntry#nextAttemptAt()} is not after {@code now} (an expired lease makes a claimed
     * entry due again). Each claimed entry gets status {@code SENDING}, {@code claimedBy = nodeId},
     * {@code nextAttemptAt = leaseUntil}, one more attempt and a new version. No other caller gets
     * the same entry until {@code leaseUntil}.
     *
     * @return the claimed entries (possibly fewer than due ones when other nodes hold locks)
     */
    List<OutboxEntry> claimDue(String nodeId, Instant now, Instant leaseUntil, int limit);

    /**
     * Replaces the stored entry {@code entry.id()} with {@code entry} if its stored version is still
     * {@code entry.version()}; the stored entry gets version + 1.
     *
     * @return the stored entry, or empty when the version differs or the entry is gone
     */
    Optional<OutboxEntry> update(OutboxEntry entry);

    /**
     * Updates many entries, each as {@link #update} would, in input order. The default updates one
     * by one; stores override it to batch.
     */
    default List<Optional<OutboxEntry>> updateAll(List<OutboxEntry> entries) {
        List<Optional<OutboxEntry>> out = new ArrayList<>(entries.size());
        for (OutboxEntry e : entries) {
            out.add(update(e));
        }
        return out;
    }

    /**
     * Removes the entry if its stored version is {@code version}.
     *
     * @return whether it was removed
     */
    boolean delete(long id, long version);

    /**
     * Returns the claims {@code nodeId} still holds to the queue: status {@code QUEUED}, due at
     * {@code now}, the claim's attempt not counted.
     *
     * @return how many claims were released
     */
    int releaseClaims(String nodeId, Instant now);

    /** The entries matching {@code query} ({@link OutboxQuery#matches}), sorted and paged as it says. */
    List<OutboxEntry> query(OutboxQuery query);

    /** How many entries match {@code query}, paging aside. */
    long count(OutboxQuery query);
}
