package org.smsbridge.scheduler.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.smsbridge.MessageStatus;
import org.smsbridge.scheduler.Folder;
import org.smsbridge.scheduler.OutboxEntry;
import org.smsbridge.scheduler.OutboxQuery;
import org.smsbridge.scheduler.OutboxStore;

/**
 * The in-memory {@link OutboxStore}: maps guarded by one lock, plus an ordered index of the due
 * entries of the outbox folder so claiming does not scan. Thread-safe.
 */
public final class InMemoryOutboxStore implements OutboxStore {
    private record Due(long at, long id) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = Long.compare(at, o.at);
            return c != 0 ? c : Long.compare(id, o.id);
        }
    }

    private final Object lock = new Object();
    private final Map<Long, OutboxEntry> entries = new HashMap<>();
    private final Map<String, Long> byReference = new HashMap<>();
    private final Map<String, Long> byProviderId = new HashMap<>();
    private final TreeSet<Due> due = new TreeSet<>();
    private long nextId = 1;

    @Override
    public Optional<OutboxEntry> insert(OutboxEntry entry) {
        synchronized (lock) {
            Optional<String> ref = entry.reference();
            if (ref.isPresent() && byReference.containsKey(ref.get())) {
                return Optional.empty();
            }
            OutboxEntry stored = normalize(entry.toBuilder().id(nextId++).version(1).build());
            put(null, stored);
            return Optional.of(stored);
        }
    }

    @Override
    public Optional<OutboxEntry> get(long id) {
        synchronized (lock) {
            return Optional.ofNullable(entries.get(id));
        }
    }

    @Override
    public Optional<OutboxEntry> findByReference(String reference) {
        synchronized (lock) {
            Long id = byReference.get(reference);
            return id == null ? Optional.empty() : Optional.ofNullable(entries.get(id));
        }
    }

    @Override
    public Optional<OutboxEntry> findByProviderMessageId(String providerMessageId) {
        synchronized (lock) {
            Long id = byProviderId.get(providerMessageId);
            return id == null ? Optional.empty() : Optional.ofNullable(entries.get(id));
        }
    }

    @Override
    public List<OutboxEntry> claimDue(String nodeId, Instant now, Instant leaseUntil, int limit) {
        long nowMillis = now.toEpochMilli();
        Instant lease = leaseUntil.truncatedTo(ChronoUnit.MILLIS);
        List<OutboxEntry> claimed = new ArrayList<>(Math.min(limit, 256));
        synchronized (lock) {
            Iterator<Due> it = due.iterator();
            List<OutboxEntry> picked = new ArrayList<>();
            while (it.hasNext() && picked.size() < limit) {
                Due d = it.next();
                if (d.at > nowMillis) {
                    break;
                }
                picked.add(entries.get(d.id));
            }
            for (OutboxEntry e : picked) {
                OutboxEntry c = e.toBuilder().status(MessageStatus.SENDING).claimedBy(Optional.of(nodeId))
                        .nextAttemptAt(lease).attempts(e.attempts() + 1).version(e.version() + 1).build();
                put(e, c);
                claimed.add(c);
            }
        }
        return claimed;
    }

    @Override
    public Optional<OutboxEntry> update(OutboxEntry entry) {
        synchronized (lock) {
            OutboxEntry old = entries.get(entry.id());
            if (old == null || old.version() != entry.version()) {
                return Optional.empty();
            }
            Optional<String> ref = entry.reference();
            if (ref.isPresent() && !ref.equals(old.reference()) && byReference.containsKey(ref.get())) {
                return Optional.empty();
            }
            OutboxEntry stored = normalize(entry.toBuilder().version(old.version() + 1).build());
            put(old, stored);
            return Optional.of(stored);
        }
    }

    @Override
    public boolean delete(long id, long version) {
        synchronized (lock) {
            OutboxEntry old = entries.get(id);
            if (old == null || old.version() != version) {
                return false;
            }
            unindex(old);
            entries.remove(id);
            return true;
        }
    }

    @Override
    public int releaseClaims(String nodeId, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        synchronized (lock) {
            List<OutboxEntry> held = new ArrayList<>();
            for (OutboxEntry e : entries.values()) {
                if (e.folder() == Folder.OUTBOX && e.status() == MessageStatus.SENDING
                        && e.claimedBy().filter(nodeId::equals).isPresent()) {
                    held.add(e);
                }
            }
            for (OutboxEntry e : held) {
                put(e, e.toBuilder().status(MessageStatus.QUEUED).claimedBy(Optional.empty()).nextAttemptAt(at)
                        .attempts(Math.max(0, e.attempts() - 1)).version(e.version() + 1).build());
            }
            return held.size();
        }
    }

    @Override
    public List<OutboxEntry> query(OutboxQuery query) {
        List<OutboxEntry> all = matching(query);
        all.sort(query.comparator());
        int from = Math.min(query.offset(), all.size());
        int to = (int) Math.min((long) from + query.limit(), all.size());
        return List.copyOf(all.subList(from, to));
    }

    @Override
    public long count(OutboxQuery query) {
        return matching(query).size();
    }

    private List<OutboxEntry> matching(OutboxQuery query) {
        List<OutboxEntry> out = new ArrayList<>();
        synchronized (lock) {
            for (OutboxEntry e : entries.values()) {
                if (query.matches(e)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Millisecond times, as every store keeps them. */
    private static OutboxEntry normalize(OutboxEntry e) {
        return Times.truncate(e);
    }

    private void put(OutboxEntry old, OutboxEntry now) {
        if (old != null) {
            unindex(old);
        }
        entries.put(now.id(), now);
        now.reference().ifPresent(r -> byReference.put(r, now.id()));
        now.providerMessageId().ifPresent(p -> byProviderId.put(p, now.id()));
        if (now.folder() == Folder.OUTBOX) {
            due.add(new Due(now.nextAttemptAt().toEpochMilli(), now.id()));
        }
    }

    private void unindex(OutboxEntry old) {
        old.reference().ifPresent(byReference::remove);
        old.providerMessageId().ifPresent(byProviderId::remove);
        if (old.folder() == Folder.OUTBOX) {
            due.remove(new Due(old.nextAttemptAt().toEpochMilli(), old.id()));
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return "InMemoryOutboxStore{entries=" + entries.size() + ", due=" + due.size() + '}';
        }
    }
}
