package org.smsbridge.scheduler;

import java.util.Objects;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.SmsException;

/**
 * Something that happened in an {@link Outbox}: one record type per transition, delivered to the
 * {@link OutboxListener}s. Switch over the sealed hierarchy:
 *
 * <pre>{@code
 * outbox = Outbox.builder().client(sms).store(store).addListener(event -> {
 *     switch (event) {
 *         case OutboxEvent.Sent s -> ui.moveToSent(s.entry());
 *         case OutboxEvent.Paused p -> ui.warn("Top up the SMS account: " + p.cause().getMessage());
 *         default -> { }
 *     }
 * }).build();
 * }</pre>
 */
public sealed interface OutboxEvent {

    /** An event about one entry; {@link #entry()} is the entry after the transition. */
    sealed interface EntryEvent extends OutboxEvent {
        /** The entry after the transition (for {@link Purged}, the entry that was removed). */
        OutboxEntry entry();
    }

    /** A message entered the outbox to be sent now ({@link Outbox#enqueue}). */
    record Enqueued(OutboxEntry entry) implements EntryEvent {
        public Enqueued {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** A message entered the outbox to be sent at its scheduled time ({@link Outbox#schedule}). */
    record Scheduled(OutboxEntry entry) implements EntryEvent {
        public Scheduled {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** A draft was saved or changed. */
    record DraftSaved(OutboxEntry entry) implements EntryEvent {
        public DraftSaved {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** A draft moved to the outbox. */
    record DraftSubmitted(OutboxEntry entry) implements EntryEvent {
        public DraftSubmitted {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** The provider accepted the message; the entry is in {@link Folder#SENT}. */
    record Sent(OutboxEntry entry) implements EntryEvent {
        public Sent {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** A send failed with a retryable error; the entry stays in the outbox until {@code entry.nextAttemptAt()}. */
    record RetryScheduled(OutboxEntry entry, SmsException cause) implements EntryEvent {
        public RetryScheduled {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** A send failed for good (non-retryable error or retries used up); the entry is in {@link Folder#FAILED}. */
    record Failed(OutboxEntry entry, SmsException cause) implements EntryEvent {
        public Failed {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * An entry moved to {@link Folder#FAILED} with status {@code EXPIRED} without being sent: its
     * message's {@code validUntil} passed before a run could send it, or {@link Outbox#expire} took
     * it out. It has no error kind; {@code reason} (also its {@link OutboxEntry#lastError()}) says why.
     */
    record Expired(OutboxEntry entry, String reason) implements EntryEvent {
        public Expired {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** A failed entry was put back in the outbox by {@code autoRetryFailed}. */
    record Requeued(OutboxEntry entry) implements EntryEvent {
        public Requeued {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** An entry moved to {@link Folder#DELETED}; {@code entry.originFolder()} says from where. */
    record Deleted(OutboxEntry entry) implements EntryEvent {
        public Deleted {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** A deleted entry went back to its origin folder. */
    record Restored(OutboxEntry entry) implements EntryEvent {
        public Restored {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** A deleted entry was removed for good. */
    record Purged(OutboxEntry entry) implements EntryEvent {
        public Purged {
            Objects.requireNonNull(entry, "entry");
        }
    }

    /** A new outbox entry repeats {@code original}. */
    record Resent(OutboxEntry entry, OutboxEntry original) implements EntryEvent {
        public Resent {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(original, "original");
        }
    }

    /** A delivery receipt changed a sent entry's status. */
    record ReceiptApplied(OutboxEntry entry, DeliveryReceipt receipt) implements EntryEvent {
        public ReceiptApplied {
            Objects.requireNonNull(entry, "entry");
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /** A delivery receipt matched no entry (counted by {@link Outbox#unmatchedReceipts()}). */
    record ReceiptUnmatched(DeliveryReceipt receipt) implements OutboxEvent {
        public ReceiptUnmatched {
            Objects.requireNonNull(receipt, "receipt");
        }
    }

    /** Sending stopped because the account ran out of balance; once per pause. */
    record Paused(SmsException cause) implements OutboxEvent {
        public Paused {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /** Sending resumed, by {@link Outbox#resume()} or because the balance probe saw credit again. */
    record Resumed() implements OutboxEvent {
    }

    /** The store failed during automatic sending; the outbox backs off and tries again. */
    record StoreUnavailable(OutboxStoreException cause, int consecutiveFailures) implements OutboxEvent {
        public StoreUnavailable {
            Objects.requireNonNull(cause, "cause");
        }
    }

    /**
     * A node lost its claim on an entry while sending it (its lease ran out and another node claimed
     * it): the message may have been sent twice. {@code entry} is the entry as this node had it.
     */
    record ClaimLost(OutboxEntry entry) implements EntryEvent {
        public ClaimLost {
            Objects.requireNonNull(entry, "entry");
        }
    }
}
