package org.smsbridge.providers.vonage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smsbridge.MessageStatus;
import org.smsbridge.providers.internal.StatusMapping;

/**
 * Remembers the part ids of recent multi-part messages so that their receipts fold into one status
 * for the first part's id. Bounded (oldest groups are forgotten first); thread-safe.
 */
final class VonageParts {
    static final int MAX_PARTS = 20_000;

    /** One multi-part message: its first id and the latest status of each part. */
    private static final class Group {
        final String primaryId;
        final Map<String, MessageStatus> statuses = new LinkedHashMap<>();

        Group(String primaryId, List<String> partIds) {
            this.primaryId = primaryId;
            partIds.forEach(id -> statuses.put(id, MessageStatus.SENT));
        }
    }

    private final Map<String, Group> byPart = new LinkedHashMap<>(64, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Group> eldest) {
            return size() > MAX_PARTS;
        }
    };

    synchronized void register(List<String> partIds) {
        Group g = new Group(partIds.get(0), partIds);
        partIds.forEach(id -> byPart.put(id, g));
    }

    /** The combined view after a part's receipt: the first part's id and the combined status. */
    record Combined(String primaryId, MessageStatus status, int parts) {
    }

    synchronized Optional<Combined> record(String partId, MessageStatus status) {
        Group g = byPart.get(partId);
        if (g == null) {
            return Optional.empty();
        }
        g.statuses.put(partId, status);
        MessageStatus combined = StatusMapping.combine(g.statuses.values());
        if (combined.isFinal() && g.statuses.values().stream().allMatch(MessageStatus::isFinal)) {
            g.statuses.keySet().forEach(byPart::remove);
        }
        return Optional.of(new Combined(g.primaryId, combined, g.statuses.size()));
    }
}
