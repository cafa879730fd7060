package org.smsbridge.scheduler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.smsbridge.SmsMessage;
import org.smsbridge.text.SmsText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends to many customers from a CSV, TSV or TXT file (one number a line), in the two steps of the
 * seed's bulk-sending screens:
 * <ol>
 * <li>{@link #plan} reads the file once, streaming, and checks every row (number, duplicate, tag,
 * column count, template variables): the {@link ImportPlan} shows counts per tag ("with a number /
 * total"), the first 12 rows of each tag with their variables, the first customer's rendered text
 * with its segments, the rejected rows, and the {@link ImportConfirmation} to show before sending.
 * Nothing is enqueued.</li>
 * <li>{@link #start} reads the file again and puts the accepted rows of the selected tags into the
 * outbox in batches ({@link Outbox#enqueueAll} or, for a future execution time,
 * {@link Outbox#scheduleAll}); the outbox sends them. Progress is reported while it runs and kept
 * for {@link #progress(String)}; {@link ImportRun#cancel()} stops it.</li>
 * </ol>
 * Neither step holds the file: memory is one row, one batch, a set of 8-byte numbers for duplicate
 * detection and the preview samples, so a 1,000,000-row file imports in a 256 MB heap.
 *
 * <p>Every entry of an import carries the plan id as its {@link EntryOptions#campaignId()} (the
 * tag of the row is the message's {@code tag}, its reference {@code <planId>#<line>}, so starting
 * a plan again adds nothing twice). {@link #pending}, {@link #sent} and {@link #failed} are the
 * outbox queries of the pending, sent and failed lists; {@link #deleteEnqueued} removes what a
 * cancelled import left.
 *
 * <pre>{@code
 * BulkImport bulk = BulkImport.builder().outbox(outbox).channel(sms.provider().name()).build();
 * ImportPlan plan = bulk.plan(ImportSource.of(Path.of("customers.csv")), options);
 * System.out.println(plan.confirmation().summary());       // the host asks "send?"
 * ImportRun run = bulk.start(plan, List.of("vip"), p -> bar.show(p.fraction()));
 * run.completion().join();
 * outbox.query(BulkImport.sent(plan.planId()));
 * }</pre>
 *
 * <p>Thread-safe: plans and runs may go on concurrently; each run reads on the builder's executor.
 */
public final class BulkImport {
    /** Messages per {@link Outbox#enqueueAll} call when none is given. */
    public static final int DEFAULT_BATCH_SIZE = 1_000;
    /** Channel name in the confirmation when none is given. */
    public static final String DEFAULT_CHANNEL = "SMS";
    /** Distinct tags an import may have; rows with more are rejected ({@link RejectReason#TOO_MANY_TAGS}). */
    public static final int MAX_TAGS = 1_000;
    /** Imports whose progress is remembered for {@link #progress(String)}; the oldest are forgotten. */
    public static final int REMEMBERED_IMPORTS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(BulkImport.class);

    private final Outbox outbox;
    private final Clock clock;
    private final Executor executor;
    private final String channel;
    private final int batchSize;
    private final Map<String, ImportRun> runs = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, ImportRun> eldest) {
            return size() > REMEMBERED_IMPORTS;
        }
    };

    private BulkImport(Builder b) {
        this.outbox = b.outbox;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.executor = b.executor != null ? b.executor : BulkImport::thread;
        this.channel = b.channel;
        this.batchSize = b.batchSize;
    }

    private static void thread(Runnable r) {
        Thread t = new Thread(r, "sms-bulk-import");
        t.setDaemon(true);
        t.start();
    }

    /** Starts a configuration; {@code outbox} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Like {@link #plan(ImportSource, ImportOptions, Consumer)} without progress reports. */
    public ImportPlan plan(ImportSource source, ImportOptions options) {
        return plan(source, options, p -> {
        });
    }

    /**
     * Reads and checks the whole file on the calling thread and returns the plan to preview and
     * confirm; enqueues nothing. {@code listener} hears {@link ImportProgress.State#SCANNING} every
     * batch of rows and {@link ImportProgress.State#PLANNED} at the end.
     *
     * @throws IllegalArgumentException     if a template variable has no column and no fallback, or
     *                                      a named column is not in the header
     * @throws java.io.UncheckedIOException if the file cannot be read or is not in the charset
     */
    public ImportPlan plan(ImportSource source, ImportOptions options, Consumer<ImportProgress> listener) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(listener, "listener");
        String planId = "import-" + UUID.randomUUID();
        ImportReading reading = new ImportReading(options);
        Scan scan = new Scan(planId, reading, options, listener);
        reading.read(source, () -> false, scan);
        ImportPlan plan = new ImportPlan(planId, source, options, channel, clock, clock.instant(), scan.read,
                scan.accepted, scan.rejected, scan.reasons, scan.rejectedSample, scan.summaries(), scan.samples,
                scan.firsts, reading.digest().orElseThrow());
        ImportProgress done = new ImportProgress(planId, ImportProgress.State.PLANNED, scan.read, scan.accepted,
                scan.rejected, 0, 0, OptionalLong.of(scan.read), Optional.empty());
        ImportRun run = new ImportRun(planId, done);
        synchronized (runs) {
            runs.put(planId, run);
        }
        tell(listener, done);
        LOG.debug("import plan {} of {}: {} rows, {} accepted, {} rejected, {} tags", planId, source.name(), scan.read,
                scan.accepted, scan.rejected, scan.tags.size());
        return plan;
    }

    /** Like {@link #start(ImportPlan, Collection, Consumer)} for every tag, without progress reports. */
    public ImportRun start(ImportPlan plan) {
        return start(plan, plan.tags().stream().map(TagSummary::tag).toList(), p -> {
        });
    }

    /**
     * Reads the plan's file again on the executor and enqueues the accepted rows of {@code tags}
     * (in batches of {@code batchSize}, scheduled at the execution time when it is in the future).
     * {@code listener} hears {@link ImportProgress.State#RUNNING} after each batch and the final
     * state; it runs on the executor's thread and must be quick. A plan whose run was cancelled or
     * failed may be started again: rows already in the outbox are not added twice.
     *
     * @throws IllegalArgumentException if a tag is not in the plan, or none is given
     * @throws IllegalStateException    if the plan is running or has completed
     */
    public ImportRun start(ImportPlan plan, Collection<String> tags, Consumer<ImportProgress> listener) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(listener, "listener");
        Set<String> selected = plan.checkTags(tags);
        String planId = plan.planId();
        ImportProgress first = new ImportProgress(planId, ImportProgress.State.RUNNING, 0, 0, 0, 0, 0,
                OptionalLong.of(plan.rowsRead()), Optional.empty());
        ImportRun run = new ImportRun(planId, first);
        synchronized (runs) {
            ImportRun before = runs.get(planId);
            if (before != null) {
                ImportProgress.State s = before.progress().state();
                if (s == ImportProgress.State.RUNNING || s == ImportProgress.State.COMPLETED) {
                    throw new IllegalStateException("import " + planId + " is " + s.name().toLowerCase()
                            + "; a plan is started once (make a new plan to send the file again)");
                }
            }
            runs.put(planId, run);
        }
        executor.execute(() -> new Enqueuing(plan, selected, run, listener).run());
        return run;
    }

    /** The latest progress of a plan or run of this instance, if it is still remembered. */
    public Optional<ImportProgress> progress(String planId) {
        Objects.requireNonNull(planId, "planId");
        synchronized (runs) {
            return Optional.ofNullable(runs.get(planId)).map(ImportRun::progress);
        }
    }

    /**
     * Cancels a running import (see {@link ImportRun#cancel()}).
     *
     * @return {@code true} if it was running; {@code false} for a plan not started, an ended import
     *         or an unknown id
     */
    public boolean cancel(String planId) {
        Objects.requireNonNull(planId, "planId");
        ImportRun run;
        synchronized (runs) {
            run = runs.get(planId);
        }
        return run != null && run.cancel();
    }

    /**
     * Moves every unsent entry of the import (folder OUTBOX, campaignId {@code planId}) to DELETED,
     * e.g. after a cancel; entries being sent at that moment are left.
     *
     * @return how many entries were deleted
     */
    public long deleteEnqueued(String planId) {
        OutboxQuery q = pending(planId).toBuilder().limit(OutboxQuery.MAX_LIMIT).build();
        long deleted = 0;
        while (true) {
            List<Long> ids = outbox.query(q).stream().map(OutboxEntry::id).toList();
            if (ids.isEmpty()) {
                return deleted;
            }
            int changed = outbox.deleteAll(ids).changed().size();
            deleted += changed;
            if (changed == 0) {
                return deleted;
            }
        }
    }

    /** The import's pending list: its entries still in the outbox folder (queued, scheduled, retrying). */
    public static OutboxQuery pending(String planId) {
        return OutboxQuery.builder().campaignId(planId).folder(Folder.OUTBOX).build();
    }

    /** The import's sent list. */
    public static OutboxQuery sent(String planId) {
        return OutboxQuery.builder().campaignId(planId).folder(Folder.SENT).build();
    }

    /** The import's failed list. */
    public static OutboxQuery failed(String planId) {
        return OutboxQuery.builder().campaignId(planId).folder(Folder.FAILED).build();
    }

    private static void tell(Consumer<ImportProgress> listener, ImportProgress p) {
        try {
            listener.accept(p);
        } catch (RuntimeException e) {
            LOG.warn("import progress listener failed for {}: {}", p.planId(), e.toString());
        }
    }

    @Override
    public String toString() {
        return "BulkImport{channel=" + channel + ", batchSize=" + batchSize + '}';
    }

    /** The first pass: counts, samples and first messages. */
    private final class Scan implements ImportReading.Handler {
        final String planId;
        final ImportReading reading;
        final ImportOptions options;
        final Consumer<ImportProgress> listener;
        final boolean smart;
        long read;
        long accepted;
        long rejected;
        final Map<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
        final List<RejectedRow> rejectedSample = new ArrayList<>();
        final Map<String, long[]> tags = new LinkedHashMap<>(); // total, withNumber, accepted, segments
        final Map<String, List<PreviewRow>> samples = new LinkedHashMap<>();
        final Map<String, ImportPlan.First> firsts = new LinkedHashMap<>();

        Scan(String planId, ImportReading reading, ImportOptions options, Consumer<ImportProgress> listener) {
            this.planId = planId;
            this.reading = reading;
            this.options = options;
            this.listener = listener;
            this.smart = options.template().engine().smartEncoding();
        }

        @Override
        public void accepted(long line, String phone, String tag, Map<String, String> values, String text) {
            accepted++;
            long[] t = tags.computeIfAbsent(tag, k -> new long[4]);
            t[0]++;
            t[1]++;
            t[2]++;
            t[3] += SmsText.analyze(text, smart).segments();
            List<PreviewRow> rows = samples.computeIfAbsent(tag, k -> new ArrayList<>());
            if (rows.size() < ImportPlan.PREVIEW_ROWS) {
                PreviewRow row = new PreviewRow(line, phone, tag, reading.ordered(values));
                rows.add(row);
                firsts.computeIfAbsent(tag, k -> new ImportPlan.First(row, options.template().preview(reading.input(values))));
            }
            counted();
        }

        @Override
        public void rejected(RejectedRow row, Optional<String> tag, boolean hadNumber) {
            rejected++;
            reasons.merge(row.reason(), 1L, Long::sum);
            if (rejectedSample.size() < ImportPlan.REJECTED_SAMPLE) {
                rejectedSample.add(row);
            }
            tag.ifPresent(t -> {
                long[] c = tags.get(t);
                if (c == null && tags.size() < MAX_TAGS) {
                    c = new long[4];
                    tags.put(t, c);
                }
                if (c != null) {
                    c[0]++;
                    c[1] += hadNumber ? 1 : 0;
                }
            });
            counted();
        }

        private void counted() {
            if (++read % batchSize == 0) {
                tell(listener, new ImportProgress(planId, ImportProgress.State.SCANNING, read, accepted, rejected, 0,
                        0, OptionalLong.empty(), Optional.empty()));
            }
        }

        Map<String, TagSummary> summaries() {
            Map<String, TagSummary> out = new LinkedHashMap<>();
            tags.forEach((t, c) -> out.put(t, new TagSummary(t, c[0], c[1], c[2], c[3])));
            return out;
        }
    }

    /** The second pass: batches into the outbox. */
    private final class Enqueuing implements ImportReading.Handler {
        final ImportPlan plan;
        final Set<String> selected;
        final ImportRun run;
        final Consumer<ImportProgress> listener;
        final EntryOptions entryOptions;
        final List<SmsMessage> batch = new ArrayList<>();
        long read;
        long accepted;
        long rejected;
        long skipped;
        long enqueued;

        Enqueuing(ImportPlan plan, Set<String> selected, ImportRun run, Consumer<ImportProgress> listener) {
            this.plan = plan;
            this.selected = selected;
            this.run = run;
            this.listener = listener;
            EntryOptions.Builder eo = EntryOptions.builder().campaignId(plan.planId());
            plan.options().operator().ifPresent(eo::operator);
            this.entryOptions = eo.build();
        }

        void run() {
            LOG.debug("import {} starts enqueuing tags {}", plan.planId(), selected);
            Path copy = null;
            try {
                // What is sent must be what was previewed and confirmed: a file saved again since
                // (rows fixed in a spreadsheet, a new export) needs a new plan. The rows are read from
                // a private copy whose bytes were checked, so a change during the run cannot reach them.
                ImportSource from = plan.source();
                byte[] now;
                try {
                    copy = Files.createTempFile("smsbridge-import-", ".tmp");
                    try (OutputStream out = Files.newOutputStream(copy)) {
                        now = ImportReading.copyAndDigest(plan.source(), out);
                    }
                    Path checked = copy;
                    from = new ImportSource() {
                        @Override
                        public String name() {
                            return plan.source().name();
                        }

                        @Override
                        public InputStream open() throws IOException {
                            return Files.newInputStream(checked);
                        }
                    };
                } catch (IOException e) {
                    LOG.debug("import {}: no private copy of the file ({}); reading it again", plan.planId(), e.toString());
                    now = ImportReading.digestOf(plan.source());
                }
                if (!plan.sameContent(now)) {
                    throw new IllegalStateException("the file " + plan.source().name() + " changed after it was "
                            + "previewed; nothing was enqueued: make a new plan, preview and confirm it again");
                }
                ImportReading reading = new ImportReading(plan.options());
                reading.read(from, run::isCancelled, this);
                if (run.isCancelled()) {
                    finish(ImportProgress.State.CANCELLED, Optional.empty());
                    run.future().complete(run.progress());
                    return;
                }
                if (reading.digest().filter(plan::sameContent).isEmpty()) {
                    // without a private copy, changed between the check above and this pass: the last
                    // batch is dropped, and never more rows than the plan had were enqueued
                    batch.clear();
                    throw new IllegalStateException("the file " + plan.source().name() + " changed while it was "
                            + "being enqueued; " + enqueued + " of its rows were enqueued and may differ from the "
                            + "preview: see BulkImport.pending(\"" + plan.planId() + "\"), remove them with "
                            + "deleteEnqueued if needed, and make a new plan");
                }
                flush();
                finish(ImportProgress.State.COMPLETED, Optional.empty());
                run.future().complete(run.progress());
            } catch (RuntimeException e) {
                finish(ImportProgress.State.FAILED, Optional.of(String.valueOf(e.getMessage())));
                LOG.warn("import {} failed after {} rows: {}", plan.planId(), read, e.toString());
                run.future().completeExceptionally(e);
            } finally {
                if (copy != null) {
                    try {
                        Files.deleteIfExists(copy);
                    } catch (IOException e) {
                        LOG.warn("import {}: could not delete its temporary copy {}: {}", plan.planId(), copy, e.toString());
                    }
                }
            }
        }

        @Override
        public void accepted(long line, String phone, String tag, Map<String, String> values, String text) {
            read++;
            accepted++;
            if (read > plan.rowsRead()) {
                return; // more rows than were previewed: the file changed (found at the end of the pass)
            }
            if (!selected.contains(tag)) {
                skipped++;
                return;
            }
            SmsMessage.Builder m = SmsMessage.builder().to(phone).text(text).tag(tag)
                    .reference(plan.planId() + "#" + line).purpose(plan.options().purpose());
            plan.options().sender().ifPresent(m::from);
            batch.add(m.build());
            if (batch.size() >= batchSize) {
                flush();
            }
        }

        @Override
        public void rejected(RejectedRow row, Optional<String> tag, boolean hadNumber) {
            read++;
            rejected++;
        }

        private void flush() {
            if (batch.isEmpty()) {
                return;
            }
            Optional<Instant> at = plan.options().executeAt();
            if (at.isPresent()) {
                outbox.scheduleAll(batch, at.get(), entryOptions);
            } else {
                outbox.enqueueAll(batch, entryOptions);
            }
            enqueued += batch.size();
            batch.clear();
            report(ImportProgress.State.RUNNING, Optional.empty());
        }

        private void finish(ImportProgress.State state, Optional<String> failure) {
            report(state, failure);
            LOG.debug("import {} {}: {} rows, {} enqueued", plan.planId(), state, read, enqueued);
        }

        private void report(ImportProgress.State state, Optional<String> failure) {
            ImportProgress p = new ImportProgress(plan.planId(), state, read, accepted, rejected, skipped, enqueued,
                    OptionalLong.of(plan.rowsRead()), failure);
            run.update(p);
            BulkImport.tell(listener, p);
        }
    }

    /** Configures a {@link BulkImport}; not thread-safe. */
    public static final class Builder {
        private Outbox outbox;
        private Clock clock;
        private Executor executor;
        private String channel = DEFAULT_CHANNEL;
        private int batchSize = DEFAULT_BATCH_SIZE;

        private Builder() {
        }

        /** The outbox the messages go to (required). */
        public Builder outbox(Outbox outbox) {
            this.outbox = Objects.requireNonNull(outbox, "outbox");
            return this;
        }

        /** The clock for "now" in confirmations; default the system UTC clock. Set once. */
        public Builder clock(Clock clock) {
            this.clock = Checks.once("clock", this.clock, clock);
            return this;
        }

        /**
         * Where {@link #start} runs the enqueuing; default a new daemon thread per import. Set once.
         * Tests pass {@code Runnable::run} to run it on the calling thread.
         */
        public Builder executor(Executor executor) {
            this.executor = Checks.once("executor", this.executor, executor);
            return this;
        }

        /** The sending channel's name in confirmations, e.g. the provider's name; default {@code "SMS"}. */
        public Builder channel(String channel) {
            this.channel = Checks.text("channel", channel, 100);
            return this;
        }

        /**
         * Messages per outbox call; default {@link #DEFAULT_BATCH_SIZE}.
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
         * The bulk import.
         *
         * @throws IllegalStateException if no outbox was given
         */
        public BulkImport build() {
            if (outbox == null) {
                throw new IllegalStateException("no outbox: call outbox(...)");
            }
            return new BulkImport(this);
        }
    }
}
