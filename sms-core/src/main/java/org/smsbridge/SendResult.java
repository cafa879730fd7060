package org.smsbridge;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.smsbridge.text.Encoding;

/**
 * What the provider answered for one accepted message. Immutable; providers build it with
 * {@link #builder()}.
 */
public final class SendResult {
    private final String messageId;
    private final String reference;
    private final String to;
    private final MessageStatus status;
    private final int segments;
    private final Encoding encoding;
    private final String provider;
    private final Money price;
    private final Instant submittedAt;

    private SendResult(Builder b) {
        this.messageId = b.messageId;
        this.reference = b.reference;
        this.to = b.to;
        this.status = b.status;
        this.segments = b.segments;
        this.encoding = b.encoding;
        this.provider = b.provider;
        this.price = b.price;
        this.submittedAt = b.submittedAt;
    }

    /** Starts a result. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this result's values. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.messageId = messageId;
        b.reference = reference;
        b.to = to;
        b.status = status;
        b.segments = segments;
        b.encoding = encoding;
        b.provider = provider;
        b.price = price;
        b.submittedAt = submittedAt;
        return b;
    }

    /** The provider's id for the message; delivery receipts refer to it. */
    public String messageId() {
        return messageId;
    }

    /** The caller's reference from the message, if it had one. */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** The recipient in E.164 form. */
    public String to() {
        return to;
    }

    /** The status the provider reported, usually {@link MessageStatus#QUEUED} or {@link MessageStatus#SENT}. */
    public MessageStatus status() {
        return status;
    }

    /** Segments (billed SMS) the message was sent as. */
    public int segments() {
        return segments;
    }

    /** The encoding the message was sent in. */
    public Encoding encoding() {
        return encoding;
    }

    /** The name of the provider that accepted it. */
    public String provider() {
        return provider;
    }

    /** The price, where the provider reports it at once. */
    public Optional<Money> price() {
        return Optional.ofNullable(price);
    }

    /** When the provider accepted the message. */
    public Instant submittedAt() {
        return submittedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SendResult)) {
            return false;
        }
        SendResult r = (SendResult) o;
        return segments == r.segments && messageId.equals(r.messageId) && Objects.equals(reference, r.reference)
                && to.equals(r.to) && status == r.status && encoding == r.encoding && provider.equals(r.provider)
                && Objects.equals(price, r.price) && submittedAt.equals(r.submittedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, reference, to, status, segments, encoding, provider, price, submittedAt);
    }

    @Override
    public String toString() {
        return "SendResult{messageId=" + messageId + (reference == null ? "" : ", reference=" + reference)
                + ", to=" + org.smsbridge.phone.PhoneNumbers.mask(to) + ", status=" + status + ", segments=" + segments
                + ", encoding=" + encoding + ", provider=" + provider + (price == null ? "" : ", price=" + price) + '}';
    }

    /** Builds a {@link SendResult}; not thread-safe. */
    public static final class Builder {
        private String messageId;
        private String reference;
        private String to;
        private MessageStatus status = MessageStatus.SENT;
        private int segments = 1;
        private Encoding encoding = Encoding.GSM_7;
        private String provider;
        private Money price;
        private Instant submittedAt;

        private Builder() {
        }

        /** The provider's message id. Required. */
        public Builder messageId(String messageId) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            return this;
        }

        /** The caller's reference. */
        public Builder reference(String reference) {
            this.reference = Objects.requireNonNull(reference, "reference");
            return this;
        }

        /** The recipient in E.164 form. Required. */
        public Builder to(String to) {
            this.to = Objects.requireNonNull(to, "to");
            return this;
        }

        /** The status; default {@link MessageStatus#SENT}. */
        public Builder status(MessageStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /** Segments; default 1. @throws IllegalArgumentException if below 1 */
        public Builder segments(int segments) {
            if (segments < 1) {
                throw new IllegalArgumentException("segments must be at least 1, was " + segments);
            }
            this.segments = segments;
            return this;
        }

        /** The encoding; default GSM-7. */
        public Builder encoding(Encoding encoding) {
            this.encoding = Objects.requireNonNull(encoding, "encoding");
            return this;
        }

        /** The provider's name. Required. */
        public Builder provider(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** The price. */
        public Builder price(Money price) {
            this.price = Objects.requireNonNull(price, "price");
            return this;
        }

        /** When it was accepted. Required. */
        public Builder submittedAt(Instant submittedAt) {
            this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
            return this;
        }

        /**
         * Creates the result.
         *
         * @throws IllegalStateException if messageId, to, provider or submittedAt is missing
         */
        public SendResult build() {
            StringBuilder missing = new StringBuilder();
            if (messageId == null) {
                missing.append(" messageId");
            }
            if (to == null) {
                missing.append(" to");
            }
            if (provider == null) {
                missing.append(" provider");
            }
            if (submittedAt == null) {
                missing.append(" submittedAt");
            }
            if (missing.length() > 0) {
                throw new IllegalStateException("SendResult is missing:" + missing);
            }
            return new SendResult(this);
        }
    }
}
