package org.smsbridge.scheduler;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smsbridge.phone.PhoneNumbers;

/**
 * Who an event message goes to: the host's id for the member or customer, the phone number, the
 * values the template may use ({@code name}, {@code cardNumber}, {@code plate}...), and optionally
 * the recipient's time zone and the date of the event being asked about (birthday, expiry or due
 * date). Immutable and thread-safe.
 *
 * <pre>{@code
 * EventRecipient maria = EventRecipient.builder("member-42", "+306912345678")
 *         .putValue("name", "Μαρία").putValue("cardNumber", "A-1001")
 *         .zone(ZoneId.of("Europe/Athens"))
 *         .eventDate(LocalDate.of(1990, 5, 17))      // her birthday, when a RecipientSource answers for BIRTHDAY
 *         .build();
 * }</pre>
 *
 * <p>The id is part of the outbox reference that keeps the daily job from sending twice, so it must
 * be stable (a database key, not a row number). Without an explicit zone the zone comes from the
 * number's country ({@code +86} is Asia/Shanghai) or, when that is unknown or ambiguous (a number
 * written without {@code +country}, a US number), the {@link EventNotifications}' default zone.
 */
public final class EventRecipient {
    /** Longest id; the id is part of outbox references. */
    public static final int MAX_ID_LENGTH = 100;

    private final String id;
    private final String phone;
    private final Map<String, Object> values;
    private final ZoneId zone;
    private final LocalDate eventDate;

    private EventRecipient(Builder b) {
        this.id = b.id;
        this.phone = b.phone;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
        this.zone = b.zone;
        this.eventDate = b.eventDate;
    }

    /**
     * Starts a recipient.
     *
     * @param id    the host's stable id, at most {@value #MAX_ID_LENGTH} characters
     * @param phone the number as stored by the host (E.164 {@code +30...} lets the zone be found from it)
     * @throws IllegalArgumentException if either is blank or the id is too long
     */
    public static Builder builder(String id, String phone) {
        return new Builder(Checks.text("id", id, MAX_ID_LENGTH), Checks.text("phone", phone, 32));
    }

    /** A builder holding this recipient. */
    public Builder toBuilder() {
        Builder b = new Builder(id, phone);
        b.values.putAll(values);
        b.zone = zone;
        b.eventDate = eventDate;
        return b;
    }

    public String id() {
        return id;
    }

    public String phone() {
        return phone;
    }

    /** The template values, in insertion order; unmodifiable. */
    public Map<String, Object> values() {
        return values;
    }

    /** The recipient's own time zone, if the host knows it. */
    public Optional<ZoneId> zone() {
        return Optional.ofNullable(zone);
    }

    /**
     * The date of the event asked about (birthday with its year, card or voucher expiry, due date).
     * When present, the daily job checks it against the day it runs for and skips a recipient whose
     * date does not match; it is also the template value {@code eventDate}.
     */
    public Optional<LocalDate> eventDate() {
        return Optional.ofNullable(eventDate);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventRecipient r && id.equals(r.id) && phone.equals(r.phone) && values.equals(r.values)
                && Objects.equals(zone, r.zone) && Objects.equals(eventDate, r.eventDate);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, phone, values, zone, eventDate);
    }

    /** Shows the id, a masked number and the value names (not their contents). */
    @Override
    public String toString() {
        return "EventRecipient{id=" + id + ", phone=" + PhoneNumbers.mask(phone) + ", values=" + values.keySet()
                + (zone != null ? ", zone=" + zone : "") + (eventDate != null ? ", eventDate=" + eventDate : "") + '}';
    }

    /** Builds an {@link EventRecipient}; not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String phone;
        private final Map<String, Object> values = new LinkedHashMap<>();
        private ZoneId zone;
        private LocalDate eventDate;

        private Builder(String id, String phone) {
            this.id = id;
            this.phone = phone;
        }

        /** Replaces the template values with a copy of {@code values} (no null keys or values). */
        public Builder values(Map<String, ?> values) {
            Objects.requireNonNull(values, "values");
            Map<String, Object> copy = new LinkedHashMap<>();
            values.forEach((k, v) -> copy.put(checkKey(k), Objects.requireNonNull(v, () -> "value of '" + k + "'")));
            this.values.clear();
            this.values.putAll(copy);
            return this;
        }

        /** Adds one template value, replacing an earlier one of the same name. */
        public Builder putValue(String name, Object value) {
            values.put(checkKey(name), Objects.requireNonNull(value, () -> "value of '" + name + "'"));
            return this;
        }

        /** The recipient's time zone; default: from the number, else the notifications' default zone. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** The date of the event asked about; see {@link EventRecipient#eventDate()}. */
        public Builder eventDate(LocalDate eventDate) {
            this.eventDate = Objects.requireNonNull(eventDate, "eventDate");
            return this;
        }

        /** The recipient. */
        public EventRecipient build() {
            return new EventRecipient(this);
        }

        private static String checkKey(String name) {
            Objects.requireNonNull(name, "value name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("value names must not be blank");
            }
            return name;
        }
    }
}
