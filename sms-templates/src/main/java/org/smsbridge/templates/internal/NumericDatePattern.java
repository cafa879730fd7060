package org.smsbridge.templates.internal;

import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link java.time.format.DateTimeFormatter} pattern made only of numeric fields and literal
 * text, such as {@code dd/MM/yyyy} or {@code d.M.yy HH:mm}, printed straight into a
 * {@code StringBuilder} without allocating: {@code DateTimeFormatter.formatTo} allocates about
 * 170 bytes for {@code dd/MM/yyyy} (a print context and a string per number), more than a short SMS
 * field itself. It prints exactly what {@code DateTimeFormatter.ofPattern(pattern, locale)} prints
 * (digits are always ASCII there); a pattern with anything else (month or day names, AM/PM, zones,
 * optional sections, fractions) is not taken ({@link #parse} returns null), and a value it cannot
 * print the same way (an unsupported field, a year outside the padded width) makes
 * {@link #printTo} return false so the caller uses the formatter. Immutable and thread-safe.
 */
final class NumericDatePattern {
    /** A field to print: {@code field}, zero-padded to {@code width}; {@code width == -2}: two-digit year. */
    private static final class Field {
        final ChronoField field;
        final int width;

        Field(ChronoField field, int width) {
            this.field = field;
            this.width = width;
        }
    }

    private static final int REDUCED_YEAR = -2;

    /** {@link String} literals and {@link Field}s in order. */
    private final Object[] parts;

    private NumericDatePattern(Object[] parts) {
        this.parts = parts;
    }

    /**
     * The fast form of {@code pattern}, or null when it has anything but numeric fields and
     * literals. The pattern must already be valid for {@code DateTimeFormatter.ofPattern}.
     */
    static NumericDatePattern parse(String pattern) {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int n = pattern.length();
        for (int i = 0; i < n; i++) {
            char c = pattern.charAt(i);
            if (c == '\'') {
                int end = i + 1;
                if (end < n && pattern.charAt(end) == '\'') { // '' is one quote
                    literal.append('\'');
                    i = end;
                    continue;
                }
                for (; end < n; end++) {
                    if (pattern.charAt(end) == '\'') {
                        if (end + 1 < n && pattern.charAt(end + 1) == '\'') {
                            literal.append('\'');
                            end++;
                        } else {
                            break;
                        }
                    } else {
                        literal.append(pattern.charAt(end));
                    }
                }
                if (end >= n) {
                    return null; // unclosed quote: ofPattern rejects it anyway
                }
                i = end;
                continue;
            }
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                int count = 1;
                while (i + count < n && pattern.charAt(i + count) == c) {
                    count++;
                }
                Field field = field(c, count);
                if (field == null) {
                    return null;
                }
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(field);
                i += count - 1;
                continue;
            }
            if (c == '[' || c == ']' || c == '{' || c == '}' || c == '#') {
                return null; // optional sections and reserved characters
            }
            literal.append(c);
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return new NumericDatePattern(parts.toArray());
    }

    /** The numeric field for {@code count} letters {@code c}, as {@code DateTimeFormatterBuilder} reads them. */
    private static Field field(char c, int count) {
        switch (c) {
            case 'y':
                return year(ChronoField.YEAR_OF_ERA, count);
            case 'u':
                return year(ChronoField.YEAR, count);
            case 'M':
                return count <= 2 ? new Field(ChronoField.MONTH_OF_YEAR, count) : null;
            case 'd':
                return count <= 2 ? new Field(ChronoField.DAY_OF_MONTH, count) : null;
            case 'H':
                return count <= 2 ? new Field(ChronoField.HOUR_OF_DAY, count) : null;
            case 'h':
                return count <= 2 ? new Field(ChronoField.CLOCK_HOUR_OF_AMPM, count) : null;
            case 'm':
                return count <= 2 ? new Field(ChronoField.MINUTE_OF_HOUR, count) : null;
            case 's':
                return count <= 2 ? new Field(ChronoField.SECOND_OF_MINUTE, count) : null;
            default:
                return null;
        }
    }

    private static Field year(ChronoField field, int count) {
        if (count == 2) {
            return new Field(field, REDUCED_YEAR);
        }
        return count <= 9 ? new Field(field, count) : null;
    }

    /**
     * Appends {@code t} in this pattern; false, with nothing appended, when {@code t} lacks a field
     * or has a value this class does not print as the formatter would.
     */
    boolean printTo(TemporalAccessor t, StringBuilder out) {
        Object[] parts = this.parts;
        int mark = out.length();
        for (Object part : parts) {
            if (part instanceof String) {
                out.append((String) part);
                continue;
            }
            Field f = (Field) part;
            if (!t.isSupported(f.field)) {
                out.setLength(mark);
                return false;
            }
            long v = t.getLong(f.field);
            if (f.width == REDUCED_YEAR) {
                appendPadded(out, Math.abs(v) % 100, 2);
            } else if (v < 0 || (f.width >= 4 && v >= DecimalLayout.POW10[f.width])) {
                // the formatter prints a sign here ('-', or '+' when a year exceeds its padded width)
                out.setLength(mark);
                return false;
            } else {
                appendPadded(out, v, f.width);
            }
        }
        return true;
    }

    private static void appendPadded(StringBuilder out, long v, int width) {
        for (int i = DecimalLayout.digitCount(v); i < width; i++) {
            out.append('0');
        }
        out.append(v);
    }
}
