/**
 * The SMS outbox: {@link org.smsbridge.scheduler.Outbox} keeps messages in folders (Outbox, Sent,
 * Drafts, Deleted, Failed), sends them automatically every {@code sendInterval} or on
 * {@link org.smsbridge.scheduler.Outbox#sendNow()}, retries with
 * {@link org.smsbridge.scheduler.RetryPolicy}, schedules, pauses when the balance runs out, applies
 * delivery receipts and answers {@link org.smsbridge.scheduler.OutboxQuery} searches. Entries live
 * in an {@link org.smsbridge.scheduler.OutboxStore}: {@code OutboxStore.inMemory()} or
 * {@link org.smsbridge.scheduler.JdbcOutboxStore} on the host's PostgreSQL, MariaDB/MySQL or H2,
 * shared safely by several nodes. Start with {@link org.smsbridge.scheduler.Outbox#builder()}.
 * {@link org.smsbridge.scheduler.Campaigns} runs marketing and customer-care
 * {@link org.smsbridge.scheduler.Campaign}s on an outbox (quiet hours, carrier approval, opt-out).
 * {@link org.smsbridge.scheduler.BulkImport} streams CSV, TSV and TXT files of customers into an
 * outbox after a preview and a confirmation.
 * {@link org.smsbridge.scheduler.EventNotifications} turns business events (registration,
 * birthday, expiry and due dates, car ready, ...) into outbox messages.
 * Outboxes and stores are thread-safe; values ({@code OutboxEntry}, {@code OutboxQuery},
 * {@code RetryPolicy}, events) are immutable; builders are not thread-safe.
 */
package org.smsbridge.scheduler;
