package org.smsbridge.providers.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.smsbridge.MessageStatus;

/**
 * Folds the receipts of the parts of a multi-part message, which some providers report one by one,
 * into one status for the whole message (see {@link StatusMapping#combine}): parts not reported yet
 * count as {@link MessageStatus#SENT}. Remembers at most {@value #MAX_MESSAGES} messages (oldest
 * forgotten first) and forgets a message once every part is final. Not API; thread-safe.
 */
public final class PartReceipts {
    /** Most messages remembered at once. */
    public static final int MAX_MESSAGES = 10_000;

    private final Map<String, MessageStatus[]> byMessage = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, MessageStatus[]> eldest) {
            return size() > MAX_MESSAGES;
        }
    };

    /**
     * Records the status of part {@code part} (1-based) of {@code total} and returns the message's
     * combined status. A single-part message returns {@code status} unchanged.
     */
    public synchronized MessageStatus record(String messageId, int part, int total, MessageStatus status) {
        if (total <= 1 || part < 1 || part > total) {
            return status;
        }
        MessageStatus[] parts = byMessage.computeIfAbsent(messageId, k -> {
            MessageStatus[] a = new MessageStatus[total];
            java.util.Arrays.fill(a, MessageStatus.SENT);
            return a;
        });
        if (parts.length != total) {
            return status;
        }
        parts[part - 1] = status;
        java.util.List<MessageStatus> all = java.util.Arrays.asList(parts);
        if (all.stream().allMatch(MessageStatus::isFinal)) {
            byMessage.remove(messageId);
        }
        return StatusMapping.combine(all);
    }
}
