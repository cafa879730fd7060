package org.smsbridge.scheduler;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * What a carrier without an approval API needs by e-mail before an advertising campaign may run
 * (seed 003): the customer list (name and number) as CSV and as an Excel workbook, and the content
 * to approve. Made by {@link Campaigns#approvalPackage}; the host attaches the files to its e-mail.
 * Immutable and thread-safe (the byte arrays are copied on the way out).
 *
 * <p><b>Formula injection.</b> In the CSV, every cell whose text starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return is written with a leading single quote
 * ({@code '}) so that a spreadsheet opening it never runs it as a formula
 * ({@link #escapeCell(String)}). E.164 numbers start with {@code +}, so the CSV has
 * {@code '+84912345678}: the carrier sees the quote, but the number stays text. In the workbook
 * every cell is a string cell with the Text number format ({@code @}): a spreadsheet shows it as
 * written ({@code +84912345678}, {@code =HYPERLINK(...)} as text) and keeps it text when it is
 * edited, so no quote is needed there.
 */
public final class ApprovalPackage {
    /** Header row of the customer list. */
    public static final List<String> HEADER = List.of("name", "phone");

    private final String campaignId;
    private final String content;
    private final String emailText;
    private final int customers;
    private final byte[] csv;
    private final byte[] xlsx;

    ApprovalPackage(String campaignId, String content, String emailText, List<List<String>> rows) {
        this.campaignId = campaignId;
        this.content = content;
        this.emailText = emailText;
        this.customers = rows.size();
        this.csv = csv(rows);
        this.xlsx = xlsx(campaignId, rows);
    }

    /** The campaign the package is for. */
    public String campaignId() {
        return campaignId;
    }

    /** The message content to approve: the campaign's template text, placeholders included. */
    public String content() {
        return content;
    }

    /** A plain-text e-mail body: campaign, period, number of customers and the content. */
    public String emailText() {
        return emailText;
    }

    /** Customers in the list (rows after the header). */
    public int customers() {
        return customers;
    }

    /** The customer list as CSV: UTF-8 with a byte-order mark (Excel reads Vietnamese and Greek right), CRLF lines. */
    public byte[] csv() {
        return csv.clone();
    }

    /** The customer list as an Excel workbook (XLSX), one sheet "customers". */
    public byte[] xlsx() {
        return xlsx.clone();
    }

    /**
     * Writes {@code <campaign id>-customers.csv}, {@code <campaign id>-customers.xlsx} and
     * {@code <campaign id>-content.txt} (the e-mail text) into {@code dir}, replacing existing files.
     * Characters of the id that are unsafe in file names become {@code _}.
     *
     * @return the three files
     * @throws UncheckedIOException if writing fails
     */
    public List<Path> writeTo(Path dir) {
        Objects.requireNonNull(dir, "dir");
        String base = campaignId.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        try {
            Files.createDirectories(dir);
            Path c = Files.write(dir.resolve(base + "-customers.csv"), csv);
            Path x = Files.write(dir.resolve(base + "-customers.xlsx"), xlsx);
            Path t = Files.writeString(dir.resolve(base + "-content.txt"), emailText, StandardCharsets.UTF_8);
            return List.of(c, x, t);
        } catch (IOException e) {
            throw new UncheckedIOException("writing the approval package of campaign '" + campaignId + "' to " + dir
                    + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * The cell text as written: with a leading {@code '} when it starts with {@code =}, {@code +},
     * {@code -}, {@code @}, a tab or a carriage return, unchanged otherwise.
     */
    public static String escapeCell(String text) {
        Objects.requireNonNull(text, "text");
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static byte[] csv(List<List<String>> rows) {
        StringBuilder b = new StringBuilder("\uFEFF");
        appendCsvRow(b, HEADER);
        for (List<String> row : rows) {
            appendCsvRow(b, row);
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendCsvRow(StringBuilder b, List<String> row) {
        for (int i = 0; i < row.size(); i++) {
            if (i > 0) {
                b.append(',');
            }
            String cell = escapeCell(row.get(i));
            if (cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                    || cell.indexOf('\r') >= 0) {
                b.append('"').append(cell.replace("\"", "\"\"")).append('"');
            } else {
                b.append(cell);
            }
        }
        b.append("\r\n");
    }

    private static byte[] xlsx(String campaignId, List<List<String>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook wb = new Workbook(out, "SMS Bridge", "1.0");
            Worksheet ws = wb.newWorksheet("customers");
            for (int c = 0; c < HEADER.size(); c++) {
                ws.inlineString(0, c, HEADER.get(c));
            }
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    ws.inlineString(r + 1, c, row.get(c));
                }
            }
            if (!rows.isEmpty()) {
                // Text format: the cells stay text when edited, so "=..." or "+84..." is never a formula
                ws.range(1, 0, rows.size(), HEADER.size() - 1).style().format("@").set();
            }
            ws.width(0, 30);
            ws.width(1, 20);
            wb.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the XLSX customer list of campaign '" + campaignId + "' failed", e);
        }
        return out.toByteArray();
    }

    @Override
    public String toString() {
        return "ApprovalPackage{campaign=" + campaignId + ", customers=" + customers + ", csv=" + csv.length
                + " bytes, xlsx=" + xlsx.length + " bytes}";
    }
}
