package org.smsbridge.scheduler;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsMessage;
import org.smsbridge.phone.PhoneNumbers;

/**
 * One message in an {@link Outbox}: the message itself, the folder it is in, its status and its
 * history (attempts, last error, provider message id, times). Immutable; every change produces a
 * new entry with a higher {@link #version()}.
 *
 * <p>Stores build entries with {@link #builder()}; applications only read them.
 */
public final class OutboxEntry {
    private final long id;
    private final Folder folder;
    private final Folder originFolder;
    private final MessageStatus status;
    private final SmsMessage message;
    private final String operator;
    private final String contact;
    private final String campaignId;
    private final Instant createdAt;
    private final Instant scheduledAt;
    private final Instant nextAttemptAt;
    private final Instant sentAt;
    private final Instant deliveredAt;
    private final int attempts;
    private final ErrorKind lastErrorKind;
    private final String lastError;
    private final String providerMessageId;
    private final Long resendOf;
    private final String claimedBy;
    private final long version;

    private OutboxEntry(Builder b) {
        this.id = b.id;
        this.folder = b.folder;
        this.originFolder = b.originFolder;
        this.status = b.status;
        this.message = b.message;
        this.operator = b.operator;
        this.contact = b.contact;
        this.campaignId = b.campaignId;
        this.createdAt = b.createdAt;
        this.scheduledAt = b.scheduledAt;
        this.nextAttemptAt = b.nextAttemptAt;
        this.sentAt = b.sentAt;
        this.deliveredAt = b.deliveredAt;
        this.attempts = b.attempts;
        this.lastErrorKind = b.lastErrorKind;
        this.lastError = b.lastError;
        this.providerMessageId = b.providerMessageId;
        this.resendOf = b.resendOf;
        this.claimedBy = b.claimedBy;
        this.version = b.version;
    }

    /** Starts an entry; for {@link OutboxStore} implementations. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this entry's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The store's id, unique per outbox; 0 only for an entry not yet inserted. */
    public long id() {
        return id;
    }

    public Folder folder() {
        return folder;
    }

    /** For a {@link Folder#DELETED} entry, the folder it was deleted from ({@link Outbox#restore} returns it there). */
    public Optional<Folder> originFolder() {
        return Optional.ofNullable(originFolder);
    }

    /**
     * The status: {@code DRAFT}, {@code SCHEDULED} or {@code QUEUED} while waiting, {@code SENDING}
     * while a node holds a claim, {@code SENT} and later the delivery status from receipts, or
     * {@code FAILED}/{@code EXPIRED} in the Failed folder.
     */
    public MessageStatus status() {
        return status;
    }

    public SmsMessage message() {
        return message;
    }

    /** The recipient as written in the message. */
    public String phone() {
        return message.to();
    }

    /** The message's tag, if any. */
    public Optional<String> tag() {
        return message.tag();
    }

    /** The message's reference (the idempotency key of the outbox), if any. */
    public Optional<String> reference() {
        return message.reference();
    }

    public Optional<String> operator() {
        return Optional.ofNullable(operator);
    }

    public Optional<String> contact() {
        return Optional.ofNullable(contact);
    }

    public Optional<String> campaignId() {
        return Optional.ofNullable(campaignId);
    }

    public Instant createdAt() {
        return createdAt;
    }

    /** The time the message was scheduled for by {@link Outbox#schedule}, if it was. */
    public Optional<Instant> scheduledAt() {
        return Optional.ofNullable(scheduledAt);
    }

    /**
     * When the entry is next due: its scheduled time, its next retry, or (while {@code SENDING})
     * the end of the claim's lease, after which another node may claim it again.
     */
    public Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    public Optional<Instant> sentAt() {
        return Optional.ofNullable(sentAt);
    }

    public Optional<Instant> deliveredAt() {
        return Optional.ofNullable(deliveredAt);
    }

    /** Provider calls made for this entry so far. */
    public int attempts() {
        return attempts;
    }

    /**
     * The kind of the last failed send, while the entry waits for a retry or is in
     * {@link Folder#FAILED} with status {@code FAILED}. Cleared when a send succeeds (a Sent entry
     * has none); absent for an {@code EXPIRED} entry, which was taken out without a failed send.
     */
    public Optional<ErrorKind> lastErrorKind() {
        return Optional.ofNullable(lastErrorKind);
    }

    /**
     * The text of the last error (the {@code SmsException} message), or for an {@code EXPIRED}
     * entry why it expired; cleared when a send succeeds.
     */
    public Optional<String> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** The provider's id for the sent message (receipts are matched by it). */
    public Optional<String> providerMessageId() {
        return Optional.ofNullable(providerMessageId);
    }

    /** For an entry made by {@link Outbox#resend}, the id of the entry it repeats. */
    public Optional<Long> resendOf() {
        return Optional.ofNullable(resendOf);
    }

    /** The node holding the claim while {@code SENDING}. */
    public Optional<String> claimedBy() {
        return Optional.ofNullable(claimedBy);
    }

    /** The end of the claim's lease while {@code SENDING}. */
    public Optional<Instant> leaseUntil() {
        return status == MessageStatus.SENDING ? Optional.of(nextAttemptAt) : Optional.empty();
    }

