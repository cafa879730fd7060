package org.smsbridge.scheduler;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A started import: its live {@link #progress()}, {@link #cancel()} and {@link #completion()}.
 * Made by {@link BulkImport#start}; thread-safe.
 */
public final class ImportRun {
    private final String planId;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CompletableFuture<ImportProgress> completion = new CompletableFuture<>();
    private volatile ImportProgress progress;

    ImportRun(String planId, ImportProgress initial) {
        this.planId = Objects.requireNonNull(planId, "planId");
        this.progress = initial;
    }

    /** The plan id; also each entry's {@code campaignId} in the outbox. */
    public String planId() {
        return planId;
    }

    /** The latest progress. */
    public ImportProgress progress() {
        return progress;
    }

    /**
     * Asks the import to stop before its next row. Rows not yet enqueued are dropped; entries already
     * in the outbox stay (delete them with {@link BulkImport#deleteEnqueued(String)}).
     *
     * @return {@code true} if the import was running (a plan that was not started has nothing to cancel)
     */
    public boolean cancel() {
        return progress.state() == ImportProgress.State.RUNNING && cancelled.compareAndSet(false, true);
    }

    /** Whether {@link #cancel()} was called. */
    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Completes with the final progress (COMPLETED or CANCELLED), or exceptionally with the error
     * of a FAILED import.
     */
    public CompletableFuture<ImportProgress> completion() {
        return completion.copy();
    }

    void update(ImportProgress p) {
        progress = p;
    }

    CompletableFuture<ImportProgress> future() {
        return completion;
    }

    @Override
    public String toString() {
        return "ImportRun{" + progress + '}';
    }
}
