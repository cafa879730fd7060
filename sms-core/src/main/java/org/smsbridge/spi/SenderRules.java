package org.smsbridge.spi;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.smsbridge.ErrorKind;
import org.smsbridge.SenderId;
import org.smsbridge.SmsException;

/**
 * Which sender IDs a provider accepts, on top of the general rules of {@link SenderId}. Immutable.
 *
 * <pre>{@code
 * SenderRules rules = SenderRules.builder()
 *         .allowedTypes(SenderId.Type.ALPHANUMERIC, SenderId.Type.NUMERIC)
 *         .maxAlphanumericLength(11)
 *         .senderRequired(true)
 *         .build();
 * }</pre>
 */
public final class SenderRules {
    private static final SenderRules PERMISSIVE = builder().build();

    private final Set<SenderId.Type> allowedTypes;
    private final int maxAlphanumericLength;
    private final boolean senderRequired;
    private final String note;

    private SenderRules(Builder b) {
        this.allowedTypes = Set.copyOf(b.allowedTypes);
        this.maxAlphanumericLength = b.maxAlphanumericLength;
        this.senderRequired = b.senderRequired;
        this.note = b.note;
    }

    /** Every sender type, 11 characters, sender optional. */
    public static SenderRules permissive() {
        return PERMISSIVE;
    }

    /** Starts rules that allow everything until restricted. */
    public static Builder builder() {
        return new Builder();
    }

    /** The accepted sender types. */
    public Set<SenderId.Type> allowedTypes() {
        return allowedTypes;
    }

    /** Longest alphanumeric sender accepted. */
    public int maxAlphanumericLength() {
        return maxAlphanumericLength;
    }

    /** Whether every message needs a sender (the client's default or the message's). */
    public boolean senderRequired() {
        return senderRequired;
    }

    /**
     * The problem with {@code sender} under these rules, or empty when it is accepted.
     *
     * @param provider the provider's name, used in the message
     */
    public Optional<String> problem(SenderId sender, String provider) {
        Objects.requireNonNull(sender, "sender");
        if (!allowedTypes.contains(sender.type())) {
            return Optional.of("provider '" + provider + "' does not accept " + describe(sender.type())
                    + " senders such as '" + sender.value() + "'; it accepts " + describeAllowed() + suffix());
        }
        if (sender.type() == SenderId.Type.ALPHANUMERIC && sender.value().length() > maxAlphanumericLength) {
            return Optional.of("sender '" + sender.value() + "' has " + sender.value().length()
                    + " characters; provider '" + provider + "' allows at most " + maxAlphanumericLength + suffix());
        }
        return Optional.empty();
    }

    /**
     * Throws when {@code sender} is not accepted.
     *
     * @throws SmsException {@link ErrorKind#INVALID_SENDER} naming the rule
     */
    public void validate(SenderId sender, String provider) {
        Optional<String> p = problem(sender, provider);
        if (p.isPresent()) {
            throw new SmsException(ErrorKind.INVALID_SENDER, p.get());
        }
    }

    private String suffix() {
        return note == null ? "" : " (" + note + ")";
    }

    private String describeAllowed() {
        StringBuilder s = new StringBuilder();
        for (SenderId.Type t : SenderId.Type.values()) {
            if (allowedTypes.contains(t)) {
                s.append(s.length() == 0 ? "" : ", ").append(describe(t));
            }
        }
        return s.length() == 0 ? "no sender IDs" : s + " senders";
    }

    private static String describe(SenderId.Type t) {
        switch (t) {
            case ALPHANUMERIC:
                return "alphanumeric";
            case NUMERIC:
                return "numeric";
            default:
                return "short code";
        }
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SenderRules)) {
            return false;
        }
        SenderRules r = (SenderRules) o;
        return allowedTypes.equals(r.allowedTypes) && maxAlphanumericLength == r.maxAlphanumericLength
                && senderRequired == r.senderRequired && Objects.equals(note, r.note);
    }

    @Override
    public int hashCode() {
        return Objects.hash(allowedTypes, maxAlphanumericLength, senderRequired, note);
    }

    @Override
    public String toString() {
        return "SenderRules{types=" + allowedTypes + ", maxAlphanumericLength=" + maxAlphanumericLength
                + ", senderRequired=" + senderRequired + '}';
    }

    /** Builds {@link SenderRules}; not thread-safe. */
    public static final class Builder {
        private Set<SenderId.Type> allowedTypes = EnumSet.allOf(SenderId.Type.class);
        private int maxAlphanumericLength = SenderId.MAX_ALPHANUMERIC_LENGTH;
        private boolean senderRequired;
        private String note;

        private Builder() {
        }

        /**
         * The accepted types; default all.
         *
         * @throws IllegalArgumentException if none is given
         */
        public Builder allowedTypes(SenderId.Type... types) {
            if (types.length == 0) {
                throw new IllegalArgumentException("allowedTypes needs at least one type");
            }
            EnumSet<SenderId.Type> set = EnumSet.noneOf(SenderId.Type.class);
            for (SenderId.Type t : types) {
                set.add(Objects.requireNonNull(t, "type"));
            }
            this.allowedTypes = set;
            return this;
        }

        /**
         * Longest alphanumeric sender; default 11.
         *
         * @throws IllegalArgumentException if not between 1 and 11
         */
        public Builder maxAlphanumericLength(int max) {
            if (max < 1 || max > SenderId.MAX_ALPHANUMERIC_LENGTH) {
                throw new IllegalArgumentException("maxAlphanumericLength must be between 1 and 11, was " + max);
            }
            this.maxAlphanumericLength = max;
            return this;
        }

        /** Whether a sender is required; default false. */
        public Builder senderRequired(boolean required) {
            this.senderRequired = required;
            return this;
        }

        /** A short hint added to error messages, such as "register sender names in the Twilio console". */
        public Builder note(String note) {
            this.note = Objects.requireNonNull(note, "note");
            return this;
        }

        /** Creates the rules. */
        public SenderRules build() {
            return new SenderRules(this);
        }
    }
}
