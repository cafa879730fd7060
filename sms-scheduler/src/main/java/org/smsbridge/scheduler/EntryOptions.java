package org.smsbridge.scheduler;

import java.util.Objects;
import java.util.Optional;

/**
 * Bookkeeping that travels with a message into the outbox: who queued it ({@code operator}), which
 * contact of the host application it is for, and the campaign it belongs to. Immutable.
 *
 * <pre>{@code
 * outbox.enqueue(message, EntryOptions.builder().operator("maria").contact("customer-42").build());
 * }</pre>
 */
public final class EntryOptions {
    private static final EntryOptions NONE = new EntryOptions(new Builder());

    private final String operator;
    private final String contact;
    private final String campaignId;

    private EntryOptions(Builder b) {
        this.operator = b.operator;
        this.contact = b.contact;
        this.campaignId = b.campaignId;
    }

    /** No operator, contact or campaign. */
    public static EntryOptions none() {
        return NONE;
    }

    /** Starts empty options. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.operator = operator;
        b.contact = contact;
        b.campaignId = campaignId;
        return b;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryOptions e && Objects.equals(operator, e.operator)
                && Objects.equals(contact, e.contact) && Objects.equals(campaignId, e.campaignId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(operator, contact, campaignId);
    }

    @Override
    public String toString() {
        return "EntryOptions{operator=" + operator + ", contact=" + contact + ", campaignId=" + campaignId + '}';
    }

    /** Builds {@link EntryOptions}; not thread-safe. */
    public static final class Builder {
        private String operator;
        private String contact;
        private String campaignId;

        private Builder() {
        }

        /**
         * The user or system that queued the message (at most 100 characters).
         *
         * @throws IllegalArgumentException if blank or longer than 100 characters
         */
        public Builder operator(String operator) {
            this.operator = Checks.text("operator", operator, 100);
            return this;
        }

        /**
         * The host application's contact (customer, employee...) id or name (at most 200 characters).
         *
         * @throws IllegalArgumentException if blank or longer than 200 characters
         */
        public Builder contact(String contact) {
            this.contact = Checks.text("contact", contact, 200);
            return this;
        }

        /**
         * The campaign the message belongs to (at most 100 characters).
         *
         * @throws IllegalArgumentException if blank or longer than 100 characters
         */
        public Builder campaignId(String campaignId) {
            this.campaignId = Checks.text("campaignId", campaignId, 100);
            return this;
        }

        /** The options. */
        public EntryOptions build() {
            return new EntryOptions(this);
        }
    }
}
