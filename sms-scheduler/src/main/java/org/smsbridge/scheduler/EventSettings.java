package org.smsbridge.scheduler;

import java.util.Objects;
import java.util.Optional;
import org.smsbridge.MessagePurpose;
import org.smsbridge.SenderId;
import org.smsbridge.templates.Template;

/**
 * How one {@link EventType} is sent: on or off, the template, the sending account (sender id), the
 * message purpose and, for {@link EventType.Kind#BEFORE_DATE} types, how many days before the date.
 * Immutable and thread-safe; {@link EventNotifications#configure(EventSettings)} replaces a type's
 * settings at run time (a settings screen's "save").
 *
 * <pre>{@code
 * EventSettings birthday = EventSettings.builder(EventType.BIRTHDAY)
 *         .enabled(true)
 *         .template("{name}，祝您生日快乐！{company}")
 *         .sender("AOYOU")
 *         .build();
 * }</pre>
 */
public final class EventSettings {
    private final EventType type;
    private final boolean enabled;
    private final Template template;
    private final String sender;
    private final MessagePurpose purpose;
    private final int daysBefore;

    private EventSettings(Builder b) {
        this.type = b.type;
        this.enabled = b.enabled;
        this.template = b.template != null ? b.template : Template.compile(b.type.defaultTemplate());
        this.sender = b.sender;
        this.purpose = b.purpose;
        this.daysBefore = b.daysBefore != null ? b.daysBefore : b.type.defaultDaysBefore();
    }

    /**
     * Settings for {@code type}: disabled (like the products' unticked "enable" boxes), the type's
     * default template, no sender (the client's default sender), purpose
     * {@link MessagePurpose#TRANSACTIONAL}, the type's default days before.
     */
    public static Builder builder(EventType type) {
        return new Builder(Objects.requireNonNull(type, "type"));
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder(type);
        b.enabled = enabled;
        b.template = template;
        b.sender = sender;
        b.purpose = purpose;
        b.daysBefore = daysBefore;
        return b;
    }

    public EventType type() {
        return type;
    }

    /** Whether messages of this type are made; a disabled type's {@code notify} makes none and says so. */
    public boolean enabled() {
        return enabled;
    }

    public Template template() {
        return template;
    }

    /** The sending account's sender id ({@code SmsMessage.from}); empty: the client's default sender. */
    public Optional<String> sender() {
        return Optional.ofNullable(sender);
    }

    public MessagePurpose purpose() {
        return purpose;
    }

    /** Days before the event date the reminder goes out; 0 for types that are not {@link EventType.Kind#BEFORE_DATE}. */
    public int daysBefore() {
        return daysBefore;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventSettings s && type.equals(s.type) && enabled == s.enabled
                && template.body().equals(s.template.body()) && template.engine().equals(s.template.engine())
                && Objects.equals(sender, s.sender) && purpose == s.purpose && daysBefore == s.daysBefore;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, enabled, template.body(), sender, purpose, daysBefore);
    }

    @Override
    public String toString() {
        return "EventSettings{type=" + type.id() + ", enabled=" + enabled + ", sender=" + sender + ", purpose="
                + purpose + (type.kind() == EventType.Kind.BEFORE_DATE ? ", daysBefore=" + daysBefore : "")
                + ", template=" + template.body() + '}';
    }

    /** Builds {@link EventSettings}; not thread-safe. */
    public static final class Builder {
        private final EventType type;
        private boolean enabled;
        private Template template;
        private String sender;
        private MessagePurpose purpose = MessagePurpose.TRANSACTIONAL;
        private Integer daysBefore;

        private Builder(EventType type) {
            this.type = type;
        }

        /** Whether the type is on; default {@code false}. */
        public Builder enabled(boolean enabled) {
            this.enabled = enabled;
            return this;
        }

        /** The template; default the type's {@link EventType#defaultTemplate()}. */
        public Builder template(Template template) {
            this.template = Objects.requireNonNull(template, "template");
            return this;
        }

        /**
         * Compiles {@code body} with the default engine ({@link Template#compile(String)}).
         *
         * @throws org.smsbridge.templates.TemplateSyntaxException if the body is malformed
         */
        public Builder template(String body) {
            return template(Template.compile(Objects.requireNonNull(body, "template")));
        }

        /**
         * The sending account's sender id, put in each message's {@code from}; default none (the
         * client's default sender). The provider's rules are checked when the message is sent.
         *
         * @throws org.smsbridge.SmsException of kind {@code INVALID_SENDER} if it is no sender id at all
         */
        public Builder sender(String sender) {
            Objects.requireNonNull(sender, "sender");
            SenderId.parse(sender);
            this.sender = sender;
            return this;
        }

        /** The messages' purpose; default {@link MessagePurpose#TRANSACTIONAL}. */
        public Builder purpose(MessagePurpose purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /**
         * Days before the event date for a {@link EventType.Kind#BEFORE_DATE} type (0: on the date);
         * default {@link EventType#defaultDaysBefore()}.
         *
         * @throws IllegalArgumentException if the type is not {@code BEFORE_DATE} or {@code days} is
         *                                  not between 0 and {@value EventType#MAX_DAYS_BEFORE}
         */
        public Builder daysBefore(int days) {
            if (type.kind() != EventType.Kind.BEFORE_DATE) {
                throw new IllegalArgumentException("event type '" + type.id() + "' is " + type.kind()
                        + "; only BEFORE_DATE types are sent a number of days before a date");
            }
            this.daysBefore = EventType.checkDays(type.id(), days);
            return this;
        }

        /** The settings. */
        public EventSettings build() {
            return new EventSettings(this);
        }
    }
}
