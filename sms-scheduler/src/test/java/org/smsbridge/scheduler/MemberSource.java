package org.smsbridge.scheduler;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link RecipientSource} over an in-memory member table, as a host would write it: each member
 * has dates per event type, and the source answers with the members whose date the query matches.
 */
final class MemberSource implements RecipientSource {
    private final Map<String, List<EventRecipient>> byType = new LinkedHashMap<>();
    final List<EventDateQuery> asked = new CopyOnWriteArrayList<>();

    /** Adds a member whose {@code type} date is {@code date}. */
    synchronized MemberSource add(EventType type, EventRecipient member, LocalDate date) {
        byType.computeIfAbsent(type.id(), k -> new ArrayList<>()).add(member.toBuilder().eventDate(date).build());
        return this;
    }

    @Override
    public synchronized Iterable<EventRecipient> recipients(EventDateQuery query) {
        asked.add(query);
        return byType.getOrDefault(query.type().id(), List.of()).stream()
                .filter(r -> query.matches(r.eventDate().orElseThrow()))
                .toList();
    }
}
