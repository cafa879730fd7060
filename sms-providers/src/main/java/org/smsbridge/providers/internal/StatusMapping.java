package org.smsbridge.providers.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.smsbridge.MessageStatus;

/**
 * A provider's status words mapped to the unified {@link MessageStatus} (case-insensitive;
 * unknown words are {@link MessageStatus#UNKNOWN}), and the rule that combines the statuses of the
 * parts of one multi-part message. Not API; immutable and thread-safe.
 *
 * <pre>{@code
 * static final StatusMapping STATUS = StatusMapping.builder()
 *         .map(MessageStatus.QUEUED, "queued", "accepted")
 *         .map(MessageStatus.DELIVERED, "delivered")
 *         .build();
 * MessageStatus s = STATUS.of("Delivered");
 * }</pre>
 */
public final class StatusMapping {
    /**
     * Order used by {@link #combine}: the first status in this list that any part has wins. A
     * failure of any part makes the message failed; otherwise the least advanced part decides;
     * it is delivered only when every part is.
     */
    private static final List<MessageStatus> PRECEDENCE = List.of(MessageStatus.REJECTED, MessageStatus.FAILED,
            MessageStatus.UNDELIVERED, MessageStatus.EXPIRED, MessageStatus.UNKNOWN, MessageStatus.DRAFT,
            MessageStatus.SCHEDULED, MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT,
            MessageStatus.DELIVERED);

    private final Map<String, MessageStatus> byWord;

    private StatusMapping(Map<String, MessageStatus> byWord) {
        this.byWord = Map.copyOf(byWord);
    }

    /** Starts a mapping. */
    public static Builder builder() {
        return new Builder();
    }

    /** The unified status of a provider word; {@link MessageStatus#UNKNOWN} for null or unknown words. */
    public MessageStatus of(String providerStatus) {
        if (providerStatus == null) {
            return MessageStatus.UNKNOWN;
        }
        return byWord.getOrDefault(providerStatus.strip().toLowerCase(Locale.ROOT), MessageStatus.UNKNOWN);
    }

    /**
     * Combines the statuses of the parts of one message: any REJECTED, FAILED, UNDELIVERED or
     * EXPIRED part (in that order) decides; then UNKNOWN; then the least advanced of QUEUED, SENDING,
     * SENT; DELIVERED only when every part is delivered.
     *
     * @throws IllegalArgumentException if {@code parts} is empty
     */
    public static MessageStatus combine(Collection<MessageStatus> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("combine needs at least one part status");
        }
        for (MessageStatus s : PRECEDENCE) {
            if (parts.contains(s)) {
                return s;
            }
        }
        return MessageStatus.UNKNOWN;
    }

    /** Builds a {@link StatusMapping}; not thread-safe. */
    public static final class Builder {
        private final Map<String, MessageStatus> byWord = new HashMap<>();

        private Builder() {
        }

        /** Maps each word (case-insensitive) to {@code status}. */
        public Builder map(MessageStatus status, String... words) {
            Objects.requireNonNull(status, "status");
            for (String w : words) {
                byWord.put(w.strip().toLowerCase(Locale.ROOT), status);
            }
            return this;
        }

        /** Creates the mapping. */
        public StatusMapping build() {
            return new StatusMapping(byWord);
        }
    }
}
