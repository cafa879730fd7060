package org.smsbridge.filter;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What every code point becomes under one {@link Normalization}, computed once per normalization
 * (and cached) so that the filter normalizes a text with one array lookup per character.
 * Immutable and thread-safe.
 */
final class NormalizationTable {
    /** {@link #single(char)} value: the character is skipped. */
    static final int SKIP = -1;
    /** {@link #single(char)} value: the character becomes several characters, see {@link #multi(char)}. */
    static final int MULTI = -2;

    private static final int CACHE_SIZE = 8;
    private static final Map<Normalization, NormalizationTable> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Normalization, NormalizationTable> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** Supplementary ranges where some normalization can change a code point. */
    private static final int[][] SUPPLEMENTARY_RANGES = {
        {0x10400, 0x104FF}, {0x10780, 0x107BA}, {0x10C80, 0x10CFF}, {0x118A0, 0x118FF}, {0x16E40, 0x16E9F},
        {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0x1D400, 0x1D7FF}, {0x1E030, 0x1E08F}, {0x1E900, 0x1E95F},
        {0x1F100, 0x1F1FF}, {0x1FBF0, 0x1FBF9}, {0x2F800, 0x2FA1F}, {0xE0000, 0xE01EF},
    };

    /** {@link #single} value not computed yet. */
    private static final int UNKNOWN = Integer.MIN_VALUE;
    private static final char[] UNCHANGED = new char[0];

    private final boolean collapseSpaces;
    private final Mapper mapper;
    /**
     * Per BMP char: the single output char, {@link #SKIP}, {@link #MULTI} or {@link #UNKNOWN}.
     * Filled lazily; racy writes are benign because every thread computes the same value.
     */
    private final int[] single;
    private final Map<Character, char[]> multi = new ConcurrentHashMap<>();
    /** Supplementary code points of {@link #SUPPLEMENTARY_RANGES} seen so far. */
    private final Map<Integer, char[]> supplementary = new ConcurrentHashMap<>();

    private NormalizationTable(Normalization n) {
        this.collapseSpaces = n.invisibleRemoval();
        this.mapper = new Mapper(n);
        this.single = new int[0x10000];
        Arrays.fill(single, UNKNOWN);
    }

    private int compute(char c) {
        int v;
        if (Character.isSurrogate(c) || !mapper.mayChange(c)) {
            v = c;
        } else {
            String out = mapper.map(c);
            if (out.isEmpty()) {
                v = SKIP;
            } else if (out.length() == 1) {
                v = out.charAt(0);
            } else {
                multi.put(c, out.toCharArray());
                v = MULTI;
            }
        }
        single[c] = v;
        return v;
    }

    /** The table for {@code n}, from a small cache. */
    static NormalizationTable of(Normalization n) {
        synchronized (CACHE) {
            NormalizationTable t = CACHE.get(n);
            if (t == null) {
                t = new NormalizationTable(n);
                CACHE.put(n, t);
            }
            return t;
        }
    }

    /** Whether runs of white space count as one space. */
    boolean collapseSpaces() {
        return collapseSpaces;
    }

    /** What BMP char {@code c} becomes: a char value, {@link #SKIP} or {@link #MULTI}. */
    int single(char c) {
        int v = single[c];
        return v != UNKNOWN ? v : compute(c);
    }

    /** The chars a {@link #MULTI} char becomes. */
    char[] multi(char c) {
        char[] out = multi.get(c);
        return out != null ? out : mapper.map(c).toCharArray(); // not yet visible to this thread
    }

    /** What a supplementary code point becomes (empty: skipped), or null when unchanged. */
    char[] supplementary(int cp) {
        if (!mayChangeSupplementary(cp)) {
            return null;
        }
        char[] out = supplementary.get(cp);
        if (out == null) {
            String mapped = mapper.map(cp);
            out = mapped.equals(new String(Character.toChars(cp))) ? UNCHANGED : mapped.toCharArray();
            supplementary.put(cp, out);
        }
        return out == UNCHANGED ? null : out;
    }

    private boolean mayChangeSupplementary(int cp) {
        for (int[] range : SUPPLEMENTARY_RANGES) {
            if (cp >= range[0] && cp <= range[1]) {
                return true;
            }
        }
        return mapper.n.chineseVariants() && mapper.n.chineseVariantTable().fold(cp) != cp;
    }

