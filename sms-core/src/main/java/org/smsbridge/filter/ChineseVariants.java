package org.smsbridge.filter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.smsbridge.SmsException;

/**
 * A table that folds traditional Chinese characters to simplified ones, so that a keyword written
 * in either form matches a text written in either form. Used by {@link Normalization} when
 * {@link Normalization#chineseVariants()} is on. Immutable and thread-safe.
 *
 * <p>{@link #builtIn()} covers about 2,500 common characters. For full coverage load OpenCC's
 * {@code TSCharacters.txt} (<a href="https://github.com/BYVoid/OpenCC">github.com/BYVoid/OpenCC</a>,
 * {@code data/dictionary/}), whose format {@link #load(Path)} reads directly:
 *
 * <pre>{@code
 * ChineseVariants full = ChineseVariants.load(Path.of("TSCharacters.txt"));
 * Normalization n = Normalization.STANDARD.toBuilder().chineseVariantTable(full).build();
 * KeywordFilter filter = KeywordFilter.builder().add("免费").normalization(n).build();
 * }</pre>
 */
public final class ChineseVariants {
    private static final String BUILT_IN_RESOURCE = "chinese-variants.txt";
    private static final ChineseVariants BUILT_IN = loadBuiltIn();

    /** Sorted traditional code points. */
    private final int[] from;
    /** Simplified code point for {@code from[i]}. */
    private final int[] to;
    private final int hash;

    private ChineseVariants(Map<Integer, Integer> map) {
        this.from = new int[map.size()];
        this.to = new int[map.size()];
        int i = 0;
        for (Map.Entry<Integer, Integer> e : map.entrySet()) { // TreeMap: sorted by key
            from[i] = e.getKey();
            to[i] = e.getValue();
            i++;
        }
        this.hash = 31 * Arrays.hashCode(from) + Arrays.hashCode(to);
    }

    /**
     * The table shipped with SMS Bridge: about 2,500 common traditional characters and their
     * simplified forms (from OpenCC's common-character list, Apache License 2.0).
     */
    public static ChineseVariants builtIn() {
        return BUILT_IN;
    }

    /**
     * A table from a map of traditional to simplified characters.
     *
     * @param traditionalToSimplified each key and value exactly one Unicode character (code point)
     * @return the table
     * @throws IllegalArgumentException if a key or value is not exactly one character
     */
    public static ChineseVariants of(Map<String, String> traditionalToSimplified) {
        Objects.requireNonNull(traditionalToSimplified, "traditionalToSimplified");
        TreeMap<Integer, Integer> map = new TreeMap<>();
        traditionalToSimplified.forEach((k, v) -> map.put(singleCodePoint(k, "key"), singleCodePoint(v, "value")));
        return new ChineseVariants(map);
    }

    /**
     * Reads a table in OpenCC {@code TSCharacters.txt} format: UTF-8, one traditional character a
     * line, a tab or space, then one or more simplified candidates separated by spaces (the first
     * is used). Lines starting with {@code #}, blank lines and lines whose entries are longer than
     * one character are ignored.
     *
     * @param file the table file
     * @return the table
     * @throws SmsException of kind {@code CONFIGURATION} if the file is missing, unreadable or not UTF-8
     */
    public static ChineseVariants load(Path file) {
        Objects.requireNonNull(file, "file");
        return parse(Utf8Lines.read(file, "Chinese variant table"));
    }

    /** Number of traditional characters in the table. */
    public int size() {
        return from.length;
    }

    /** The simplified form of {@code codePoint}, or {@code codePoint} itself. */
    int fold(int codePoint) {
        int i = Arrays.binarySearch(from, codePoint);
        return i >= 0 ? to[i] : codePoint;
    }

    /** Code points this table maps (for building lookup tables). */
    int[] sources() {
        return from.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChineseVariants other && hash == other.hash
                && Arrays.equals(from, other.from) && Arrays.equals(to, other.to);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "ChineseVariants[" + from.length + " characters]";
    }

    private static ChineseVariants loadBuiltIn() {
        try (InputStream in = ChineseVariants.class.getResourceAsStream(BUILT_IN_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource org/smsbridge/filter/" + BUILT_IN_RESOURCE
                        + " is missing from the sms-core jar; the jar is damaged");
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return parse(text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read built-in Chinese variant table", e);
        }
    }

    private static ChineseVariants parse(List<String> entries) {
        TreeMap<Integer, Integer> map = new TreeMap<>();
        for (String line : entries) {
            String[] parts = line.split("[\\t ]+");
            if (parts.length < 2 || parts[0].codePointCount(0, parts[0].length()) != 1
                    || parts[1].codePointCount(0, parts[1].length()) != 1) {
                continue;
            }
            int t = parts[0].codePointAt(0);
            int s = parts[1].codePointAt(0);
            if (t != s) {
                map.putIfAbsent(t, s);
            }
        }
        return new ChineseVariants(map);
    }

    private static int singleCodePoint(String s, String what) {
        Objects.requireNonNull(s, what);
        if (s.isEmpty() || s.codePointCount(0, s.length()) != 1) {
            throw new IllegalArgumentException("Chinese variant " + what + " must be exactly one character, was '"
                    + s + "'");
        }
        return s.codePointAt(0);
    }
}
