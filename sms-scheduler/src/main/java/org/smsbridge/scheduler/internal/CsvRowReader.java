package org.smsbridge.scheduler.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.Optional;

/**
 * Streams the records of a delimited text file with Jackson's CSV module ({@link CsvMapper},
 * {@link MappingIterator} of {@code String[]}): one record in memory at a time, each with the line
 * it starts on. A leading byte-order mark is dropped; bytes that are not valid in the charset stop
 * the reading with a message that names the line and the charset. A record the CSV grammar rejects
 * (an unclosed quote, text after a closing quote) comes back as a malformed record and reading
 * goes on where the parser can resynchronize. Blank lines are skipped. Not thread-safe.
 */
public final class CsvRowReader implements Closeable {
    private static final CsvMapper MAPPER = CsvMapper.builder()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.TRIM_SPACES)
            .build();
    private static final ObjectReader ARRAYS = MAPPER.readerFor(String[].class);

    /** One record: its cells, or why it could not be read. */
    public record Record(long line, String[] cells, Optional<String> malformed) {
    }

    private final MappingIterator<String[]> rows;
    private final Charset charset;
    private long lastErrorLine;
    private boolean done;

    /**
     * Opens a reader; {@code in} is closed with it.
     *
     * @param separator the column separator
     * @param quoted    whether {@code "} quotes cells (off for one-number-a-line TXT files)
     */
    public CsvRowReader(InputStream in, Charset charset, char separator, boolean quoted) {
        this.charset = charset;
        // buffered here, above any stream that counts or hashes the bytes: the peek must not read them twice
        in = checkByteOrderMark(new BufferedInputStream(in), charset);
        Reader reader = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
        CsvSchema schema = CsvSchema.emptySchema().withoutHeader().withColumnSeparator(separator)
                .withoutEscapeChar();
        schema = quoted ? schema.withQuoteChar('"') : schema.withoutQuoteChar();
        try {
            this.rows = ARRAYS.with(schema).readValues(skipBom(reader));
        } catch (IOException e) {
            throw failure(1, e);
        }
    }

    /**
     * A file that starts with a byte order mark says its own encoding; read in another charset its
     * header would come out garbled ("锘縫hone") and only a confusing "column not in the header"
     * would follow.
     *
     * @throws UncheckedIOException naming the charset to set
     */
    private static InputStream checkByteOrderMark(InputStream in, Charset charset) {
        try {
            in.mark(3);
            int b0 = in.read();
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            String name = charset.name().toUpperCase(java.util.Locale.ROOT);
            if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF && !name.equals("UTF-8")) {
                throw new UncheckedIOException("the file starts with a UTF-8 byte order mark, so it was saved "
                        + "as UTF-8, but the charset is set to " + charset.name()
                        + "; set the charset to UTF-8 (the default)", new CharacterCodingException());
            }
            boolean little = b0 == 0xFF && b1 == 0xFE;
            boolean big = b0 == 0xFE && b1 == 0xFF;
            // UTF-16 reads either byte order from the mark; UTF-32's marks start alike and are left alone
            boolean fits = name.equals("UTF-16") || name.startsWith("UTF-32")
                    || little && name.equals("UTF-16LE") || big && name.equals("UTF-16BE");
            if ((little || big) && !fits) {
                throw new UncheckedIOException("the file starts with a UTF-16 byte order mark (Excel's \"Unicode "
                        + "text\"), but the charset is set to " + charset.name() + "; set the charset to UTF-16",
                        new CharacterCodingException());
            }
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the file: " + e.getMessage(), e);
        }
    }

    private static Reader skipBom(Reader reader) throws IOException {
        PushbackReader r = new PushbackReader(reader, 1);
        int first = r.read();
        if (first != -1 && first != '\uFEFF') {
            r.unread(first);
        }
        return r;
    }

    /**
     * The next non-blank record, or empty at the end of the file.
     *
     * @throws UncheckedIOException if the file cannot be read or is not in the charset
     */
    public Optional<Record> next() {
        while (!done) {
            long line = Math.max(rows.getParser().currentLocation().getLineNr(), lastErrorLine + 1);
            try {
                if (!rows.hasNextValue()) {
                    done = true;
                    return Optional.empty();
                }
                String[] cells = rows.nextValue();
                if (isBlank(cells)) {
                    continue;
                }
                return Optional.of(new Record(line, cells, Optional.empty()));
            } catch (CharacterCodingException e) {
                throw failure(rows.getParser().currentLocation().getLineNr(), e);
            } catch (JsonProcessingException e) {
                long at = Math.max(line, rows.getParser().currentLocation().getLineNr());
                String reason = e.getOriginalMessage();
                if (reason.contains("Missing closing quote")) {
                    reason = "unclosed quote: a cell opened with \" never closes (read to line " + at
                            + ", the end of the file)";
                    done = true;
                } else if (at <= lastErrorLine) {
                    done = true; // the parser cannot move on
                }
                lastErrorLine = at;
                return Optional.of(new Record(line, new String[0], Optional.of(reason)));
            } catch (IOException e) {
                throw failure(rows.getParser().currentLocation().getLineNr(), e);
            }
        }
        return Optional.empty();
    }

    private UncheckedIOException failure(long line, IOException e) {
        if (e instanceof CharacterCodingException) {
            return new UncheckedIOException("the file is not valid " + charset.name() + " near line " + line
                    + "; set the charset it was saved in (e.g. GB18030 or GBK for Chinese, windows-1253 for Greek, "
                    + "UTF-8 with or without BOM)", e);
        }
        return new UncheckedIOException("could not read the file near line " + line + ": " + e.getMessage(), e);
    }

    private static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (!c.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        try {
            rows.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
