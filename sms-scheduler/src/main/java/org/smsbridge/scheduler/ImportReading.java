package org.smsbridge.scheduler;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.smsbridge.SmsException;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.scheduler.ImportOptions.Column;
import org.smsbridge.scheduler.ImportOptions.Format;
import org.smsbridge.scheduler.ImportOptions.Header;
import org.smsbridge.scheduler.internal.CsvRowReader;
import org.smsbridge.scheduler.internal.LongHashSet;
import org.smsbridge.templates.MissingValuesException;
import org.smsbridge.templates.ValueFormatException;

/**
 * One streaming pass over an import file: every row checked in file order (number, duplicate, tag,
 * column count, template variables) and handed to a {@link Handler}. The scan of
 * {@link BulkImport#plan} and the run of {@link BulkImport#start} both read through here, so they
 * accept and reject exactly the same rows. Not thread-safe; one instance per pass.
 */
final class ImportReading {
    /** What a pass does with each row. */
    interface Handler {
        /** An accepted row; {@code values} is the template's input, {@code text} the rendered message. */
        void accepted(long line, String phone, String tag, Map<String, String> values, String text);

        /** A rejected row; {@code tag} when it had one, {@code hadNumber} when its number was valid. */
        void rejected(RejectedRow row, Optional<String> tag, boolean hadNumber);
    }

    private final ImportOptions options;
    private final LongHashSet seen = new LongHashSet(1 << 16);
    private final Set<String> tags = new HashSet<>();
    private int phone = -1;
    private int tag = -1;
    private String[] variableNames = new String[0];
    private int[] variableIndexes = new int[0];
    private boolean dotted;
    private int expectedColumns = -1;
    private boolean headerPending;
    /** The SHA-256 of the file's bytes once {@link #read} has read it to its end; null before. */
    private byte[] digest;

    ImportReading(ImportOptions options) {
        this.options = options;
        this.headerPending = options.header() != Header.NONE;
        requireMappedVariables(options);
        if (!headerPending) {
            resolve(List.of());
        }
    }

    /** Every variable the template needs without a fallback must come from a column. */
    static void requireMappedVariables(ImportOptions options) {
        List<String> unmapped = new ArrayList<>();
        for (String name : options.template().preview(Map.of()).missing()) {
            if (!options.variables().containsKey(name)) {
                unmapped.add(name);
            }
        }
        if (!unmapped.isEmpty()) {
            throw new IllegalArgumentException("template variables " + unmapped + " have no column and no fallback: "
                    + "map each with variable(name, column) or give it a fallback ({name|text})");
        }
    }

    /**
     * Reads {@code source} to its end, or until {@code stop} says so (checked before each row).
     *
     * @throws UncheckedIOException     if the file cannot be read or is not in the charset
     * @throws IllegalArgumentException if a named column is not in the header
     */
    void read(ImportSource source, BooleanSupplier stop, Handler handler) {
        Format f = options.format();
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(source.open(), sha);
                CsvRowReader reader = new CsvRowReader(new FilterInputStream(in) {
                    @Override
                    public void close() {
                        // closed by the outer try, after the rest has been hashed
                    }
                }, options.charset(), options.delimiter(), f != Format.TXT)) {
            while (!stop.getAsBoolean()) {
                Optional<CsvRowReader.Record> next = reader.next();
                if (next.isEmpty()) {
                    in.transferTo(OutputStream.nullOutputStream()); // whatever the reader left unread
                    digest = sha.digest();
                    return;
                }
                CsvRowReader.Record r = next.get();
                if (headerPending && r.malformed().isEmpty()) {
                    headerPending = false;
                    resolve(Arrays.asList(r.cells()));
                    continue;
                }
                check(r, handler);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not open " + source.name() + ": " + e.getMessage(), e);
        }
    }

    /** The SHA-256 of the bytes read, when {@link #read} reached the end of the file. */
    Optional<byte[]> digest() {
        return Optional.ofNullable(digest).map(byte[]::clone);
    }

