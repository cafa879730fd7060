package org.smsbridge.filter;

import java.util.Arrays;

/**
 * An Aho–Corasick automaton whose trie is a double array: the child of state {@code s} on symbol
 * {@code c} is {@code t = base(s) + c} if {@code check(t) == s}. Symbols are dense codes
 * {@code 1..alphabetSize} (0 means "in no key" and always leads back to the root).
 *
 * <p>Each slot holds four ints side by side, {@code base, check, fail, report}, so that a
 * transition and the output test touch one cache line. Built level by level from sorted keys,
 * without intermediate trie objects. Immutable and thread-safe.
 */
final class DoubleArrayAutomaton {
    static final int STRIDE = 4;
    static final int CHECK = 1;
    static final int FAIL = 2;
    /** Offset of the state whose key ends here or at the nearest suffix state, or -1. */
    static final int REPORT = 3;
    private static final int FREE = -1;

    /** {@code base, check, fail, report} per slot. */
    final int[] da;
    /** The key index that ends at this state, or -1. */
    final int[] terminal;
    /** The root's transitions as a dense table: child state per code, 0 where there is none. */
    final int[] root;
    /** Per slot: the length of the key prefix that the state stands for (0 for the root and free slots). */
    final int[] depth;

    private DoubleArrayAutomaton(int[] da, int[] terminal, int alphabetSize) {
        this.da = da;
        this.terminal = terminal;
        this.depth = new int[terminal.length];
        this.root = new int[alphabetSize + 1];
        for (int c = 1; c <= alphabetSize; c++) {
            int t = da[0] + c;
            root[c] = da[t * STRIDE + CHECK] == 0 ? t : 0;
        }
    }

    /** The state after reading symbol {@code c} (>= 1) in state {@code s}. */
    int next(int s, int c) {
        final int[] da = this.da;
        for (;;) {
            if (s == 0) {
                return root[c];
            }
            int t = da[s * STRIDE] + c;
            if (da[t * STRIDE + CHECK] == s) {
                return t;
            }
            s = da[s * STRIDE + FAIL];
        }
    }

    /** The reporting state for {@code s}, or -1 when no key ends at {@code s}. */
    int report(int s) {
        return da[s * STRIDE + REPORT];
    }

    /** The next reporting state after reporting state {@code r}, or -1. */
    int nextReport(int r) {
        return da[da[r * STRIDE + FAIL] * STRIDE + REPORT];
    }

    /** Number of slots (for memory estimates). */
    int slots() {
        return terminal.length;
    }

    /**
     * Builds the automaton.
     *
     * @param keys         distinct, non-empty keys sorted in {@link String} order; key {@code i}
     *                     reports {@code i}
     * @param codeOf       the code of each char, {@code 1..alphabetSize}
     * @param alphabetSize the largest code
     */
    static DoubleArrayAutomaton build(String[] keys, int[] codeOf, int alphabetSize) {
        return new Builder(keys, codeOf, alphabetSize).build();
    }

    private static final class Builder {
        private final String[] keys;
        private final int[] codeOf;
        private final int alphabetSize;

        private int[] base;
        private int[] check;
        private int[] parent;
        private int[] symbol;
        private int[] terminal;
        /** Free-slot list (doubly linked over positions); {@code -1} ends it. */
        private int[] nextFree;
        private int[] prevFree;
        private int freeHead = -1;
        private int freeTail = -1;
        /** Where placing a node with several children starts looking (Darts' "next check pos"). */
        private int multiStart = -1;
        private int capacity;
        private int maxUsed;
        private int maxBase;

        /** BFS queue: state, lo, hi, depth. */
        private int[] queue = new int[4 * 1024];
        private int qHead;
        private int qTail;
        private int[] order;
        private int orderSize;

        Builder(String[] keys, int[] codeOf, int alphabetSize) {
            this.keys = keys;
            this.codeOf = codeOf;
            this.alphabetSize = alphabetSize;
        }

        DoubleArrayAutomaton build() {
            long total = 1;
            for (String k : keys) {
                total += k.length();
            }
            int initial = (int) Math.min(Integer.MAX_VALUE / 8, total + alphabetSize + 16);
            base = new int[0];
            check = new int[0];
            parent = new int[0];
            symbol = new int[0];
            terminal = new int[0];
            nextFree = new int[0];
            prevFree = new int[0];
            grow(initial);
            order = new int[Math.max(16, (int) Math.min(Integer.MAX_VALUE / 8, total))];
            occupy(0, -1);
            push(0, 0, keys.length, 0);
            int[] childCodes = new int[Math.max(16, alphabetSize + 1)];
            int[] childLo = new int[childCodes.length];
            while (qHead < qTail) {
                int state = queue[qHead];
                int lo = queue[qHead + 1];
                int hi = queue[qHead + 2];
                int depth = queue[qHead + 3];
                qHead += 4;
                addOrder(state);
                if (lo < hi && keys[lo].length() == depth) { // sorted: the key ending here comes first
                    terminal[state] = lo;
                    lo++;
                }
                if (lo == hi) {
                    continue; // leaf, base 0
                }
                int n = 0;
                char prev = 0;
                int maxCode = 0;
                for (int i = lo; i < hi; i++) {
                    char ch = keys[i].charAt(depth);
                    if (n == 0 || ch != prev) {
                        int c = codeOf[ch];
                        childCodes[n] = c;
                        childLo[n] = i;
                        maxCode = Math.max(maxCode, c);
                        n++;
                        prev = ch;
                    }
                }
                int b = findBase(childCodes, n, maxCode);
                base[state] = b;
                maxBase = Math.max(maxBase, b);
                for (int j = 0; j < n; j++) {
                    int t = b + childCodes[j];
                    occupy(t, state);
                    symbol[t] = childCodes[j];
                    push(t, childLo[j], j + 1 < n ? childLo[j + 1] : hi, depth + 1);
                }
            }
            return link();
        }

