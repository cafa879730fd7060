package org.smsbridge.scheduler;

/**
 * Receives {@link OutboxEvent}s. Called synchronously on the thread that made the transition
 * (a caller's thread or the outbox's executor): keep it quick and thread-safe. An exception it
 * throws is logged and ignored.
 */
@FunctionalInterface
public interface OutboxListener {
    /** Called once per event. */
    void onEvent(OutboxEvent event);
}