    /** The normalized view of {@code text}, by the same rules the filter applies while matching. */
    String normalize(CharSequence text) {
        StringBuilder sb = new StringBuilder(text.length());
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1))) {
                char low = text.charAt(++i);
                char[] out = supplementary(Character.toCodePoint(c, low));
                if (out == null) {
                    append(sb, c);
                    append(sb, low);
                } else {
                    for (char o : out) {
                        append(sb, o);
                    }
                }
                continue;
            }
            int v = single(c);
            if (v >= 0) {
                append(sb, (char) v);
            } else if (v == MULTI) {
                for (char o : multi(c)) {
                    append(sb, o);
                }
            }
        }
        return sb.toString();
    }

    private void append(StringBuilder sb, char c) {
        if (c == ' ' && collapseSpaces && sb.length() > 0 && sb.charAt(sb.length() - 1) == ' ') {
            return;
        }
        sb.append(c);
    }

    /**
     * Whether code point {@code cp} is part of a word in a script that separates words by spaces: a
     * letter or a combining mark. Digits are not ("sex18" and "vay50tr" have a word boundary after
     * "sex" and before "vay"), unless the leet-digit folding has made them letters.
     */
    static boolean isWordCodePoint(int cp) {
        if (!Character.isLetter(cp)) {
            int type = Character.getType(cp);
            if (type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK
                    && type != Character.ENCLOSING_MARK) {
                return false;
            }
        }
        switch (Character.UnicodeScript.of(cp)) {
            case HAN: case HIRAGANA: case KATAKANA: case THAI: case LAO: case KHMER: case MYANMAR:
            case TIBETAN: case YI: case BOPOMOFO: case TANGUT: case NUSHU:
                return false;
            default:
                return true;
        }
    }

    /** The per-code-point pipeline: invisible, NFKC, case, accents, Chinese, confusables, leet. */
    private static final class Mapper {
        final Normalization n;

        Mapper(Normalization n) {
            this.n = n;
        }

        /** A cheap pre-check: false only when no enabled step can change {@code c}. */
        boolean mayChange(int c) {
            if (c < 0x80) {
                return n.invisibleRemoval() || n.caseFolding() || n.leetDigits();
            }
            int type = Character.getType(c);
            if (type == Character.UNASSIGNED || type == Character.PRIVATE_USE) {
                return false;
            }
            return n.compatibilityForms() || n.caseFolding() || n.accentRemoval() || n.invisibleRemoval()
                    || n.confusableFolding() || n.chineseVariants() || n.leetDigits();
        }

        String map(int cp) {
            if (n.invisibleRemoval()) {
                if (isInvisible(cp)) {
                    return "";
                }
                if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                    return " ";
                }
            }
            if ((cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF)) { // CJK: only variants apply
                int v = n.chineseVariants() ? n.chineseVariantTable().fold(cp) : cp;
                return new String(Character.toChars(v));
            }
            if (cp >= 0xAC00 && cp <= 0xD7A3) { // Hangul syllables never change
                return new String(Character.toChars(cp));
            }
            String s = new String(Character.toChars(cp));
            if (n.compatibilityForms()) {
                s = Normalizer.normalize(s, n.accentRemoval() ? Normalizer.Form.NFKD : Normalizer.Form.NFKC);
            }
            if (n.caseFolding()) {
                s = fold(s);
            }
            if (n.accentRemoval()) {
                s = stripAccents(s);
            }
            if (!(n.chineseVariants() || n.confusableFolding() || n.leetDigits() || n.invisibleRemoval())) {
                return s;
            }
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                i += Character.charCount(c);
                if (n.invisibleRemoval() && isInvisible(c)) {
                    continue;
                }
                if (n.invisibleRemoval() && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                    sb.append(' ');
                    continue;
                }
                if (n.chineseVariants()) {
                    c = n.chineseVariantTable().fold(c);
                }
                if (n.confusableFolding()) {
                    c = confusable(c);
                }
                if (n.leetDigits()) {
                    c = leet(c);
                }
                sb.appendCodePoint(c);
            }
            return sb.toString();
        }

        private static String fold(String s) {
            StringBuilder sb = new StringBuilder(s.length());
            for (int i = 0; i < s.length(); ) {
                int c = s.codePointAt(i);
                i += Character.charCount(c);
                switch (c) {
                    case 0x130: case 0x131: // Turkish İ and ı: both plain i
                        sb.append('i');
                        break;
                    case 0x3C2: // final sigma
                        sb.append('\u03C3');
                        break;
                    case 0xDF: case 0x1E9E: // ß, ẞ
                        sb.append("ss");
                        break;
                    default:
                        sb.appendCodePoint(Character.isLetter(c)
                                ? Character.toLowerCase(Character.toUpperCase(c)) : Character.toLowerCase(c));
                }
            }
            return sb.toString();
        }

        private static String stripAccents(String s) {
            String d = Normalizer.normalize(s, Normalizer.Form.NFD);
            StringBuilder sb = new StringBuilder(d.length());
            boolean changed = false;
            for (int i = 0; i < d.length(); ) {
                int c = d.codePointAt(i);
                i += Character.charCount(c);
                if (isAccent(c)) {
                    changed = true;
                } else {
                    int b = stroke(c);
                    changed |= b != c;
                    sb.appendCodePoint(b);
                }
            }
            return changed || !d.equals(s) ? Normalizer.normalize(sb, Normalizer.Form.NFC) : s;
        }

        private static boolean isAccent(int c) {
            return (c >= 0x300 && c <= 0x36F) || (c >= 0x1AB0 && c <= 0x1AFF) || (c >= 0x1DC0 && c <= 0x1DFF)
                    || (c >= 0x20D0 && c <= 0x20FF) || (c >= 0xFE20 && c <= 0xFE2F);
        }

        /** Letters with a stroke or slash that Unicode does not decompose. */
        private static int stroke(int c) {
            switch (c) {
                case 0x111: return 'd'; // đ
                case 0x110: return 'D'; // Đ
                case 0x142: return 'l'; // ł
                case 0x141: return 'L';
                case 0xF8: return 'o'; // ø
                case 0xD8: return 'O';
                case 0x127: return 'h'; // ħ
                case 0x126: return 'H';
                case 0x167: return 't'; // ŧ
                case 0x166: return 'T';
                case 0x180: return 'b'; // ƀ
                case 0x268: return 'i'; // ɨ
                case 0x1B6: return 'z'; // ƶ
                case 0x1B5: return 'Z';
                default: return c;
            }
        }

        /** Greek and Cyrillic look-alikes of Latin letters, keeping the case of the input. */
        private static int confusable(int c) {
            int lower = Character.toLowerCase(c);
            int latin = confusableLower(lower);
            if (latin == lower) {
                return c;
            }
            return lower == c ? latin : Character.toUpperCase(latin);
        }

        private static int confusableLower(int c) {
            switch (c) {
                // Greek, by the look of the capital letter where lower and capital differ
                case 0x3B1: return 'a'; // α
                case 0x3B2: return 'b'; // β
                case 0x3B5: return 'e'; // ε
                case 0x3B6: return 'z'; // ζ
                case 0x3B7: return 'h'; // η
                case 0x3B9: return 'i'; // ι
                case 0x3BA: return 'k'; // κ
                case 0x3BC: return 'm'; // μ
                case 0x3BD: return 'n'; // ν
                case 0x3BF: return 'o'; // ο
                case 0x3C1: return 'p'; // ρ
                case 0x3C4: return 't'; // τ
                case 0x3C5: return 'y'; // υ
                case 0x3C7: return 'x'; // χ
                case 0x3F2: return 'c'; // ϲ lunate sigma
                case 0x3F3: return 'j'; // ϳ
                // Cyrillic
                case 0x430: return 'a'; // а
                case 0x432: return 'b'; // в
                case 0x435: return 'e'; // е
                case 0x43A: return 'k'; // к
                case 0x43C: return 'm'; // м
                case 0x43D: return 'h'; // н
                case 0x43E: return 'o'; // о
                case 0x440: return 'p'; // р
                case 0x441: return 'c'; // с
                case 0x442: return 't'; // т
                case 0x443: return 'y'; // у
                case 0x445: return 'x'; // х
                case 0x455: return 's'; // ѕ
                case 0x456: return 'i'; // і
                case 0x458: return 'j'; // ј
                case 0x4BB: return 'h'; // һ
                case 0x4CF: return 'l'; // ӏ
                case 0x4AF: return 'y'; // ү
                case 0x475: return 'v'; // ѵ
                case 0x501: return 'd'; // ԁ
                case 0x51B: return 'q'; // ԛ
                case 0x51D: return 'w'; // ԝ
                // Latin letters that look like basic ones
                case 0x251: return 'a'; // ɑ
                case 0x261: return 'g'; // ɡ
                case 0x269: return 'i'; // ɩ
                case 0x131: return 'i'; // ı
                default: return c;
            }
        }

        private static int leet(int c) {
            switch (c) {
                case '0': return 'o';
                case '1': return 'i';
                case '3': return 'e';
                case '4': return 'a';
                case '5': return 's';
                case '7': return 't';
                case '8': return 'b';
                case '@': return 'a';
                case '$': return 's';
                default: return c;
            }
        }

        static boolean isInvisible(int c) {
            if (Character.getType(c) == Character.FORMAT) {
                // format characters that are visible signs
                return !((c >= 0x600 && c <= 0x605) || c == 0x6DD || c == 0x70F || c == 0x890 || c == 0x891
                        || c == 0x8E2 || c == 0x110BD || c == 0x110CD);
            }
            return c == 0x34F || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)
                    || (c >= 0x180B && c <= 0x180F) || c == 0x115F || c == 0x1160 || c == 0x3164 || c == 0xFFA0
                    || c == 0x17B4 || c == 0x17B5;
        }
    }
}
