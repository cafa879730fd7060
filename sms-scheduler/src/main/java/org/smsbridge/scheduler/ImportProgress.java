package org.smsbridge.scheduler;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Where an import stands: reported to the listener while it runs and answered by
 * {@link BulkImport#progress(String)} afterwards. Rows are counted as they are read; accepted rows
 * are enqueued in batches, so {@code enqueued} trails {@code accepted} by at most one batch until
 * the end.
 *
 * @param planId       the plan
 * @param state        the phase
 * @param rowsRead     data rows read so far (header and blank lines not counted)
 * @param accepted     rows that passed every check
 * @param rejected     rows that did not
 * @param skipped      accepted rows left out because their tag was not selected
 * @param enqueued     messages put in the outbox (always 0 while {@link State#SCANNING})
 * @param expectedRows the rows the plan's scan counted, for a progress bar; empty while scanning
 * @param failure      why the import failed, when {@link State#FAILED}
 */
public record ImportProgress(String planId, State state, long rowsRead, long accepted, long rejected, long skipped,
        long enqueued, OptionalLong expectedRows, Optional<String> failure) {
    /** Phases of an import. */
    public enum State {
        /** {@link BulkImport#plan} is reading the file to check and preview it. */
        SCANNING,
        /** Checked and previewed; nothing enqueued yet. */
        PLANNED,
        /** {@link BulkImport#start} is reading and enqueuing. */
        RUNNING,
        /** Every accepted row of the selected tags is in the outbox. */
        COMPLETED,
        /** Stopped by {@link ImportRun#cancel()}; what was enqueued stays until deleted. */
        CANCELLED,
        /** Stopped by an error (the file, the store); see {@link ImportProgress#failure()}. */
        FAILED;

        /** Whether the import has ended. */
        public boolean isFinal() {
            return this == COMPLETED || this == CANCELLED || this == FAILED;
        }
    }

    /** @throws NullPointerException if an argument is null */
    public ImportProgress {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(expectedRows, "expectedRows");
        Objects.requireNonNull(failure, "failure");
    }

    /** Read rows out of the expected ones, from 0 to 1; 0 when unknown. */
    public double fraction() {
        if (expectedRows.isEmpty() || expectedRows.getAsLong() == 0) {
            return state.isFinal() ? 1 : 0;
        }
        return Math.min(1.0, (double) rowsRead / expectedRows.getAsLong());
    }
}
