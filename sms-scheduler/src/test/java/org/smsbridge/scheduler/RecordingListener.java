package org.smsbridge.scheduler;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every event. */
final class RecordingListener implements OutboxListener {
    private final List<OutboxEvent> events = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(OutboxEvent event) {
        events.add(event);
    }

    List<OutboxEvent> events() {
        return List.copyOf(events);
    }

    <T extends OutboxEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