    /**
     * The SHA-256 of what {@code source} holds now.
     *
     * @throws UncheckedIOException if it cannot be read
     */
    static byte[] digestOf(ImportSource source) {
        try {
            return copyAndDigest(source, OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + source.name() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Writes what {@code source} holds now to {@code out}; returns its SHA-256.
     *
     * @throws IOException if the source cannot be read or {@code out} cannot be written
     */
    static byte[] copyAndDigest(ImportSource source, OutputStream out) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = new DigestInputStream(source.open(), sha)) {
            in.transferTo(out);
        }
        return sha.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256, which every Java platform must have", e);
        }
    }

    /** The 0-based column of template variable {@code name}, or -1 when it has none. */
    private int columnOf(String name) {
        int col = -1;
        for (int i = 0; i < variableNames.length; i++) {
            if (variableNames[i].equals(name)) {
                col = variableIndexes[i];
            }
        }
        return col;
    }

    private void resolve(List<String> header) {
        if (options.header() != Header.NONE) {
            expectedColumns = header.size();
        }
        phone = index(options.phoneColumn(), header);
        tag = options.tagColumn().map(c -> index(c, header)).orElse(-1);
        Map<String, Column> vars = options.variables();
        variableNames = vars.keySet().toArray(new String[0]);
        variableIndexes = new int[variableNames.length];
        for (int i = 0; i < variableNames.length; i++) {
            variableIndexes[i] = index(vars.get(variableNames[i]), header);
            dotted |= variableNames[i].indexOf('.') > 0;
        }
    }

    private int index(Column c, List<String> header) {
        if (!c.byName()) {
            return c.number() - 1;
        }
        int i = header.indexOf(c.name());
        if (i < 0) {
            // a header typed in decomposed form (Vietnamese "tổ hợp" keyboards) names the same column
            String wanted = Normalizer.normalize(c.name(), Normalizer.Form.NFC);
            for (int k = 0; k < header.size() && i < 0; k++) {
                if (Normalizer.normalize(header.get(k), Normalizer.Form.NFC).equals(wanted)) {
                    i = k;
                }
            }
        }
        if (i < 0) {
            throw new IllegalArgumentException("column '" + c.name() + "' is not in the header " + header
                    + "; use one of these names or a column number");
        }
        return i;
    }