        private void push(int state, int lo, int hi, int depth) {
            if (qTail + 4 > queue.length) {
                if (qHead >= queue.length / 2) {
                    System.arraycopy(queue, qHead, queue, 0, qTail - qHead);
                    qTail -= qHead;
                    qHead = 0;
                } else {
                    queue = Arrays.copyOf(queue, queue.length * 2);
                }
            }
            queue[qTail++] = state;
            queue[qTail++] = lo;
            queue[qTail++] = hi;
            queue[qTail++] = depth;
        }

        private void addOrder(int state) {
            if (orderSize == order.length) {
                order = Arrays.copyOf(order, order.length * 2);
            }
            order[orderSize++] = state;
        }

        /** A base such that {@code base + codes[i]} is free for every child. */
        private int findBase(int[] codes, int n, int maxCode) {
            int first = codes[0];
            if (n == 1) {
                for (int f = freeHead; ; ) {
                    if (f < 0) {
                        int old = capacity;
                        grow(capacity * 2);
                        f = old;
                    } else if (f >= first) {
                        return f - first;
                    } else {
                        f = nextFree[f];
                    }
                }
            }
            int f = multiStart >= 0 && check[multiStart] == FREE ? multiStart : freeHead;
            int scanned = 0;
            int occupiedBefore = 0;
            for (;;) {
                if (f < 0) {
                    int old = capacity;
                    grow(capacity * 2);
                    f = old;
                    continue;
                }
                int b = f - first;
                if (b >= 0 && fits(b, codes, n, maxCode)) {
                    // like Darts: once the scanned region is nearly full, later nodes start after it
                    if (scanned > 16 && occupiedBefore * 20 > scanned * 19) {
                        multiStart = f;
                    }
                    return b;
                }
                scanned++;
                int nf = nextFree[f];
                if (nf > f + 1) {
                    occupiedBefore += nf - f - 1;
                    scanned += nf - f - 1;
                }
                f = nf;
            }
        }

        private boolean fits(int b, int[] codes, int n, int maxCode) {
            int last = b + maxCode;
            if (last >= capacity) {
                grow(Math.max(capacity * 2, last + alphabetSize + 1));
            }
            for (int j = 1; j < n; j++) {
                if (check[b + codes[j]] != FREE) {
                    return false;
                }
            }
            return true;
        }

        private void occupy(int t, int owner) {
            check[t] = owner;
            parent[t] = owner;
            maxUsed = Math.max(maxUsed, t);
            int p = prevFree[t];
            int nx = nextFree[t];
            if (p >= 0) {
                nextFree[p] = nx;
            } else {
                freeHead = nx;
            }
            if (nx >= 0) {
                prevFree[nx] = p;
            } else {
                freeTail = p;
            }
            if (multiStart == t) {
                multiStart = nx;
            }
        }

        private void grow(int newCapacity) {
            int old = capacity;
            base = Arrays.copyOf(base, newCapacity);
            check = Arrays.copyOf(check, newCapacity);
            parent = Arrays.copyOf(parent, newCapacity);
            symbol = Arrays.copyOf(symbol, newCapacity);
            terminal = Arrays.copyOf(terminal, newCapacity);
            nextFree = Arrays.copyOf(nextFree, newCapacity);
            prevFree = Arrays.copyOf(prevFree, newCapacity);
            Arrays.fill(check, old, newCapacity, FREE);
            Arrays.fill(terminal, old, newCapacity, -1);
            for (int i = old; i < newCapacity; i++) {
                prevFree[i] = i - 1;
                nextFree[i] = i + 1;
            }
            prevFree[old] = freeTail;
            nextFree[newCapacity - 1] = -1;
            if (freeTail >= 0) {
                nextFree[freeTail] = old;
            } else {
                freeHead = old;
            }
            freeTail = newCapacity - 1;
            capacity = newCapacity;
        }

        private DoubleArrayAutomaton link() {
            int size = Math.max(maxUsed, maxBase + alphabetSize) + 1;
            int[] da = new int[size * STRIDE];
            for (int s = 0; s < size; s++) {
                da[s * STRIDE] = s < capacity ? base[s] : 0;
                da[s * STRIDE + CHECK] = s < capacity ? check[s] : FREE;
                da[s * STRIDE + REPORT] = -1;
            }
            int[] t = Arrays.copyOf(terminal, size);
            if (size > capacity) {
                Arrays.fill(t, capacity, size, -1);
            }
            DoubleArrayAutomaton a = new DoubleArrayAutomaton(da, t, alphabetSize);
            for (int i = 1; i < orderSize; i++) { // order[0] is the root; BFS: parents first
                int s = order[i];
                int p = parent[s];
                a.depth[s] = a.depth[p] + 1;
                int f = p == 0 ? 0 : a.next(da[p * STRIDE + FAIL], symbol[s]);
                da[s * STRIDE + FAIL] = f;
                da[s * STRIDE + REPORT] = t[s] >= 0 ? s : da[f * STRIDE + REPORT];
            }
            return a;
        }
    }
}
