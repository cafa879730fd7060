package org.smsbridge.scheduler.internal;

import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.smsbridge.scheduler.OptOutList;

/** {@link OptOutList#inMemory()}: a concurrent map from number to its first record. Thread-safe. */
public final class InMemoryOptOutList implements OptOutList {
    private final ConcurrentMap<String, String> numbers = new ConcurrentHashMap<>();

    @Override
    public boolean add(String e164, Instant at, String source) {
        OptOutNumbers.checkNumber(e164);
        Objects.requireNonNull(at, "at");
        OptOutNumbers.checkSource(source);
        return numbers.putIfAbsent(e164, at + " " + source) == null;
    }

    @Override
    public boolean remove(String e164) {
        OptOutNumbers.checkNumber(e164);
        return numbers.remove(e164) != null;
    }

    @Override
    public boolean contains(String e164) {
        OptOutNumbers.checkNumber(e164);
        return numbers.containsKey(e164);
    }

    @Override
    public long size() {
        return numbers.size();
    }

    @Override
    public String toString() {
        return "InMemoryOptOutList{size=" + numbers.size() + '}';
    }
}