    /** Incremented by the store on every change; updates are checked against it. */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof OutboxEntry e)) {
            return false;
        }
        return id == e.id && version == e.version && attempts == e.attempts && folder == e.folder
                && originFolder == e.originFolder && status == e.status && message.equals(e.message)
                && Objects.equals(operator, e.operator) && Objects.equals(contact, e.contact)
                && Objects.equals(campaignId, e.campaignId) && createdAt.equals(e.createdAt)
                && Objects.equals(scheduledAt, e.scheduledAt) && nextAttemptAt.equals(e.nextAttemptAt)
                && Objects.equals(sentAt, e.sentAt) && Objects.equals(deliveredAt, e.deliveredAt)
                && lastErrorKind == e.lastErrorKind && Objects.equals(lastError, e.lastError)
                && Objects.equals(providerMessageId, e.providerMessageId) && Objects.equals(resendOf, e.resendOf)
                && Objects.equals(claimedBy, e.claimedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, version, folder, status, message);
    }

    @Override
    public String toString() {
        return "OutboxEntry{id=" + id + ", folder=" + folder + ", status=" + status + ", to="
                + PhoneNumbers.mask(message.to()) + ", attempts=" + attempts
                + (lastErrorKind == null ? "" : ", lastError=" + lastErrorKind)
                + (providerMessageId == null ? "" : ", providerMessageId=" + providerMessageId)
                + ", version=" + version + '}';
    }

    /**
     * Builds an {@link OutboxEntry}; not thread-safe. Optional fields take {@code Optional} values
     * ({@code Optional.empty()} clears them).
     */
    public static final class Builder {
        private long id;
        private Folder folder;
        private Folder originFolder;
        private MessageStatus status;
        private SmsMessage message;
        private String operator;
        private String contact;
        private String campaignId;
        private Instant createdAt;
        private Instant scheduledAt;
        private Instant nextAttemptAt;
        private Instant sentAt;
        private Instant deliveredAt;
        private int attempts;
        private ErrorKind lastErrorKind;
        private String lastError;
        private String providerMessageId;
        private Long resendOf;
        private String claimedBy;
        private long version;

        private Builder() {
        }

        private Builder(OutboxEntry e) {
            id = e.id;
            folder = e.folder;
            originFolder = e.originFolder;
            status = e.status;
            message = e.message;
            operator = e.operator;
            contact = e.contact;
            campaignId = e.campaignId;
            createdAt = e.createdAt;
            scheduledAt = e.scheduledAt;
            nextAttemptAt = e.nextAttemptAt;
            sentAt = e.sentAt;
            deliveredAt = e.deliveredAt;
            attempts = e.attempts;
            lastErrorKind = e.lastErrorKind;
            lastError = e.lastError;
            providerMessageId = e.providerMessageId;
            resendOf = e.resendOf;
            claimedBy = e.claimedBy;
            version = e.version;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder id(long id) {
            if (id < 0) {
                throw new IllegalArgumentException("id must not be negative, was " + id);
            }
            this.id = id;
            return this;
        }

        public Builder folder(Folder folder) {
            this.folder = Objects.requireNonNull(folder, "folder");
            return this;
        }

        /** The origin folder of a deleted entry; {@code Optional.empty()} clears it. */
        public Builder originFolder(Optional<Folder> originFolder) {
            this.originFolder = originFolder.orElse(null);
            return this;
        }

        public Builder status(MessageStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        public Builder message(SmsMessage message) {
            this.message = Objects.requireNonNull(message, "message");
            return this;
        }

        /** Sets operator, contact and campaign id from {@code options}. */
        public Builder options(EntryOptions options) {
            this.operator = options.operator().orElse(null);
            this.contact = options.contact().orElse(null);
            this.campaignId = options.campaignId().orElse(null);
            return this;
        }

        public Builder createdAt(Instant createdAt) {
            this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
            return this;
        }

        public Builder scheduledAt(Optional<Instant> scheduledAt) {
            this.scheduledAt = scheduledAt.orElse(null);
            return this;
        }

        public Builder nextAttemptAt(Instant nextAttemptAt) {
            this.nextAttemptAt = Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
            return this;
        }

        public Builder sentAt(Optional<Instant> sentAt) {
            this.sentAt = sentAt.orElse(null);
            return this;
        }

        public Builder deliveredAt(Optional<Instant> deliveredAt) {
            this.deliveredAt = deliveredAt.orElse(null);
            return this;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder attempts(int attempts) {
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative, was " + attempts);
            }
            this.attempts = attempts;
            return this;
        }

        /** The kind and text of the last error; {@code Optional.empty()} clears both. */
        public Builder lastError(Optional<ErrorKind> kind, Optional<String> text) {
            this.lastErrorKind = kind.orElse(null);
            this.lastError = text.orElse(null);
            return this;
        }

        public Builder providerMessageId(Optional<String> providerMessageId) {
            this.providerMessageId = providerMessageId.orElse(null);
            return this;
        }

        public Builder resendOf(Optional<Long> resendOf) {
            this.resendOf = resendOf.orElse(null);
            return this;
        }

        public Builder claimedBy(Optional<String> claimedBy) {
            this.claimedBy = claimedBy.orElse(null);
            return this;
        }

        /** @throws IllegalArgumentException if negative */
        public Builder version(long version) {
            if (version < 0) {
                throw new IllegalArgumentException("version must not be negative, was " + version);
            }
            this.version = version;
            return this;
        }

        /**
         * The entry.
         *
         * @throws IllegalStateException if folder, status, message, createdAt or nextAttemptAt is missing
         */
        public OutboxEntry build() {
            if (folder == null || status == null || message == null || createdAt == null || nextAttemptAt == null) {
                throw new IllegalStateException("an OutboxEntry needs folder, status, message, createdAt and "
                        + "nextAttemptAt; missing in " + this);
            }
            return new OutboxEntry(this);
        }

        @Override
        public String toString() {
            return "OutboxEntry.Builder{id=" + id + ", folder=" + folder + ", status=" + status + ", createdAt="
                    + createdAt + ", nextAttemptAt=" + nextAttemptAt + ", message=" + (message != null) + '}';
        }
    }
}
