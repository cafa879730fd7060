package org.smsbridge.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.smsbridge.Balance;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.scheduler.internal.Times;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An outbox of text messages with folders (Outbox, Sent, Drafts, Deleted, Failed), automatic
 * sending every {@code sendInterval}, retries with exponential backoff, scheduling, and a pause
 * when the account runs out of balance. Entries live in an {@link OutboxStore}; several
 * {@code Outbox} instances (application nodes) may share one {@link JdbcOutboxStore}: each due
 * message is claimed by one node with a lease and sent at most once per attempt.
 *
 * <pre>{@code
 * Outbox outbox = Outbox.builder()
 *         .client(sms)
 *         .store(new JdbcOutboxStore(dataSource))      // or OutboxStore.inMemory()
 *         .sendInterval(Duration.ofMinutes(5))
 *         .autoSend(true).autoRetryFailed(true)
 *         .retryPolicy(RetryPolicy.exponential(Duration.ofSeconds(30), Duration.ofHours(1), 5))
 *         .build();
 * outbox.start();
 * OutboxEntry e = outbox.enqueue(SmsMessage.builder().to("+306912345678").text("Your car is ready").build());
 * outbox.close();
 * }</pre>
 *
 * <p>Thread-safe: every method may be called from any thread. Sending runs on the executor, one run
 * at a time per instance; a batch of up to {@code batchSize} messages is handed to the client at once,
 * and while its outcomes are written to the store (on the outbox's own recorder thread) the next
 * batch is claimed and sent.
 */
public final class Outbox implements AutoCloseable {
    /** Time between automatic sending runs when none is given. */
    public static final Duration DEFAULT_SEND_INTERVAL = Duration.ofMinutes(5);
    /** Entries claimed (and sent concurrently) per batch when none is given. */
    public static final int DEFAULT_BATCH_SIZE = 100;
    /** How long a claim lasts when none is given; a node that dies releases its claims after it. */
    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofMinutes(5);
    /** How long {@link #close()} waits for a running batch when none is given. */
    public static final Duration DEFAULT_CLOSE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How many times {@code autoRetryFailed} puts one Failed entry back in the outbox, at most; each
     * time gives it one more provider call, so a message is tried at most
     * {@code retryPolicy.maxAttempts() + MAX_AUTO_RETRIES} times in all.
     */
    public static final int MAX_AUTO_RETRIES = 3;

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final Set<ErrorKind> RETRYABLE_KINDS = retryableKinds();
    private static final int MAX_CONFLICT_RETRIES = 5;
    private static final int MAX_STORE_BACKOFF_TICKS = 16;
    /** Failed entries read per query while looking for ones {@code autoRetryFailed} may re-queue. */
    private static final int REQUEUE_PAGE = 500;

    private final SmsClient client;
    private final OutboxStore store;
    private final Duration sendInterval;
    private final boolean autoSend;
    private final boolean autoRetryFailed;
    private final boolean probeBalance;
    private final RetryPolicy retryPolicy;
    private final int batchSize;
    private final Clock clock;
    private final String nodeId;
    private final ScheduledExecutorService executor;
    private final boolean ownExecutor;
    /** Writes a batch's outcomes while the next batch is sent. */
    private final ExecutorService recorder;
    private final Duration leaseDuration;
    private final Duration closeTimeout;
    private final List<OutboxListener> listeners;

    private final ReentrantLock runLock = new ReentrantLock();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean paused = new AtomicBoolean();
    private final AtomicLong unmatchedReceipts = new AtomicLong();
    /**
     * Receipts that came before their entry was stored as sent (a provider that answers fast, the
     * fake's receipts in tests), by provider message id; applied when this outbox stores the entry
     * or finds it on a later run, dropped after {@link #EARLY_RECEIPT_GRACE}.
     */
    private final Map<String, EarlyReceipt> earlyReceipts = new ConcurrentHashMap<>();
    private final AtomicInteger storeFailures = new AtomicInteger();
    private final AtomicInteger ticksToSkip = new AtomicInteger();
    private volatile ScheduledFuture<?> ticking;
    /** Outcomes of sends whose recording failed (store down); recorded first by the next run. Guarded by itself. */
    private final List<Completion> pending = new ArrayList<>();
    /** {@link #sendNow()} calls whose own pass has not ended yet; every run reports to them. Guarded by itself. */
    private final List<ManualSend> manualSends = new ArrayList<>();

    private record Completion(OutboxEntry claimed, OutboxEntry update, OutboxEvent event) {
    }

    /**
     * One {@link #sendNow()} call: the sums of the runs of this outbox that ended since the call
     * (all of a run that was under way at the call counts), until its own pass has ended.
     * Guarded by {@link #manualSends}.
     */
    private static final class ManualSend {
        final Consumer<SendProgress> progress;
        final CompletableFuture<SendProgress> result = new CompletableFuture<>();
        final RunCounts ended = new RunCounts();

        ManualSend(Consumer<SendProgress> progress) {
            this.progress = progress;
        }
    }

    /** What one run, or several added up, claimed, sent, retried and failed. */
    private static final class RunCounts {
        int claimed;
        int sent;
        int retried;
        int failed;

        void add(RunCounts o) {
            claimed += o.claimed;
            sent += o.sent;
            retried += o.retried;
            failed += o.failed;
        }

        SendProgress plus(RunCounts o, boolean paused, boolean done) {
            return new SendProgress(claimed + o.claimed, sent + o.sent, retried + o.retried, failed + o.failed,
                    paused, done);
        }

        SendProgress progress(boolean paused, boolean done) {
            return new SendProgress(claimed, sent, retried, failed, paused, done);
        }
    }

    private Outbox(Builder b) {
        this.client = b.client;
        this.store = b.store;
        this.sendInterval = b.sendInterval;
        this.autoSend = b.autoSend;
        this.autoRetryFailed = b.autoRetryFailed;
        this.probeBalance = b.probeBalance;
        this.retryPolicy = b.retryPolicy;
        this.batchSize = b.batchSize;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.nodeId = b.nodeId != null ? b.nodeId : defaultNodeId();
        this.ownExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-outbox-" + nodeId);
            t.setDaemon(true);
            return t;
        });
        this.recorder = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sms-outbox-recorder-" + nodeId);
            t.setDaemon(true);
            return t;
        });
        this.leaseDuration = b.leaseDuration;
        this.closeTimeout = b.closeTimeout;
        this.listeners = List.copyOf(b.listeners);
    }

    /**
     * Starts an outbox configuration.
     *
     * <pre>{@code
     * Outbox outbox = Outbox.builder().client(sms).store(OutboxStore.inMemory()).autoSend(false).build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts automatic sending when {@code autoSend} is on: a first run at once, then one every
     * {@code sendInterval} after the previous ended. Calling it again does nothing.
     *
     * @throws IllegalStateException if closed
     */
    public void start() {
        ensureOpen();
        if (started.compareAndSet(false, true) && autoSend) {
            ticking = executor.scheduleWithFixedDelay(this::tick, 0, sendInterval.toNanos(), TimeUnit.NANOSECONDS);
            LOG.debug("outbox {} sends automatically every {}", nodeId, sendInterval);
        }
    }

    // ---------------------------------------------------------------- adding messages

    /** Like {@link #enqueue(SmsMessage, EntryOptions)} with no options. */
    public OutboxEntry enqueue(SmsMessage message) {
        return enqueue(message, EntryOptions.none());
    }

    /**
     * Puts a message in the outbox to be sent by the next run. If an entry with the same message
     * {@code reference} exists (in any folder), returns it and adds nothing.
     *
     * @return the new or existing entry
     * @throws IllegalStateException if closed
     * @throws OutboxStoreException  if the store fails
     */
    public OutboxEntry enqueue(SmsMessage message, EntryOptions options) {
        Instant now = now();
        return add(newEntry(message, options, Folder.OUTBOX, MessageStatus.QUEUED, now, now, Optional.empty()),
                OutboxEvent.Enqueued::new);
    }

    /**
     * Puts many messages in the outbox in one store call (batched by {@link JdbcOutboxStore}); each
     * as {@link #enqueue(SmsMessage, EntryOptions)} would.
     *
     * @return the new or existing entries, in input order
     */
    public List<OutboxEntry> enqueueAll(Collection<SmsMessage> messages, EntryOptions options) {
        Instant now = now();
        List<OutboxEntry> fresh = new ArrayList<>(messages.size());
        for (SmsMessage m : messages) {
            fresh.add(newEntry(m, options, Folder.OUTBOX, MessageStatus.QUEUED, now, now, Optional.empty()));
        }
        return insertAll(fresh, false);
    }

    /**
     * Puts many messages in the outbox in one store call, each to be sent by the first run at or
     * after {@code at}, as {@link #schedule(SmsMessage, Instant, EntryOptions)} would. A time that
     * has passed means "as soon as possible" (the entries are plain queued entries then).
     *
     * @return the new or existing entries, in input order
     * @throws IllegalStateException if closed
     * @throws OutboxStoreException  if the store fails
     */
    public List<OutboxEntry> scheduleAll(Collection<SmsMessage> messages, Instant at, EntryOptions options) {
        Objects.requireNonNull(at, "at");
        Instant now = now();
        Instant when = Times.millis(at);
        boolean later = when.isAfter(now);
        List<OutboxEntry> fresh = new ArrayList<>(messages.size());
        for (SmsMessage m : messages) {
            fresh.add(later
                    ? newEntry(m, options, Folder.OUTBOX, MessageStatus.SCHEDULED, now, when, Optional.of(when))
                    : newEntry(m, options, Folder.OUTBOX, MessageStatus.QUEUED, now, now, Optional.empty()));
        }
        return insertAll(fresh, later);
    }

    private List<OutboxEntry> insertAll(List<OutboxEntry> fresh, boolean scheduled) {
        List<Optional<OutboxEntry>> stored = store.insertAll(fresh);
        List<OutboxEntry> out = new ArrayList<>(fresh.size());
        for (int i = 0; i < fresh.size(); i++) {
            Optional<OutboxEntry> s = stored.get(i);
            if (s.isPresent()) {
                emit(scheduled ? new OutboxEvent.Scheduled(s.get()) : new OutboxEvent.Enqueued(s.get()));
                out.add(s.get());
            } else {
                out.add(existing(fresh.get(i)));
            }
        }
        return out;
    }

    /** Like {@link #schedule(SmsMessage, Instant, EntryOptions)} with no options. */
    public OutboxEntry schedule(SmsMessage message, Instant at) {
        return schedule(message, at, EntryOptions.none());
    }

    /**
     * Puts a message in the outbox to be sent by the first run at or after {@code at}, never before.
     * Idempotent on the message reference like {@link #enqueue}.
     *
     * @return the new or existing entry
     * @throws IllegalStateException if closed
     */
    public OutboxEntry schedule(SmsMessage message, Instant at, EntryOptions options) {
        Objects.requireNonNull(at, "at");
        Instant when = Times.millis(at);
        return add(newEntry(message, options, Folder.OUTBOX, MessageStatus.SCHEDULED, now(), when, Optional.of(when)),
                OutboxEvent.Scheduled::new);
    }

    /** Like {@link #saveDraft(SmsMessage, EntryOptions)} with no options. */
    public OutboxEntry saveDraft(SmsMessage message) {
        return saveDraft(message, EntryOptions.none());
    }

    /**
     * Saves a message as a draft: never sent until {@link #submitDraft(long)}. Idempotent on the
     * message reference like {@link #enqueue}.
     *
     * @return the new or existing entry
     */
    public OutboxEntry saveDraft(SmsMessage message, EntryOptions options) {
        Instant now = now();
        return add(newEntry(message, options, Folder.DRAFTS, MessageStatus.DRAFT, now, now, Optional.empty()),
                OutboxEvent.DraftSaved::new);
    }

    /**
     * Replaces the message of a draft.
     *
     * @throws IllegalArgumentException if there is no entry {@code id}, or the new reference is used by another entry
     * @throws IllegalStateException    if the entry is not in {@link Folder#DRAFTS}
     */
    public OutboxEntry updateDraft(long id, SmsMessage message) {
        Objects.requireNonNull(message, "message");
        message.reference().flatMap(store::findByReference).filter(other -> other.id() != id).ifPresent(other -> {
            throw new IllegalArgumentException("reference '" + message.reference().get() + "' is used by entry "
                    + other.id() + "; give the draft another reference");
        });
        OutboxEntry e = change(id, "update draft", cur -> {
            requireFolder(cur, "update it as a draft", Folder.DRAFTS);
            return cur.toBuilder().message(message).build();
        });
        emit(new OutboxEvent.DraftSaved(e));
        return e;
    }

    /**
     * Moves a draft to the outbox, to be sent by the next run.
     *
     * @throws IllegalArgumentException if there is no entry {@code id}
     * @throws IllegalStateException    if the entry is not in {@link Folder#DRAFTS}
     */
    public OutboxEntry submitDraft(long id) {
        Instant now = now();
        OutboxEntry e = change(id, "submit draft", cur -> {
            requireFolder(cur, "submit it", Folder.DRAFTS);
            return cur.toBuilder().folder(Folder.OUTBOX).status(MessageStatus.QUEUED).nextAttemptAt(now).build();
        });
        emit(new OutboxEvent.DraftSubmitted(e));
        return e;
    }

    /** {@link #submitDraft(long)} for each id of a multi-selection; never throws for one bad id. */
    public OutboxBatch submitDrafts(Collection<Long> ids) {
        return batch(ids, this::submitDraft);
    }

    // ---------------------------------------------------------------- folders

    /**
     * Moves an entry to {@link Folder#DELETED}, remembering its folder for {@link #restore(long)}.
     * A deleted outbox entry is not sent.
     *
     * @throws IllegalArgumentException if there is no entry {@code id}
     * @throws IllegalStateException    if it is already deleted, or a node is sending it right now
     */
    public OutboxEntry delete(long id) {
        Instant now = now();
        OutboxEntry e = change(id, "delete", cur -> {
            if (cur.folder() == Folder.DELETED) {
                throw new IllegalStateException("entry " + id + " is already deleted; purge it to remove it for good");
            }
            if (cur.status() == MessageStatus.SENDING && cur.nextAttemptAt().isAfter(now)) {
                throw new IllegalStateException("entry " + id + " is being sent by node "
                        + cur.claimedBy().orElse("?") + "; delete it after the send has finished");
            }
            MessageStatus status = cur.status() == MessageStatus.SENDING ? MessageStatus.QUEUED : cur.status();
            return cur.toBuilder().folder(Folder.DELETED).originFolder(Optional.of(cur.folder())).status(status)
                    .claimedBy(Optional.empty()).build();
        });
        emit(new OutboxEvent.Deleted(e));
        return e;
    }

    /** {@link #delete(long)} for each id of a multi-selection; never throws for one bad id. */
    public OutboxBatch deleteAll(Collection<Long> ids) {
        return batch(ids, this::delete);
    }

    /**
     * Moves a deleted entry back to the folder it was deleted from. A restored outbox entry is sent
     * by the next run (a scheduled one not before its time).
     *
     * @throws IllegalArgumentException if there is no entry {@code id}
     * @throws IllegalStateException    if it is not in {@link Folder#DELETED}
     */
    public OutboxEntry restore(long id) {
        OutboxEntry e = change(id, "restore", cur -> {
            requireFolder(cur, "restore it", Folder.DELETED);
            Folder origin = cur.originFolder().orElse(Folder.DRAFTS);
            return cur.toBuilder().folder(origin).originFolder(Optional.empty()).build();
        });
        emit(new OutboxEvent.Restored(e));
        return e;
    }

    /**
     * Sets when an unsent entry is sent: an outbox entry moves to {@code at}, a draft is submitted
     * for {@code at}, and a deleted entry that was deleted from the outbox or the drafts is restored
     * to the outbox for {@code at}, in one store update (so no run can send it in between). A time
     * that has passed means "by the next run" (status {@code QUEUED}); a later one means
     * {@code SCHEDULED}. Attempts so far are kept. Campaigns use it to respect quiet hours.
     *
     * @return the updated entry
     * @throws IllegalArgumentException if there is no entry {@code id}
     * @throws IllegalStateException    if the entry is in another folder, was deleted from another
     *                                  folder, or a node is sending it right now
     */
    public OutboxEntry reschedule(long id, Instant at) {
        Objects.requireNonNull(at, "at");
        Instant now = now();
        Instant when = Times.millis(at);
        boolean later = when.isAfter(now);
        OutboxEntry e = change(id, "reschedule", cur -> {
            requireFolder(cur, "reschedule it", Folder.OUTBOX, Folder.DRAFTS, Folder.DELETED);
            if (cur.folder() == Folder.DELETED && cur.originFolder().filter(f -> f == Folder.OUTBOX
                    || f == Folder.DRAFTS).isEmpty()) {
                throw new IllegalStateException("entry " + id + " was deleted from "
                        + cur.originFolder().map(Folder::name).orElse("an unknown folder")
                        + "; only entries deleted from OUTBOX or DRAFTS can be rescheduled (resend it instead)");
            }
            requireNotSending(cur, now);
            OutboxEntry.Builder b = cur.toBuilder().folder(Folder.OUTBOX).originFolder(Optional.empty())
                    .claimedBy(Optional.empty());
            return later ? b.status(MessageStatus.SCHEDULED).scheduledAt(Optional.of(when)).nextAttemptAt(when).build()
                    : b.status(MessageStatus.QUEUED).nextAttemptAt(now).build();
        });
        emit(later ? new OutboxEvent.Scheduled(e) : new OutboxEvent.Enqueued(e));
        return e;
    }

    /**
     * Takes an unsent outbox entry or draft out of sending for good: it moves to
     * {@link Folder#FAILED} with status {@code EXPIRED} and {@code reason} as its last error text,
     * without an error kind (nothing went wrong with a send; as for a message whose
     * {@code validUntil} passed), its attempts unchanged, and an {@link OutboxEvent.Expired} event is
     * emitted. Campaigns use it for advertising the carrier did not approve in time.
     *
     * @param reason why, for people reading the Failed folder (at most 1000 characters are kept)
     * @return the updated entry
     * @throws IllegalArgumentException if there is no entry {@code id}, or the reason is blank
     * @throws IllegalStateException    if the entry is not in {@link Folder#OUTBOX} or
     *                                  {@link Folder#DRAFTS}, or a node is sending it right now
     */
    public OutboxEntry expire(long id, String reason) {
        Objects.requireNonNull(reason, "reason");
        if (reason.isBlank()) {
            throw new IllegalArgumentException("reason must not be blank; say why the message is not sent");
        }
        Instant now = now();
        String why = truncate(reason);
        OutboxEntry e = change(id, "expire", cur -> {
            requireFolder(cur, "expire it", Folder.OUTBOX, Folder.DRAFTS);
            requireNotSending(cur, now);
            return cur.toBuilder().folder(Folder.FAILED).status(MessageStatus.EXPIRED).nextAttemptAt(now)
                    .claimedBy(Optional.empty()).lastError(Optional.empty(), Optional.of(why)).build();
        });
        emit(new OutboxEvent.Expired(e, why));
        return e;
    }

    private static void requireNotSending(OutboxEntry cur, Instant now) {
        if (cur.status() == MessageStatus.SENDING && cur.nextAttemptAt().isAfter(now)) {
            throw new IllegalStateException("entry " + cur.id() + " is being sent by node "
                    + cur.claimedBy().orElse("?") + "; try again after the send has finished");
        }
    }

    /** {@link #restore(long)} for each id of a multi-selection; never throws for one bad id. */
    public OutboxBatch restoreAll(Collection<Long> ids) {
        return batch(ids, this::restore);
    }

    /**
     * Removes a deleted entry for good.
     *
     * @return the removed entry
     * @throws IllegalArgumentException if there is no entry {@code id}
     * @throws IllegalStateException    if it is not in {@link Folder#DELETED} (delete it first)
     */
    public OutboxEntry purge(long id) {
        ensureOpen();
        for (int i = 0; i < MAX_CONFLICT_RETRIES; i++) {
            OutboxEntry cur = require(id);
            requireFolder(cur, "purge it (delete it first)", Folder.DELETED);
            if (store.delete(id, cur.version())) {
                emit(new OutboxEvent.Purged(cur));
                return cur;
            }
        }
        throw conflict(id, "purge");
    }

    /** {@link #purge(long)} for each id of a multi-selection; never throws for one bad id. */
    public OutboxBatch purgeAll(Collection<Long> ids) {
        return batch(ids, this::purge);
    }

    /**
     * Sends an entry's message again: a new outbox entry, linked to the old one by
     * {@link OutboxEntry#resendOf()}, with the same message, options and, if the message has a
     * reference, the reference {@code <reference>~resend-<old id>-<epoch millis>} (references are
     * unique per outbox). The old entry is unchanged.
     *
     * @return the new entry
     * @throws IllegalArgumentException if there is no entry {@code id}
     * @throws IllegalStateException    if it is not in {@link Folder#SENT}, {@link Folder#FAILED} or {@link Folder#DELETED}
     */
    public OutboxEntry resend(long id) {
        ensureOpen();
        OutboxEntry old = require(id);
        requireFolder(old, "resend it", Folder.SENT, Folder.FAILED, Folder.DELETED);
        Instant now = now();
        SmsMessage m = old.message();
        if (m.reference().isPresent()) {
            m = m.toBuilder().reference(m.reference().get() + "~resend-" + id + "-" + now.toEpochMilli()).build();
        }
        EntryOptions.Builder o = EntryOptions.builder();
        old.operator().ifPresent(o::operator);
        old.contact().ifPresent(o::contact);
        old.campaignId().ifPresent(o::campaignId);
        OutboxEntry fresh = newEntry(m, o.build(), Folder.OUTBOX, MessageStatus.QUEUED, now, now, Optional.empty())
                .toBuilder().resendOf(Optional.of(id)).build();
        OutboxEntry stored = store.insert(fresh).orElseGet(() -> existing(fresh));
        emit(new OutboxEvent.Resent(stored, old));
        return stored;
    }

    /** {@link #resend(long)} for each id of a multi-selection; never throws for one bad id. */
    public OutboxBatch resendAll(Collection<Long> ids) {
        return batch(ids, this::resend);
    }

    // ---------------------------------------------------------------- reading

    /** The entry with {@code id}, if any. */
    public Optional<OutboxEntry> get(long id) {
        return store.get(id);
    }

    /** The entries matching {@code query}, sorted and paged as it says. */
    public List<OutboxEntry> query(OutboxQuery query) {
        return store.query(Objects.requireNonNull(query, "query"));
    }

    /** How many entries match {@code query}, paging aside. */
    public long count(OutboxQuery query) {
        return store.count(Objects.requireNonNull(query, "query"));
    }

    /** This node's id (claims in the store carry it). */
    public String nodeId() {
        return nodeId;
    }

    /** Whether sending is paused for lack of balance. */
    public boolean isPaused() {
        return paused.get();
    }

    /** Delivery receipts that matched no entry since this outbox was built. */
    public long unmatchedReceipts() {
        return unmatchedReceipts.get();
    }

    // ---------------------------------------------------------------- sending

    /** Like {@link #sendNow(Consumer)} without progress reports. */
    public CompletableFuture<SendProgress> sendNow() {
        return sendNow(p -> { });
    }

    /**
     * Sends every due outbox entry now (the manual "send" button; works with {@code autoSend(false)}),
     * on the executor, after a run in progress has finished. It is a run like an automatic one: with
     * {@code probeBalance} a paused outbox first asks {@code client.balance()} and resumes when it is
     * not exhausted; with {@code autoRetryFailed} it first re-queues the Failed entries that rule
     * allows (see {@link Builder#autoRetryFailed(boolean)}). A paused outbox sends nothing.
     *
     * <p>The progress counts what this outbox sent from the call until its own pass ended, so a
     * message an automatic run (or another {@code sendNow()}) took first is counted, not lost to a
     * "0 sent": a run under way at the call is waited for and counted whole (also what it claimed
     * before the call), and so is every run that starts before this call's own pass. A message a run
     * had finished with before the call is not counted. Runs of other nodes sharing the store cannot
     * be counted: a message another node sent is in the Sent folder but not in this progress.
     *
     * <pre>{@code
     * outbox.enqueue(message);
     * SendProgress p = outbox.sendNow().join();   // p.sent() == 1, whichever run of this outbox sent it
     * }</pre>
     *
     * @param progress called after every batch of those runs with the sums so far, and once at the end
     *                 ({@link SendProgress#done()}), on the executor's thread
     * @return the final progress; fails with {@link OutboxStoreException} if the store fails during
     *         this call's own pass
     * @throws IllegalStateException if closed
     */
    public CompletableFuture<SendProgress> sendNow(Consumer<SendProgress> progress) {
        Objects.requireNonNull(progress, "progress");
        ensureOpen();
        ManualSend call = new ManualSend(progress);
        synchronized (manualSends) {
            manualSends.add(call);
        }
        try {
            executor.execute(() -> runFor(call));
        } catch (RejectedExecutionException e) {
            synchronized (manualSends) {
                manualSends.remove(call);
            }
            throw e;
        }
        return call.result;
    }

    /** A {@link #sendNow()} call's own pass; completes its future once the run lock is released. */
    private void runFor(ManualSend call) {
        try {
            call.result.complete(run(call));
        } catch (VirtualMachineError e) {
            call.result.completeExceptionally(e);
            throw e;
        } catch (Throwable e) { // an Error too: the caller must never wait forever
            call.result.completeExceptionally(e);
        }
    }

    /**
     * Resumes sending after a pause for lack of balance (e.g. after a top-up). Does nothing when
     * not paused.
     */
    public void resume() {
        if (paused.compareAndSet(true, false)) {
            LOG.info("outbox {} resumes sending", nodeId);
            emit(new OutboxEvent.Resumed());
        }
    }

    /** How long a receipt that matched no entry waits for its entry to be stored as sent. */
    public static final Duration EARLY_RECEIPT_GRACE = Duration.ofMinutes(10);
    /** At most this many receipts wait for their entry; more are only counted as unmatched. */
    static final int MAX_EARLY_RECEIPTS = 10_000;
    /** At most this many waiting receipts are looked up in the store on one run. */
    private static final int EARLY_RECEIPT_LOOKUPS_PER_RUN = 200;

    /**
     * Applies a delivery receipt to the sent entry with its provider message id: the entry's status
     * becomes the receipt's, and {@code DELIVERED} sets the delivery time. A final status
     * ({@link MessageStatus#isFinal()}: {@code DELIVERED}, {@code UNDELIVERED}, {@code EXPIRED},
     * {@code REJECTED}, {@code FAILED}) is kept: once an entry has one, later receipts for it (late,
     * repeated or conflicting) change nothing, emit no event and are logged at debug level, so the
     * first final status and its delivery time stay. A receipt that matches no entry is counted
     * ({@link #unmatchedReceipts()}), logged and announced, not an error; it is also kept for
     * {@link #EARLY_RECEIPT_GRACE} and applied if this outbox then stores an entry with that message
     * id as sent (a receipt can come before the send that caused it is stored: a fast provider, the
     * fake's receipts), or finds one on a later run (sent by another node).
     *
     * @return the entry as it is now (unchanged when the receipt was ignored), or empty when no entry matched
     */
    public Optional<OutboxEntry> onDeliveryReceipt(DeliveryReceipt receipt) {
        Objects.requireNonNull(receipt, "receipt");
        ensureOpen();
        Optional<OutboxEntry> found = store.findByProviderMessageId(receipt.messageId());
        if (found.isEmpty() && keepEarly(receipt)) {
            // the send may be storing its entry right now: look once more now that the receipt waits
            found = store.findByProviderMessageId(receipt.messageId());
            if (found.isPresent() && earlyReceipts.remove(receipt.messageId()) == null) {
                return store.findByProviderMessageId(receipt.messageId()); // applied by the send meanwhile
            }
        }
        if (found.isEmpty()) {
            long n = unmatchedReceipts.incrementAndGet();
            LOG.info("delivery receipt for unknown message id {} ({}); {} unmatched so far{}", receipt.messageId(),
                    receipt.status(), n, earlyReceipts.containsKey(receipt.messageId())
                            ? "; kept for " + EARLY_RECEIPT_GRACE.toMinutes() + " min in case its send is being stored"
                            : "");
            emit(new OutboxEvent.ReceiptUnmatched(receipt));
            return Optional.empty();
        }
        return apply(receipt, found.get());
    }

    /** Keeps a receipt that matched no entry for a while; false when too many wait already. */
    private boolean keepEarly(DeliveryReceipt receipt) {
        if (earlyReceipts.size() >= MAX_EARLY_RECEIPTS) {
            return false;
        }
        // of several receipts for one message, a final status wins over a passing one
        earlyReceipts.merge(receipt.messageId(), new EarlyReceipt(receipt, clock.instant()),
                (old, now) -> old.receipt().status().isFinal() && !now.receipt().status().isFinal() ? old : now);
        return true;
    }

    /** Applies a waiting receipt whose entry this outbox has just stored as sent. */
    private void applyEarly(OutboxEntry sent) {
        if (earlyReceipts.isEmpty() || sent.providerMessageId().isEmpty()) {
            return;
        }
        EarlyReceipt early = earlyReceipts.remove(sent.providerMessageId().get());
        if (early != null) {
            LOG.debug("entry {}: applying the {} receipt that came before the send was stored", sent.id(),
                    early.receipt().status());
            try {
                apply(early.receipt(), sent);
            } catch (RuntimeException e) { // the run's other outcomes must still be announced
                LOG.warn("entry {}: could not apply its early {} receipt: {}", sent.id(), early.receipt().status(),
                        e.toString());
            }
        }
    }

    /** On each run: drops waiting receipts past their grace, and looks a few up (another node may have sent them). */
    private void retryEarlyReceipts() {
        if (earlyReceipts.isEmpty()) {
            return;
        }
        Instant limit = clock.instant().minus(EARLY_RECEIPT_GRACE);
        int lookups = 0;
        for (Map.Entry<String, EarlyReceipt> w : earlyReceipts.entrySet()) {
            if (w.getValue().arrived().isBefore(limit)) {
                earlyReceipts.remove(w.getKey(), w.getValue());
                LOG.debug("dropping the {} receipt for message id {}: no entry was stored for it in {} min",
                        w.getValue().receipt().status(), w.getKey(), EARLY_RECEIPT_GRACE.toMinutes());
            } else if (lookups++ < EARLY_RECEIPT_LOOKUPS_PER_RUN) {
                try {
                    Optional<OutboxEntry> found = store.findByProviderMessageId(w.getKey());
                    if (found.isPresent() && earlyReceipts.remove(w.getKey(), w.getValue())) {
                        apply(w.getValue().receipt(), found.get());
                    }
                } catch (RuntimeException e) { // tried again on the next run; the run itself goes on
                    LOG.debug("could not look up the waiting receipt for message id {}: {}", w.getKey(), e.toString());
                    return;
                }
            }
        }
    }

    private record EarlyReceipt(DeliveryReceipt receipt, Instant arrived) {
    }

    private Optional<OutboxEntry> apply(DeliveryReceipt receipt, OutboxEntry entry) {
        Instant at = Times.millis(receipt.doneAt().orElseGet(clock::instant));
        long id = entry.id();
        for (int i = 0; i < MAX_CONFLICT_RETRIES; i++) {
            OutboxEntry cur = require(id);
            if (cur.status().isFinal()) {
                LOG.debug("entry {}: ignoring a {} receipt for message id {}; its status is already the final {}",
                        id, receipt.status(), receipt.messageId(), cur.status());
                return Optional.of(cur);
            }
            OutboxEntry.Builder b = cur.toBuilder().status(receipt.status());
            if (receipt.status() == MessageStatus.DELIVERED) {
                b.deliveredAt(Optional.of(at));
            }
            Optional<OutboxEntry> stored = store.update(b.build()); // compare-and-set: a concurrent receipt is seen on retry
            if (stored.isPresent()) {
                emit(new OutboxEvent.ReceiptApplied(stored.get(), receipt));
                return stored;
            }
        }
        throw conflict(id, "apply receipt");
    }

    /**
     * Stops automatic sending, lets a running batch finish (up to the close timeout), returns this
     * node's remaining claims to the queue and, if the outbox created its executor, shuts it down.
     * Does not close the client or the store. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> t = ticking;
        if (t != null) {
            t.cancel(false);
        }
        boolean locked = false;
        try {
            locked = runLock.tryLock(closeTimeout.toNanos(), TimeUnit.NANOSECONDS);
            if (!locked) {
                LOG.warn("outbox {}: a sending run did not finish within {}; its claims return after the lease",
                        nodeId, closeTimeout);
            }
            List<Completion> missed = locked ? takePending() : List.of();
            if (!missed.isEmpty()) {
                record(missed);
            }
            int released = store.releaseClaims(nodeId, now());
            if (released > 0) {
                LOG.info("outbox {} released {} claims on close", nodeId, released);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (OutboxStoreException e) {
            LOG.warn("outbox {} could not release its claims on close; they return after the lease", nodeId, e);
        } finally {
            if (locked) {
                runLock.unlock();
            }
            if (ownExecutor) {
                executor.shutdown();
            }
            recorder.shutdown();
        }
    }

    // ---------------------------------------------------------------- the sending run

    /** One automatic run: never throws, so the schedule keeps going. */
    private void tick() {
        if (closed.get()) {
            return;
        }
        if (ticksToSkip.get() > 0) {
            ticksToSkip.decrementAndGet();
            return;
        }
        try {
            run(null);
            if (storeFailures.getAndSet(0) > 0) {
                LOG.info("outbox {}: the store is reachable again", nodeId);
            }
        } catch (OutboxStoreException e) {
            int n = storeFailures.incrementAndGet();
            int skip = Math.min(1 << Math.min(n - 1, 4), MAX_STORE_BACKOFF_TICKS) - 1;
            ticksToSkip.set(skip);
            LOG.warn("outbox {}: store failed ({} in a row); skipping {} runs before trying again: {}", nodeId, n,
                    skip, e.getMessage(), e);
            emit(new OutboxEvent.StoreUnavailable(e, n));
        } catch (VirtualMachineError e) {
            LOG.error("outbox {}: {} in an automatic run; automatic sending stops (the executor cancels the "
                    + "task); sendNow() still works", nodeId, e.getClass().getSimpleName(), e);
            throw e;
        } catch (Throwable e) { // an Error too: a throw would cancel the repeating task for good
            LOG.error("outbox {}: unexpected error in an automatic run; the next run tries again", nodeId, e);
        }
    }

    private void probe() {
        try {
            Balance b = client.balance();
            if (!b.isExhausted()) {
                LOG.info("outbox {}: balance probe sees {}; resuming", nodeId, b);
                resume();
            }
        } catch (SmsException e) {
            LOG.debug("outbox {}: balance probe failed: {}", nodeId, e.getMessage());
        }
    }

    /** What every run (automatic or {@link #sendNow()}) does before claiming: the balance probe and auto-retry. */
    private void beforeRun() {
        if (paused.get() && probeBalance) {
            probe();
        }
        if (autoRetryFailed && !paused.get()) {
            requeueFailed();
        }
    }

    /**
     * Puts back in the outbox (one more attempt each, attempts not reset) up to {@code batchSize}
     * Failed entries that {@link Builder#autoRetryFailed(boolean)} allows: status {@code FAILED}, a
     * retryable last error kind, retries used up ({@code attempts >= maxAttempts}), fewer than
     * {@link #MAX_AUTO_RETRIES} re-queues so far ({@code attempts < maxAttempts + MAX_AUTO_RETRIES}),
     * and failed at least {@code retryPolicy.max()} ago.
     */
    private void requeueFailed() {
        Instant now = now();
        Instant failedBy = now.minus(retryPolicy.max());
        int from = retryPolicy.maxAttempts();
        int until = from + MAX_AUTO_RETRIES;
        OutboxQuery.Builder q = OutboxQuery.builder().folder(Folder.FAILED).status(MessageStatus.FAILED)
                .errorKinds(RETRYABLE_KINDS).sort(OutboxQuery.Sort.ID, false).limit(REQUEUE_PAGE);
        int requeued = 0;
        int offset = 0;
        while (requeued < batchSize) {
            List<OutboxEntry> page = store.query(q.offset(offset).build());
            int moved = 0;
            for (OutboxEntry f : page) {
                if (requeued >= batchSize) {
                    break;
                }
                if (f.attempts() < from || f.attempts() >= until || f.nextAttemptAt().isAfter(failedBy)) {
                    continue;
                }
                Optional<OutboxEntry> r = store.update(f.toBuilder().folder(Folder.OUTBOX).status(MessageStatus.QUEUED)
                        .nextAttemptAt(now).claimedBy(Optional.empty()).build());
                if (r.isPresent()) {
                    moved++;
                    requeued++;
                    LOG.debug("entry {} re-queued by autoRetryFailed (attempt {} of at most {})", f.id(),
                            f.attempts() + 1, until);
                    emit(new OutboxEvent.Requeued(r.get()));
                }
            }
            if (page.size() < REQUEUE_PAGE) {
                break;
            }
            offset += page.size() - moved; // re-queued entries left the Failed folder
        }
    }

    /**
     * One sending run. Batches are pipelined: while batch N's outcomes are written to the store on
     * the recorder thread, this thread claims and sends batch N + 1 (at most one batch is being
     * recorded at a time). After every batch, every waiting {@link #sendNow()} call hears the sums
     * so far; at the end the run's counts are added to each of them.
     *
     * @param own the {@code sendNow()} call this run is the own pass of, or null for an automatic run
     * @return {@code own}'s final progress (its sums), or this run's for an automatic run
     */
    private SendProgress run(ManualSend own) {
        runLock.lock();
        RunCounts counts = new RunCounts();
        boolean ended = false;
        try {
            retryEarlyReceipts();
            List<Completion> missed = takePending();
            if (!missed.isEmpty()) {
                LOG.info("outbox {} records {} send outcomes that the store missed earlier", nodeId, missed.size());
                record(missed);
            }
            beforeRun();
            CompletableFuture<Void> recording = CompletableFuture.completedFuture(null);
            while (!closed.get() && !paused.get()) {
                Instant now = now();
                List<OutboxEntry> batch;
                try {
                    batch = store.claimDue(nodeId, now, now.plus(leaseDuration), batchSize);
                } catch (OutboxStoreException e) {
                    awaitQuietly(recording);
                    throw e;
                }
                if (batch.isEmpty()) {
                    break;
                }
                counts.claimed += batch.size();
                List<Completion> completions = sendBatch(batch, counts);
                await(recording, completions);
                try {
                    recording = CompletableFuture.runAsync(() -> record(completions), recorder);
                } catch (RejectedExecutionException closing) { // close() gave up waiting for this run
                    record(completions);
                    recording = CompletableFuture.completedFuture(null);
                }
                reportBatch(counts);
            }
            await(recording, List.of());
            ended = true;
            return endRun(counts, own, true);
        } finally {
            if (!ended) {
                endRun(counts, own, false); // what a failed run sent was sent all the same
            }
            runLock.unlock();
        }
    }

    /** Tells every waiting {@link #sendNow()} call its sums so far, {@code counts} being the running run's. */
    private void reportBatch(RunCounts counts) {
        boolean p = paused.get();
        List<ManualSend> calls;
        List<SendProgress> sums = new ArrayList<>();
        synchronized (manualSends) {
            calls = List.copyOf(manualSends);
            for (ManualSend c : calls) {
                sums.add(c.ended.plus(counts, p, false));
            }
        }
        for (int i = 0; i < calls.size(); i++) {
            report(calls.get(i).progress, sums.get(i));
        }
    }

    /**
     * Adds a run's counts to every waiting {@link #sendNow()} call; {@code own}'s pass is over, so it
     * stops waiting and, unless the run failed, hears its final sums.
     */
    private SendProgress endRun(RunCounts counts, ManualSend own, boolean completed) {
        boolean p = paused.get();
        SendProgress last;
        synchronized (manualSends) {
            for (ManualSend c : manualSends) {
                c.ended.add(counts);
            }
            if (own == null) {
                return counts.progress(p, true);
            }
            manualSends.remove(own);
            last = own.ended.progress(p, true);
        }
        if (completed) {
            report(own.progress, last);
        }
        return last;
    }

    /** Waits for the previous batch's recording; if it failed, keeps {@code next} (already sent) for later too. */
    private void await(CompletableFuture<Void> recording, List<Completion> next) {
        try {
            recording.join();
        } catch (CompletionException e) {
            synchronized (pending) {
                pending.addAll(next);
            }
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static void awaitQuietly(CompletableFuture<Void> recording) {
        try {
            recording.join();
        } catch (CompletionException e) {
            LOG.debug("recording the previous batch failed too: {}", e.getCause().getMessage());
        }
    }

    private List<Completion> takePending() {
        synchronized (pending) {
            List<Completion> all = List.copyOf(pending);
            pending.clear();
            return all;
        }
    }

    /** Sends a claimed batch and decides each entry's next state; the store is not touched. */
    private List<Completion> sendBatch(List<OutboxEntry> batch, RunCounts counts) {
        List<CompletableFuture<Object>> outcomes = new ArrayList<>(batch.size());
        Instant start = now();
        for (OutboxEntry e : batch) {
            if (e.message().validUntil().filter(v -> v.isBefore(start)).isPresent()) {
                outcomes.add(CompletableFuture.completedFuture(new Expiry("expired: the message's validity ended at "
                        + e.message().validUntil().get() + " before it was sent")));
                continue;
            }
            CompletableFuture<SendResult> f;
            try {
                f = client.sendAsync(e.message());
            } catch (RuntimeException ex) {
                f = CompletableFuture.failedFuture(ex);
            }
            outcomes.add(f.handle((r, ex) -> r != null ? r : asSmsException(ex)));
        }
        Instant now = now();
        List<OutboxEntry> updates = new ArrayList<>(batch.size());
        List<OutboxEvent> events = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OutboxEntry e = batch.get(i);
            Object outcome = outcomes.get(i).join();
            OutboxEntry.Builder b = e.toBuilder().claimedBy(Optional.empty());
            if (outcome instanceof Expiry x) {
                // never handed to the provider: the claim's attempt is not counted
                b.folder(Folder.FAILED).status(MessageStatus.EXPIRED).nextAttemptAt(now)
                        .attempts(Math.max(0, e.attempts() - 1)).lastError(Optional.empty(), Optional.of(x.reason()));
                counts.failed++;
                events.add(new OutboxEvent.Expired(e, x.reason()));
                LOG.debug("entry {} to {} expired unsent: {}", e.id(), PhoneNumbers.mask(e.phone()), x.reason());
            } else if (outcome instanceof SendResult r) {
                b.folder(Folder.SENT).status(MessageStatus.SENT).sentAt(Optional.of(now))
                        .providerMessageId(Optional.of(r.messageId())).nextAttemptAt(now)
                        .lastError(Optional.empty(), Optional.empty()); // earlier attempts' error is history
                if (!r.to().equals(e.phone())) {
                    b.message(e.message().toBuilder().to(r.to()).build()); // Sent keeps the E.164 number
                }
                counts.sent++;
                events.add(new OutboxEvent.Sent(e));
            } else {
                SmsException x = (SmsException) outcome;
                b.lastError(Optional.of(x.kind()), Optional.of(truncate(x.getMessage())));
                Optional<Duration> delay = x.isRetryable()
                        ? retryPolicy.delayAfter(e.attempts(), x.retryAfter(), ThreadLocalRandom.current().nextDouble())
                        : Optional.empty();
                if (x.kind() == ErrorKind.INSUFFICIENT_BALANCE) {
                    b.status(MessageStatus.QUEUED).nextAttemptAt(now).attempts(Math.max(0, e.attempts() - 1));
                    pause(x);
                    events.add(null);
                } else if (delay.isPresent()) {
                    b.status(MessageStatus.QUEUED).nextAttemptAt(now.plus(delay.get()));
                    counts.retried++;
                    events.add(new OutboxEvent.RetryScheduled(e, x));
                } else {
                    b.folder(Folder.FAILED).status(MessageStatus.FAILED).nextAttemptAt(now);
                    counts.failed++;
                    events.add(new OutboxEvent.Failed(e, x));
                    LOG.debug("entry {} to {} failed for good: {} {}", e.id(), PhoneNumbers.mask(e.phone()), x.kind(),
                            x.getMessage());
                }
            }
            updates.add(b.build());
        }
        List<Completion> completions = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            completions.add(new Completion(batch.get(i), updates.get(i), events.get(i)));
        }
        return completions;
    }

    /** Stores send outcomes; if the store fails they are kept for the next run (the claims' lease protects them). */
    private void record(List<Completion> completions) {
        List<Optional<OutboxEntry>> stored;
        try {
            stored = store.updateAll(completions.stream().map(Completion::update).toList());
        } catch (OutboxStoreException e) {
            synchronized (pending) {
                pending.addAll(completions);
            }
            throw e;
        }
        for (int i = 0; i < completions.size(); i++) {
            Optional<OutboxEntry> s = stored.get(i);
            Completion c = completions.get(i);
            if (s.isEmpty()) {
                LOG.warn("outbox {} lost its claim on entry {} while sending it (lease {} too short, or the node "
                        + "stalled); another node may send it again", nodeId, c.claimed().id(), leaseDuration);
                emit(new OutboxEvent.ClaimLost(c.claimed()));
            } else {
                if (c.event() != null) {
                    emit(withEntry(c.event(), s.get()));
                }
                if (s.get().folder() == Folder.SENT) {
                    applyEarly(s.get());
                }
            }
        }
    }

    /** The outcome of an entry whose {@code validUntil} passed before it was sent. */
    private record Expiry(String reason) {
    }

    private static OutboxEvent withEntry(OutboxEvent ev, OutboxEntry e) {
        if (ev instanceof OutboxEvent.Expired x) {
            return new OutboxEvent.Expired(e, x.reason());
        }
        if (ev instanceof OutboxEvent.RetryScheduled r) {
            return new OutboxEvent.RetryScheduled(e, r.cause());
        }
        if (ev instanceof OutboxEvent.Failed f) {
            return new OutboxEvent.Failed(e, f.cause());
        }
        return new OutboxEvent.Sent(e);
    }

    private void pause(SmsException cause) {
        if (paused.compareAndSet(false, true)) {
            LOG.warn("outbox {} pauses sending: {}; resume() or a successful balance probe restarts it", nodeId,
                    cause.getMessage());
            emit(new OutboxEvent.Paused(cause));
        }
    }

    // ---------------------------------------------------------------- helpers

    private OutboxEntry newEntry(SmsMessage message, EntryOptions options, Folder folder, MessageStatus status,
            Instant created, Instant due, Optional<Instant> scheduledAt) {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(options, "options");
        ensureOpen();
        return OutboxEntry.builder().folder(folder).status(status).message(message).options(options)
                .createdAt(created).nextAttemptAt(due).scheduledAt(scheduledAt).build();
    }

    private OutboxEntry add(OutboxEntry fresh, Function<OutboxEntry, OutboxEvent> event) {
        Optional<String> ref = fresh.reference();
        if (ref.isPresent()) {
            Optional<OutboxEntry> existing = store.findByReference(ref.get());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        Optional<OutboxEntry> stored = store.insert(fresh);
        if (stored.isEmpty()) {
            return existing(fresh);
        }
        emit(event.apply(stored.get()));
        return stored.get();
    }

    private OutboxEntry existing(OutboxEntry fresh) {
        String ref = fresh.reference().orElseThrow(() -> new IllegalStateException(
                "store refused an entry without a reference; check the OutboxStore implementation"));
        return store.findByReference(ref).orElseThrow(() -> new IllegalStateException("entry with reference '" + ref
                + "' was purged while it was being added again; try again"));
    }

    private OutboxEntry change(long id, String what, UnaryOperator<OutboxEntry> f) {
        ensureOpen();
        for (int i = 0; i < MAX_CONFLICT_RETRIES; i++) {
            OutboxEntry next = f.apply(require(id));
            Optional<OutboxEntry> stored = store.update(next);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        throw conflict(id, what);
    }

    private static IllegalStateException conflict(long id, String what) {
        return new IllegalStateException("entry " + id + " kept changing while trying to " + what + " ("
                + MAX_CONFLICT_RETRIES + " attempts); reload it and try again");
    }

    private OutboxEntry require(long id) {
        return store.get(id).orElseThrow(() -> new IllegalArgumentException("no outbox entry with id " + id
                + " (purged, or from another outbox?)"));
    }

    private static void requireFolder(OutboxEntry e, String action, Folder... allowed) {
        for (Folder f : allowed) {
            if (e.folder() == f) {
                return;
            }
        }
        throw new IllegalStateException("entry " + e.id() + " is in " + e.folder() + "; to " + action
                + " it must be in " + List.of(allowed));
    }

    private interface Op {
        OutboxEntry apply(long id);
    }

    private OutboxBatch batch(Collection<Long> ids, Op op) {
        List<OutboxEntry> changed = new ArrayList<>();
        Map<Long, String> skipped = new LinkedHashMap<>();
        for (Long id : List.copyOf(ids)) {
            try {
                changed.add(op.apply(id));
            } catch (IllegalArgumentException | IllegalStateException e) {
                skipped.put(id, e.getMessage());
            }
        }
        return new OutboxBatch(changed, skipped);
    }

    private void emit(OutboxEvent event) {
        for (OutboxListener l : listeners) {
            try {
                l.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("outbox listener {} threw on {}; ignoring it", l, event.getClass().getSimpleName(), e);
            }
        }
    }

    /**
     * Tells one {@code sendNow} caller's listener. It runs inside whatever run is sending (another
     * caller's or an automatic one), so nothing it throws, an {@link AssertionError} included,
     * may leave it.
     */
    private static void report(Consumer<SendProgress> progress, SendProgress p) {
        try {
            progress.accept(p);
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            LOG.warn("sendNow progress listener threw; ignoring it", e);
        }
    }

    private Instant now() {
        return Times.millis(clock.instant());
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("outbox " + nodeId + " is closed; build a new one");
        }
    }

    private static SmsException asSmsException(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c instanceof SmsException s ? s
                : new SmsException(ErrorKind.PROVIDER_ERROR, "sending failed unexpectedly: " + c, c);
    }

    private static String truncate(String s) {
        String t = s == null ? "" : s;
        return t.length() <= 1000 ? t : t.substring(0, 1000);
    }

    private static Set<ErrorKind> retryableKinds() {
        Set<ErrorKind> s = EnumSet.noneOf(ErrorKind.class);
        for (ErrorKind k : ErrorKind.values()) {
            if (k.isRetryable()) {
                s.add(k);
            }
        }
        return Set.copyOf(s);
    }

    private static String defaultNodeId() {
        String host = System.getenv().getOrDefault("HOSTNAME", "node");
        return host + "-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public String toString() {
        return "Outbox{node=" + nodeId + ", store=" + store + ", autoSend=" + autoSend + ", sendInterval="
                + sendInterval + ", paused=" + paused.get() + ", closed=" + closed.get() + '}';
    }

    /** Configures an {@link Outbox}; not thread-safe. {@code client} and {@code store} are required. */
    public static final class Builder {
        private SmsClient client;
        private OutboxStore store;
        private Duration sendInterval = DEFAULT_SEND_INTERVAL;
        private boolean autoSend = true;
        private boolean autoRetryFailed;
        private boolean probeBalance;
        private RetryPolicy retryPolicy = RetryPolicy.ofDefaults();
        private int batchSize = DEFAULT_BATCH_SIZE;
        private Clock clock;
        private String nodeId;
        private ScheduledExecutorService executor;
        private Duration leaseDuration = DEFAULT_LEASE_DURATION;
        private Duration closeTimeout = DEFAULT_CLOSE_TIMEOUT;
        private final List<OutboxListener> listeners = new CopyOnWriteArrayList<>();

        private Builder() {
        }

        /** The client that sends (required). The outbox does not close it. */
        public Builder client(SmsClient client) {
            this.client = Objects.requireNonNull(client, "client");
            return this;
        }

        /** Where entries are kept (required): {@link OutboxStore#inMemory()} or a {@link JdbcOutboxStore}. */
        public Builder store(OutboxStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Time between the end of one automatic run and the start of the next; default
         * {@link #DEFAULT_SEND_INTERVAL} (5 minutes).
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder sendInterval(Duration sendInterval) {
            this.sendInterval = Checks.positive("sendInterval", sendInterval);
            return this;
        }

        /** Whether {@link #start()} schedules automatic runs; default {@code true}. Off: only {@link #sendNow()} sends. */
        public Builder autoSend(boolean autoSend) {
            this.autoSend = autoSend;
            return this;
        }

        /**
         * Whether each run (automatic or {@link Outbox#sendNow()}) first puts back in the outbox the
         * Failed entries whose retries ran out on a retryable error; default {@code false}. An entry is
         * re-queued only when its status is {@code FAILED}, its last error kind is retryable
         * ({@code RATE_LIMITED}, {@code PROVIDER_UNAVAILABLE}, {@code TIMEOUT}), its attempts reached
         * {@code retryPolicy.maxAttempts()}, it failed at least {@code retryPolicy.max()} ago (1 hour
         * by default), and it was re-queued fewer than {@link Outbox#MAX_AUTO_RETRIES} times. Each
         * re-queue gives one more provider call (attempts keep counting), so a message is tried at most
         * {@code maxAttempts + MAX_AUTO_RETRIES} times and then stays in Failed. Non-retryable errors
         * ({@code INVALID_NUMBER}, {@code AUTHENTICATION}, {@code OPTED_OUT}...), expired entries and
         * entries a provider marked not retryable before their retries ran out are never re-queued.
         */
        public Builder autoRetryFailed(boolean autoRetryFailed) {
            this.autoRetryFailed = autoRetryFailed;
            return this;
        }

        /**
         * Whether each run (automatic or {@link Outbox#sendNow()}) asks {@code client.balance()} while
         * paused and resumes (and sends) when it is not exhausted; default {@code false} (only
         * {@link Outbox#resume()} resumes). A failing probe leaves the outbox paused.
         */
        public Builder probeBalance(boolean probeBalance) {
            this.probeBalance = probeBalance;
            return this;
        }

        /** Retries of retryable failures; default {@link RetryPolicy#ofDefaults()}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * Entries claimed and sent concurrently per batch; default {@value #DEFAULT_BATCH_SIZE}.
         *
         * @throws IllegalArgumentException if not between 1 and 10,000
         */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("batchSize must be between 1 and 10000, was " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /**
         * The clock for created/sent times, schedules, retries and leases; default UTC system clock.
         * Nodes sharing a store must have synchronized clocks (NTP).
         *
         * @throws IllegalStateException if set twice
         */
        public Builder clock(Clock clock) {
            this.clock = Checks.once("clock", this.clock, clock);
            return this;
        }

        /**
         * This node's id, stored with its claims; default host name, process id and a random suffix.
         * Must differ between outboxes sharing a store.
         *
         * @throws IllegalArgumentException if blank or longer than 100 characters
         */
        public Builder nodeId(String nodeId) {
            this.nodeId = Checks.text("nodeId", nodeId, 100);
            return this;
        }

        /**
         * The executor for automatic runs and {@link #sendNow()}; default a single daemon thread the
         * outbox shuts down on {@link #close()}. A given executor is not shut down.
         *
         * @throws IllegalStateException if set twice
         */
        public Builder executor(ScheduledExecutorService executor) {
            this.executor = Checks.once("executor", this.executor, executor);
            return this;
        }

        /**
         * How long a claim lasts; default {@link #DEFAULT_LEASE_DURATION} (5 minutes). Must exceed the
         * time to send one batch (batch size × provider latency / concurrency, plus the client's
         * send timeout), or another node may send the same message again.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder leaseDuration(Duration leaseDuration) {
            this.leaseDuration = Checks.positive("leaseDuration", leaseDuration);
            return this;
        }

        /**
         * How long {@link #close()} waits for a running batch; default {@link #DEFAULT_CLOSE_TIMEOUT}.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder closeTimeout(Duration closeTimeout) {
            this.closeTimeout = Checks.positive("closeTimeout", closeTimeout);
            return this;
        }

        /** Adds a listener for every {@link OutboxEvent}. */
        public Builder addListener(OutboxListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * The outbox (not started).
         *
         * @throws IllegalStateException if client or store is missing
         */
        public Outbox build() {
            if (client == null) {
                throw new IllegalStateException("client is required: Outbox.builder().client(sms)");
            }
            if (store == null) {
                throw new IllegalStateException("store is required: .store(OutboxStore.inMemory()) or "
                        + ".store(new JdbcOutboxStore(dataSource))");
            }
            return new Outbox(this);
        }
    }
}
