package org.smsbridge.scheduler.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes CSV cells safely for spreadsheets: RFC 4180 quoting, and a leading apostrophe on cells
 * that start with {@code =}, {@code +}, {@code -}, {@code @} (or a tab or carriage return) so a
 * spreadsheet shows them as text instead of running them as a formula (OWASP "CSV injection").
 * Stateless and thread-safe.
 */
public final class CsvCells {
    private CsvCells() {
    }

    /** {@code cell} with a leading {@code '} when a spreadsheet would read it as a formula. */
    public static String defuse(String cell) {
        if (!cell.isEmpty()) {
            char c = cell.charAt(0);
            if (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') {
                return "'" + cell;
            }
        }
        return cell;
    }

    /** {@code cell} defused and quoted when it holds a comma, quote or line break. */
    public static String cell(String cell) {
        String s = defuse(cell);
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    /** Appends one CSV record (cells defused and quoted) ending in CRLF. */
    public static void writeRecord(Appendable out, List<String> cells) {
        try {
            for (int i = 0; i < cells.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(cell(cells.get(i)));
            }
            out.append("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write CSV: " + e.getMessage(), e);
        }
    }
}
