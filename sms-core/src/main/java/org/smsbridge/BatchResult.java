package org.smsbridge;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link SmsClient#sendAll}: for every message, in input order, either its
 * {@link SendResult} or its {@link SmsException}. Immutable.
 */
public final class BatchResult {
    /**
     * One message's outcome: exactly one of {@link #result()} and {@link #error()} is present.
     */
    public static final class Entry {
        private final int index;
        private final SmsMessage message;
        private final SendResult result;
        private final SmsException error;

        private Entry(int index, SmsMessage message, SendResult result, SmsException error) {
            this.index = index;
            this.message = Objects.requireNonNull(message, "message");
            if ((result == null) == (error == null)) {
                throw new IllegalArgumentException("exactly one of result and error must be given");
            }
            this.result = result;
            this.error = error;
        }

        /** A successful entry. */
        public static Entry success(int index, SmsMessage message, SendResult result) {
            return new Entry(index, message, Objects.requireNonNull(result, "result"), null);
        }

        /** A failed entry. */
        public static Entry failure(int index, SmsMessage message, SmsException error) {
            return new Entry(index, message, null, Objects.requireNonNull(error, "error"));
        }

        /** Position of the message in the input, from 0. */
        public int index() {
            return index;
        }

        /** The message as given. */
        public SmsMessage message() {
            return message;
        }

        /** The provider's answer, when sent. */
        public Optional<SendResult> result() {
            return Optional.ofNullable(result);
        }

        /** Why it failed, when it did. */
        public Optional<SmsException> error() {
            return Optional.ofNullable(error);
        }

        /** Whether the provider accepted it. */
        public boolean isSuccess() {
            return result != null;
        }

        @Override
        public String toString() {
            return "Entry{" + index + ", " + (result != null ? result : error) + '}';
        }
    }

    private final List<Entry> entries;
    private final int successCount;

    /**
     * Creates a result from entries that must be in index order 0..n-1.
     *
     * @throws IllegalArgumentException if an entry is out of order
     */
    public BatchResult(List<Entry> entries) {
        this.entries = List.copyOf(entries);
        int ok = 0;
        for (int i = 0; i < this.entries.size(); i++) {
            Entry e = this.entries.get(i);
            if (e.index != i) {
                throw new IllegalArgumentException("entry " + i + " has index " + e.index);
            }
            if (e.isSuccess()) {
                ok++;
            }
        }
        this.successCount = ok;
    }

    /** Every outcome, in input order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Number of messages in the batch. */
    public int size() {
        return entries.size();
    }

    /** Number of messages the provider accepted. */
    public int successCount() {
        return successCount;
    }

    /** Number of messages that failed. */
    public int failureCount() {
        return entries.size() - successCount;
    }

    /** Whether every message was accepted. */
    public boolean allSucceeded() {
        return successCount == entries.size();
    }

    /** The failed entries, in input order. */
    public List<Entry> failed() {
        List<Entry> out = new ArrayList<>(failureCount());
        for (Entry e : entries) {
            if (!e.isSuccess()) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /** The results of the accepted messages, in input order. */
    public List<SendResult> sent() {
        List<SendResult> out = new ArrayList<>(successCount);
        for (Entry e : entries) {
            if (e.result != null) {
                out.add(e.result);
            }
        }
        return List.copyOf(out);
    }

    @Override
    public String toString() {
        return "BatchResult{size=" + size() + ", succeeded=" + successCount + ", failed=" + failureCount() + '}';
    }
}
