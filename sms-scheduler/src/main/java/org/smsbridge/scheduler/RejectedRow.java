package org.smsbridge.scheduler;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.smsbridge.scheduler.internal.CsvCells;

/**
 * A row {@link BulkImport} did not accept: where it is, which column, and why.
 *
 * @param line    the line of the file the row starts on, from 1
 * @param column  the column at fault, from 1; empty when the whole row is (a malformed row, a wrong
 *                column count)
 * @param reason  the kind of problem
 * @param message what is wrong and what to do, e.g. "phone number '12' is too short"
 * @param value   the cell at fault as read (empty string when none)
 */
public record RejectedRow(long line, OptionalInt column, RejectReason reason, String message, String value) {
    /** The header line of {@link #writeCsv}. */
    public static final List<String> CSV_HEADER = List.of("line", "column", "reason", "message", "value");

    /** @throws NullPointerException if an argument is null */
    public RejectedRow {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(value, "value");
    }

    /** This row as CSV cells in {@link #CSV_HEADER} order (not yet escaped). */
    public List<String> cells() {
        return List.of(Long.toString(line), column.isPresent() ? Integer.toString(column.getAsInt()) : "",
                reason.name(), message, value);
    }

    /**
     * Writes rows as CSV with a header line: cells that start with {@code =}, {@code +},
     * {@code -} or {@code @} get a leading {@code '} so a spreadsheet cannot run them as a formula.
     *
     * @throws java.io.UncheckedIOException if {@code out} fails
     */
    public static void writeCsv(Iterable<RejectedRow> rows, Appendable out) {
        CsvCells.writeRecord(out, CSV_HEADER);
        for (RejectedRow r : rows) {
            CsvCells.writeRecord(out, r.cells());
        }
    }
}