    private void check(CsvRowReader.Record r, Handler handler) {
        long line = r.line();
        if (r.malformed().isPresent()) {
            handler.rejected(new RejectedRow(line, OptionalInt.empty(), RejectReason.MALFORMED_CSV,
                    "malformed CSV: " + r.malformed().get(), ""), Optional.empty(), false);
            return;
        }
        String[] cells = r.cells();
        if (expectedColumns < 0) {
            expectedColumns = cells.length;
        }
        String rowTag = tag < 0 ? options.fixedTag().orElseThrow() : cell(cells, tag);
        Optional<String> knownTag = rowTag.isEmpty() ? Optional.empty() : Optional.of(rowTag);
        if (cells.length != expectedColumns) {
            handler.rejected(new RejectedRow(line, OptionalInt.empty(), RejectReason.WRONG_COLUMN_COUNT,
                    "row has " + cells.length + " columns; " + (options.header() == Header.NONE ? "the first row has "
                            : "the header has ") + expectedColumns, String.join(String.valueOf(options.delimiter()),
                                    cells)), knownTag, false);
            return;
        }
        String raw = cell(cells, phone);
        String e164;
        try {
            e164 = options.defaultRegion().isPresent() ? PhoneNumbers.normalize(raw, options.defaultRegion().get())
                    : PhoneNumbers.normalize(raw);
        } catch (SmsException e) {
            handler.rejected(new RejectedRow(line, OptionalInt.of(phone + 1), RejectReason.BAD_NUMBER, e.getMessage(),
                    raw), knownTag, false);
            return;
        }
        if (knownTag.isEmpty()) {
            handler.rejected(new RejectedRow(line, OptionalInt.of(tag + 1), RejectReason.MISSING_TAG,
                    "tag is empty; every row needs a tag (its group)", ""), knownTag, true);
            return;
        }
        if (!tags.contains(rowTag)) {
            if (tags.size() >= BulkImport.MAX_TAGS) {
                handler.rejected(new RejectedRow(line, OptionalInt.of(tag + 1), RejectReason.TOO_MANY_TAGS,
                        "tag '" + rowTag + "' would be tag number " + (BulkImport.MAX_TAGS + 1) + "; an import has at "
                                + "most " + BulkImport.MAX_TAGS + " tags: is the tag column right?", rowTag),
                        Optional.empty(), true);
                return;
            }
            tags.add(rowTag);
        }
        Map<String, String> values = new HashMap<>(variableNames.length * 2);
        for (int i = 0; i < variableNames.length; i++) {
            String v = cell(cells, variableIndexes[i]);
            if (!v.isEmpty()) {
                values.put(variableNames[i], v);
            }
        }
        String text;
        try {
            text = options.template().render(input(values));
        } catch (MissingValuesException e) {
            String first = e.missingNames().get(0);
            int col = columnOf(first);
            handler.rejected(new RejectedRow(line, col >= 0 ? OptionalInt.of(col + 1) : OptionalInt.empty(),
                    RejectReason.MISSING_VARIABLE, "no value for template variable" + (e.missingNames().size() > 1
                            ? "s " + e.missingNames() : " '" + first + "'"), ""), knownTag, true);
            return;
        } catch (ValueFormatException e) {
            // the column and the cell of the variable whose value does not suit its format
            int col = columnOf(e.variable());
            handler.rejected(new RejectedRow(line, col >= 0 ? OptionalInt.of(col + 1) : OptionalInt.empty(),
                    RejectReason.BAD_VALUE, e.getMessage(), col >= 0 ? cell(cells, col) : ""), knownTag, true);
            return;
        } catch (SmsException e) {
            handler.rejected(new RejectedRow(line, OptionalInt.empty(), RejectReason.BAD_VALUE, e.getMessage(), ""),
                    knownTag, true);
            return;
        }
        if (!seen.add(digits(e164))) {
            handler.rejected(new RejectedRow(line, OptionalInt.of(phone + 1), RejectReason.DUPLICATE_NUMBER,
                    "number " + e164 + " came in an earlier row; it is sent once", raw), knownTag, true);
            return;
        }
        handler.accepted(line, e164, rowTag, values, text);
    }

    /** The template's input for a row's values: the map itself, or nested when names have dots. */
    Object input(Map<String, String> values) {
        return dotted ? nest(values) : values;
    }

    /** {@code car.plate -> X} as {@code car -> {plate -> X}}, so the template's dotted paths find it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> nest(Map<String, String> flat) {
        Map<String, Object> out = new HashMap<>();
        flat.forEach((name, value) -> {
            String[] path = name.split("\\.");
            Map<String, Object> at = out;
            for (int i = 0; i < path.length - 1; i++) {
                Object next = at.computeIfAbsent(path[i], k -> new HashMap<String, Object>());
                if (!(next instanceof Map)) {
                    return; // "car" and "car.plate" both mapped: the plain value wins
                }
                at = (Map<String, Object>) next;
            }
            at.putIfAbsent(path[path.length - 1], value);
        });
        return out;
    }

    /** Values in mapping order, for the preview. */
    Map<String, String> ordered(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String n : variableNames) {
            String v = values.get(n);
            if (v != null) {
                out.put(n, v);
            }
        }
        return out;
    }

    private static String cell(String[] cells, int index) {
        return index < cells.length ? cells[index] : "";
    }

    /** The digits of an E.164 number ({@code +} and at most 15 digits) as a long. */
    static long digits(String e164) {
        long n = 0;
        for (int i = 1; i < e164.length(); i++) {
            n = n * 10 + (e164.charAt(i) - '0');
        }
        return n;
    }
}
