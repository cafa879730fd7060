package org.smsbridge;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A provider's report of what happened to a message after it was sent. Immutable; built by
 * receipt parsers with {@link #builder(String, MessageStatus)}.
 */
public final class DeliveryReceipt {
    private final String messageId;
    private final MessageStatus status;
    private final String errorCode;
    private final Instant doneAt;
    private final String to;
    private final String provider;
    private final Map<String, String> rawFields;

    private DeliveryReceipt(Builder b) {
        this.messageId = b.messageId;
        this.status = b.status;
        this.errorCode = b.errorCode;
        this.doneAt = b.doneAt;
        this.to = b.to;
        this.provider = b.provider;
        this.rawFields = Collections.unmodifiableMap(new LinkedHashMap<>(b.rawFields));
    }

    /**
     * Starts a receipt for the provider's message id.
     *
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(String messageId, MessageStatus status) {
        return new Builder(messageId, status);
    }

    /** The provider's message id, as in {@link SendResult#messageId()}. */
    public String messageId() {
        return messageId;
    }

    /** The unified status. */
    public MessageStatus status() {
        return status;
    }

    /** The provider's or carrier's error code, for a failed delivery. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }

    /** When the carrier reached the final state, when reported. */
    public Optional<Instant> doneAt() {
        return Optional.ofNullable(doneAt);
    }

    /** The recipient in E.164 form, when reported. */
    public Optional<String> to() {
        return Optional.ofNullable(to);
    }

    /** The provider's name, when known. */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** The provider's fields as received, for anything the unified view lacks. */
    public Map<String, String> rawFields() {
        return rawFields;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DeliveryReceipt)) {
            return false;
        }
        DeliveryReceipt r = (DeliveryReceipt) o;
        return messageId.equals(r.messageId) && status == r.status && Objects.equals(errorCode, r.errorCode)
                && Objects.equals(doneAt, r.doneAt) && Objects.equals(to, r.to)
                && Objects.equals(provider, r.provider) && rawFields.equals(r.rawFields);
    }

    @Override
    public int hashCode() {
        return Objects.hash(messageId, status, errorCode, doneAt, to, provider, rawFields);
    }

    @Override
    public String toString() {
        return "DeliveryReceipt{messageId=" + messageId + ", status=" + status
                + (errorCode == null ? "" : ", errorCode=" + errorCode) + (doneAt == null ? "" : ", doneAt=" + doneAt)
                + (to == null ? "" : ", to=" + org.smsbridge.phone.PhoneNumbers.mask(to))
                + (provider == null ? "" : ", provider=" + provider) + '}';
    }

    /** Builds a {@link DeliveryReceipt}; not thread-safe. */
    public static final class Builder {
        private final String messageId;
        private final MessageStatus status;
        private String errorCode;
        private Instant doneAt;
        private String to;
        private String provider;
        private final Map<String, String> rawFields = new LinkedHashMap<>();

        private Builder(String messageId, MessageStatus status) {
            this.messageId = Objects.requireNonNull(messageId, "messageId");
            this.status = Objects.requireNonNull(status, "status");
        }

        /** The provider's error code. */
        public Builder errorCode(String errorCode) {
            this.errorCode = Objects.requireNonNull(errorCode, "errorCode");
            return this;
        }

        /** When the final state was reached. */
        public Builder doneAt(Instant doneAt) {
            this.doneAt = Objects.requireNonNull(doneAt, "doneAt");
            return this;
        }

        /** The recipient in E.164 form. */
        public Builder to(String to) {
            this.to = Objects.requireNonNull(to, "to");
            return this;
        }

        /** The provider's name. */
        public Builder provider(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** Replaces the raw fields. */
        public Builder rawFields(Map<String, String> fields) {
            Objects.requireNonNull(fields, "rawFields");
            rawFields.clear();
            fields.forEach(this::putRawField);
            return this;
        }

        /** Adds one raw field. */
        public Builder putRawField(String name, String value) {
            rawFields.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Creates the receipt. */
        public DeliveryReceipt build() {
            return new DeliveryReceipt(this);
        }
    }
}
