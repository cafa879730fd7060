package org.smsbridge;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One SMS to send: a recipient, a text (or a provider template with parameters, for providers that
 * send only carrier-approved templates), and optional sender, reference, tag, purpose, validity and
 * metadata. Immutable and thread-safe; build with {@link #builder()}, change with
 * {@link #toBuilder()}.
 *
 * <pre>{@code
 * SmsMessage m = SmsMessage.builder()
 *         .to("691 234 5678")
 *         .text("Your car ABC-1234 is ready. Total: 120.50 EUR")
 *         .reference("repair-7781")      // your id; also the idempotency key in an outbox
 *         .build();
 * }</pre>
 *
 * <p>The recipient is kept as written; {@link SmsClient} normalizes it to E.164 when it sends.
 */
public final class SmsMessage {
    private final String to;
    private final String from;
    private final String text;
    private final String templateId;
    private final Map<String, String> templateParams;
    private final String reference;
    private final String tag;
    private final MessagePurpose purpose;
    private final Instant validUntil;
    private final Map<String, String> metadata;

    private SmsMessage(Builder b) {
        this.to = b.to;
        this.from = b.from;
        this.text = b.text;
        this.templateId = b.templateId;
        this.templateParams = Collections.unmodifiableMap(new LinkedHashMap<>(b.templateParams));
        this.reference = b.reference;
        this.tag = b.tag;
        this.purpose = b.purpose;
        this.validUntil = b.validUntil;
        this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(b.metadata));
    }

    /** Starts a new message. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this message's values, to make a changed copy. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The recipient as written (national or international form). */
    public String to() {
        return to;
    }

    /** The sender ID, when set on the message (otherwise the client's default sender is used). */
    public Optional<String> from() {
        return Optional.ofNullable(from);
    }

    /** The text; empty when the message is a provider template. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** The provider's approved template id, for template-only providers. */
    public Optional<String> templateId() {
        return Optional.ofNullable(templateId);
    }

    /** The template parameters in the order they were added (Tencent-style templates are positional). */
    public Map<String, String> templateParams() {
        return templateParams;
    }

    /** The caller's own id for this message; also its idempotency key in an outbox. */
    public Optional<String> reference() {
        return Optional.ofNullable(reference);
    }

    /** A category for grouping and queries (for example a customer list or campaign tag). */
    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    /** Why the message is sent; {@link MessagePurpose#TRANSACTIONAL} unless set. */
    public MessagePurpose purpose() {
        return purpose;
    }

    /** After this instant the message should not be delivered any more. */
    public Optional<Instant> validUntil() {
        return Optional.ofNullable(validUntil);
    }

    /** Free key/value data carried with the message, in insertion order. */
    public Map<String, String> metadata() {
        return metadata;
    }

    /** Whether this is a provider-template message rather than a free text. */
    public boolean isTemplate() {
        return templateId != null;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SmsMessage)) {
            return false;
        }
        SmsMessage m = (SmsMessage) o;
        return to.equals(m.to) && Objects.equals(from, m.from) && Objects.equals(text, m.text)
                && Objects.equals(templateId, m.templateId) && templateParams.equals(m.templateParams)
                && Objects.equals(reference, m.reference) && Objects.equals(tag, m.tag) && purpose == m.purpose
                && Objects.equals(validUntil, m.validUntil) && metadata.equals(m.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(to, from, text, templateId, templateParams, reference, tag, purpose, validUntil, metadata);
    }

    /** Shows the fields for logs: the recipient partly masked, the text only as its length. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("SmsMessage{to=").append(org.smsbridge.phone.PhoneNumbers.mask(to));
        if (from != null) {
            s.append(", from=").append(from);
        }
        if (text != null) {
            // The text may hold a one-time code: show only its length.
            s.append(", text=(").append(text.length()).append(" chars)");
        }
        if (templateId != null) {
            s.append(", templateId=").append(templateId).append(", templateParams=").append(templateParams.keySet());
        }
        if (reference != null) {
            s.append(", reference=").append(reference);
        }
        if (tag != null) {
            s.append(", tag=").append(tag);
        }
        s.append(", purpose=").append(purpose);
        if (validUntil != null) {
            s.append(", validUntil=").append(validUntil);
        }
        return s.append('}').toString();
    }

    /** Builds an {@link SmsMessage}; not thread-safe. Each setter checks its argument. */
    public static final class Builder {
        private String to;
        private String from;
        private String text;
        private String templateId;
        private final Map<String, String> templateParams = new LinkedHashMap<>();
        private String reference;
        private String tag;
        private MessagePurpose purpose = MessagePurpose.TRANSACTIONAL;
        private Instant validUntil;
        private final Map<String, String> metadata = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder(SmsMessage m) {
            this.to = m.to;
            this.from = m.from;
            this.text = m.text;
            this.templateId = m.templateId;
            this.templateParams.putAll(m.templateParams);
            this.reference = m.reference;
            this.tag = m.tag;
            this.purpose = m.purpose;
            this.validUntil = m.validUntil;
            this.metadata.putAll(m.metadata);
        }

        /**
         * The recipient, national ({@code "691 234 5678"}, needs the client's default region) or
         * international ({@code "+30 691 234 5678"}). Required.
         *
         * @throws IllegalArgumentException if blank
         */
        public Builder to(String to) {
            this.to = requireText(to, "to", "give the recipient's phone number");
            return this;
        }

        /**
         * The sender ID (alphanumeric up to 11, a number, or a short code); overrides the client's default.
         *
         * @throws IllegalArgumentException if blank (leave it out to use the client's default sender)
         */
        public Builder from(String from) {
            this.from = requireText(from, "from", "leave it out to use the client's default sender");
            return this;
        }

        /** The text to send. Replaces a provider template set before. */
        public Builder text(String text) {
            this.text = Objects.requireNonNull(text, "text");
            this.templateId = null;
            this.templateParams.clear();
            return this;
        }

        /** The provider's approved template id (Aliyun, Tencent, DLT). Replaces a text set before. */
        public Builder templateId(String templateId) {
            this.templateId = requireText(templateId, "templateId");
            this.text = null;
            return this;
        }

        /** Replaces all template parameters; iteration order is kept. */
        public Builder templateParams(Map<String, String> params) {
            Objects.requireNonNull(params, "templateParams");
            this.templateParams.clear();
            params.forEach(this::putTemplateParam);
            return this;
        }

        /** Adds one template parameter. */
        public Builder putTemplateParam(String name, String value) {
            this.templateParams.put(requireText(name, "template parameter name"),
                    Objects.requireNonNull(value, () -> "value of template parameter '" + name + "'"));
            return this;
        }

        /** Your own id for the message; in an outbox also the idempotency key. */
        public Builder reference(String reference) {
            this.reference = requireText(reference, "reference");
            return this;
        }

        /** A category for grouping and queries. */
        public Builder tag(String tag) {
            this.tag = requireText(tag, "tag");
            return this;
        }

        /** Why the message is sent; default {@link MessagePurpose#TRANSACTIONAL}. */
        public Builder purpose(MessagePurpose purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /** After this instant the message should not be delivered any more. */
        public Builder validUntil(Instant validUntil) {
            this.validUntil = Objects.requireNonNull(validUntil, "validUntil");
            return this;
        }

        /** Replaces all metadata. */
        public Builder metadata(Map<String, String> metadata) {
            Objects.requireNonNull(metadata, "metadata");
            this.metadata.clear();
            metadata.forEach(this::putMetadata);
            return this;
        }

        /** Adds one metadata entry. */
        public Builder putMetadata(String key, String value) {
            this.metadata.put(requireText(key, "metadata key"),
                    Objects.requireNonNull(value, () -> "value of metadata '" + key + "'"));
            return this;
        }

        /**
         * Creates the message.
         *
         * @throws IllegalStateException if the recipient is missing, or neither a text nor a
         *                               template id was given
         */
        public SmsMessage build() {
            if (to == null) {
                throw new IllegalStateException("message has no recipient: call to(phoneNumber)");
            }
            if (text == null && templateId == null) {
                throw new IllegalStateException("message has no content: call text(...) or templateId(...)");
            }
            return new SmsMessage(this);
        }

        private static String requireText(String value, String name) {
            return requireText(value, name, null);
        }

        private static String requireText(String value, String name, String advice) {
            Objects.requireNonNull(value, name);
            if (value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank" + (advice == null ? "" : "; " + advice));
            }
            return value;
        }
    }
}
