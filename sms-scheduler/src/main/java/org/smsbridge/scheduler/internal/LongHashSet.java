package org.smsbridge.scheduler.internal;

/**
 * A set of {@code long} values in one open-addressing array: 8 bytes a slot and no object per
 * element, so a million phone numbers (their E.164 digits) take about 16 MB instead of the ~80 MB
 * of a {@code HashSet<String>}. Zero cannot be stored (no E.164 number is zero). Not thread-safe.
 */
public final class LongHashSet {
    private static final int MAX_CAPACITY = 1 << 30;

    private long[] slots;
    private int size;
    private int mask;

    /** An empty set sized for {@code expected} values before it grows. */
    public LongHashSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        slots = new long[Math.min(cap, MAX_CAPACITY)];
        mask = slots.length - 1;
    }

    /**
     * Adds {@code value}.
     *
     * @return {@code true} if it was not in the set
     * @throws IllegalArgumentException if {@code value} is zero
     */
    public boolean add(long value) {
        if (value == 0) {
            throw new IllegalArgumentException("0 cannot be stored");
        }
        int i = index(value);
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return false;
            }
            i = (i + 1) & mask;
        }
        slots[i] = value;
        if (++size * 2 > slots.length) {
            grow();
        }
        return true;
    }

    /** Whether {@code value} is in the set. */
    public boolean contains(long value) {
        int i = index(value);
        while (slots[i] != 0) {
            if (slots[i] == value) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    /** The number of values. */
    public int size() {
        return size;
    }

    private int index(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32)) & mask;
    }

    private void grow() {
        if (slots.length >= MAX_CAPACITY) {
            throw new IllegalStateException("set is full at " + size + " values");
        }
        long[] old = slots;
        slots = new long[old.length * 2];
        mask = slots.length - 1;
        for (long v : old) {
            if (v != 0) {
                int i = index(v);
                while (slots[i] != 0) {
                    i = (i + 1) & mask;
                }
                slots[i] = v;
            }
        }
    }

    @Override
    public String toString() {
        return "LongHashSet{size=" + size + ", capacity=" + slots.length + '}';
    }

}
