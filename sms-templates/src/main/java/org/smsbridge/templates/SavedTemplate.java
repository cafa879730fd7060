package org.smsbridge.templates;

import java.util.Objects;
import java.util.Optional;
import org.smsbridge.MessagePurpose;

/**
 * A template kept in a {@link TemplateLibrary}: a unique name, a description for people, the body,
 * the purpose of the messages it makes and, for providers that send only approved templates, the
 * carrier-approved template id.
 *
 * <pre>{@code
 * SavedTemplate car = SavedTemplate.builder()
 *         .name("car-ready")
 *         .description("Car repaired, ready for pick-up")
 *         .body("Dear {owner}, your car {plate} is ready. Cost: {cost:money}. {signature}")
 *         .purpose(MessagePurpose.TRANSACTIONAL)
 *         .carrierTemplateId("SMS_123456")
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread-safe. The body's syntax is checked when the library saves it.
 */
public final class SavedTemplate {
    /** The longest name allowed: 100 characters. */
    public static final int MAX_NAME_LENGTH = 100;

    private final String name;
    private final String description;
    private final String body;
    private final MessagePurpose purpose;
    private final String carrierTemplateId;

    private SavedTemplate(Builder b) {
        this.name = b.name;
        this.description = b.description;
        this.body = b.body;
        this.purpose = b.purpose;
        this.carrierTemplateId = b.carrierTemplateId;
    }

    /** Starts a saved template; {@code name} and {@code body} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this template's fields. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    public String name() {
        return name;
    }

    /** Text for people choosing a template; empty by default. */
    public String description() {
        return description;
    }

    public String body() {
        return body;
    }

    /** Purpose of the messages; default {@link MessagePurpose#TRANSACTIONAL}. */
    public MessagePurpose purpose() {
        return purpose;
    }

    /** The provider's id for the approved version of this template, when there is one. */
    public Optional<String> carrierTemplateId() {
        return Optional.ofNullable(carrierTemplateId);
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SavedTemplate)) {
            return false;
        }
        SavedTemplate t = (SavedTemplate) o;
        return name.equals(t.name) && description.equals(t.description) && body.equals(t.body)
                && purpose == t.purpose && Objects.equals(carrierTemplateId, t.carrierTemplateId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, description, body, purpose, carrierTemplateId);
    }

    @Override
    public String toString() {
        return "SavedTemplate{name=" + name + ", purpose=" + purpose
                + (carrierTemplateId == null ? "" : ", carrierTemplateId=" + carrierTemplateId)
                + ", body=" + body + '}';
    }

    /** Builds a {@link SavedTemplate}; not thread-safe. */
    public static final class Builder {
        private String name;
        private String description = "";
        private String body;
        private MessagePurpose purpose = MessagePurpose.TRANSACTIONAL;
        private String carrierTemplateId;

        private Builder() {
        }

        private Builder(SavedTemplate t) {
            this.name = t.name;
            this.description = t.description;
            this.body = t.body;
            this.purpose = t.purpose;
            this.carrierTemplateId = t.carrierTemplateId;
        }

        /**
         * The unique name (required), such as {@code car-ready} or {@code 生日祝福}.
         *
         * @throws IllegalArgumentException if blank, longer than {@link #MAX_NAME_LENGTH}, or with
         *                                  leading/trailing spaces or control characters
         */
        public Builder name(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || name.length() > MAX_NAME_LENGTH || !name.strip().equals(name)
                    || name.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("template name must be 1 to " + MAX_NAME_LENGTH
                        + " characters without control characters or surrounding spaces, was '" + name + "'");
            }
            this.name = name;
            return this;
        }

        /** Description for people; default empty. */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * The template text (required).
         *
         * @throws IllegalArgumentException if empty
         */
        public Builder body(String body) {
            Objects.requireNonNull(body, "body");
            if (body.isEmpty()) {
                throw new IllegalArgumentException("template body must not be empty");
            }
            this.body = body;
            return this;
        }

        /** Purpose of the messages; default {@link MessagePurpose#TRANSACTIONAL}. */
        public Builder purpose(MessagePurpose purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /**
         * The carrier-approved template id.
         *
         * @throws IllegalArgumentException if blank
         */
        public Builder carrierTemplateId(String carrierTemplateId) {
            Objects.requireNonNull(carrierTemplateId, "carrierTemplateId");
            if (carrierTemplateId.isBlank()) {
                throw new IllegalArgumentException("carrierTemplateId must not be blank; omit it when there is none");
            }
            this.carrierTemplateId = carrierTemplateId;
            return this;
        }

        /** Removes the carrier-approved template id. */
        public Builder noCarrierTemplateId() {
            this.carrierTemplateId = null;
            return this;
        }

        /**
         * Creates the saved template.
         *
         * @throws IllegalStateException if the name or body was not set
         */
        public SavedTemplate build() {
            if (name == null || body == null) {
                throw new IllegalStateException("a saved template needs a name and a body; set "
                        + (name == null ? "name(...)" : "body(...)"));
            }
            return new SavedTemplate(this);
        }
    }
}
