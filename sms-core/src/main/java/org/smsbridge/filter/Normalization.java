package org.smsbridge.filter;

import java.util.Objects;

/**
 * Which differences between a keyword and a text {@link KeywordFilter} ignores. Each part is a
 * switch; the filter applies the same normalization to keywords and texts, character by
 * character, and reports hits in the original text. Immutable and thread-safe.
 *
 * <ul>
 *   <li>{@link #compatibilityForms()}: Unicode NFKC per character, so full-width {@code ＦＲＥＥ},
 *       styled math letters {@code 𝐟𝐫𝐞𝐞}, ligatures {@code ﬁ} and circled or superscript forms
 *       match their plain letters;</li>
 *   <li>{@link #caseFolding()}: case-insensitive in every script; Greek final sigma {@code ς}
 *       equals {@code σ}; Turkish dotted {@code İ} and dotless {@code ı} both equal {@code i};
 *       {@code ß} equals {@code ss};</li>
 *   <li>{@link #accentRemoval()}: accents and tones removed (Greek tonos and dialytika,
 *       Vietnamese tones and vowel marks, Latin diacritics), {@code đ} equals {@code d},
 *       {@code ł}, {@code ø} their base letters; marks of other scripts (Devanagari, Thai, kana)
 *       are kept;</li>
 *   <li>{@link #invisibleRemoval()}: zero-width space/joiner/non-joiner, word joiner, soft
 *       hyphen, byte-order mark, bidi controls, variation selectors and Hangul fillers are skipped,
 *       every kind of white space counts as one space and runs of white space as one;</li>
 *   <li>{@link #confusableFolding()}: Greek and Cyrillic letters that look like Latin letters
 *       equal them (Cyrillic {@code а} = Latin {@code a}, Greek {@code ο} = {@code o}). Greek
 *       letters fold after case folding, by their capital's look ({@code Η}/{@code η} = {@code h},
 *       {@code Ν}/{@code ν} = {@code n}, {@code Υ}/{@code υ} = {@code y});</li>
 *   <li>{@link #leetDigits()}: digits and signs used as letters ({@code 0→o 1→i 3→e 4→a 5→s 7→t
 *       8→b @→a $→s}), so {@code fr33} equals {@code free};</li>
 *   <li>{@link #chineseVariants()}: traditional Chinese characters fold to simplified ones by
 *       {@link #chineseVariantTable()} (default {@link ChineseVariants#builtIn()}).</li>
 * </ul>
 *
 * <p>{@link #STANDARD} turns on everything except {@link #leetDigits()} (which can make numbers
 * look like words); {@link #NONE} turns everything off (exact, case-sensitive matching).
 * Normalization works code point by code point, so that every normalized char maps back to one
 * original character: with {@link #accentRemoval()} off, a precomposed {@code é} and {@code e}
 * followed by a combining accent stay different.
 *
 * <pre>{@code
 * Normalization n = Normalization.STANDARD.toBuilder().leetDigits(true).build();
 * n.apply("ＦＲ33 Miễn phí");   // "free mien phi"
 * }</pre>
 */
public final class Normalization {
    /** Nothing normalized: exact, case-sensitive matching. */
    public static final Normalization NONE = new Builder().build();

    /**
     * Compatibility forms, case folding, accent removal, invisible removal, confusable folding and
     * Chinese variants (built-in table) on; leet digits off. The default of {@link KeywordFilter}.
     */
    public static final Normalization STANDARD = new Builder().compatibilityForms(true).caseFolding(true)
            .accentRemoval(true).invisibleRemoval(true).confusableFolding(true).chineseVariants(true).build();

    private final boolean compatibilityForms;
    private final boolean caseFolding;
    private final boolean accentRemoval;
    private final boolean invisibleRemoval;
    private final boolean confusableFolding;
    private final boolean leetDigits;
    private final boolean chineseVariants;
    private final ChineseVariants chineseVariantTable;

    private Normalization(Builder b) {
        this.compatibilityForms = b.compatibilityForms;
        this.caseFolding = b.caseFolding;
        this.accentRemoval = b.accentRemoval;
        this.invisibleRemoval = b.invisibleRemoval;
        this.confusableFolding = b.confusableFolding;
        this.leetDigits = b.leetDigits;
        this.chineseVariants = b.chineseVariants;
        this.chineseVariantTable = b.chineseVariantTable;
    }

    /** A builder with every part off (like {@link #NONE}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this normalization's settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Whether NFKC compatibility forms (full-width, math letters, ligatures) fold to plain ones. */
    public boolean compatibilityForms() {
        return compatibilityForms;
    }

    /** Whether case is ignored (every script, final sigma, Turkish i, {@code ß}). */
    public boolean caseFolding() {
        return caseFolding;
    }

    /** Whether accents and tones are removed (Latin, Greek, Vietnamese, Cyrillic). */
    public boolean accentRemoval() {
        return accentRemoval;
    }

    /** Whether invisible characters are skipped and white space runs count as one space. */
    public boolean invisibleRemoval() {
        return invisibleRemoval;
    }

    /** Whether Greek and Cyrillic look-alikes of Latin letters fold to them. */
    public boolean confusableFolding() {
        return confusableFolding;
    }

    /** Whether digits and signs used as letters ({@code fr33}) fold to letters. */
    public boolean leetDigits() {
        return leetDigits;
    }

    /** Whether traditional Chinese characters fold to simplified ones. */
    public boolean chineseVariants() {
        return chineseVariants;
    }

    /** The table used when {@link #chineseVariants()} is on; default {@link ChineseVariants#builtIn()}. */
    public ChineseVariants chineseVariantTable() {
        return chineseVariantTable;
    }

    /**
     * The normalized view of {@code text} as the filter sees it; useful to understand why a text
     * matches or not. {@code Normalization.STANDARD.apply("ＦＲＥＥ Miễn phí")} is
     * {@code "free mien phi"}.
     *
     * @param text any text
     * @return the normalized text, possibly shorter or longer than {@code text}
     */
    public String apply(CharSequence text) {
        Objects.requireNonNull(text, "text");
        return NormalizationTable.of(this).normalize(text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Normalization n && compatibilityForms == n.compatibilityForms
                && caseFolding == n.caseFolding && accentRemoval == n.accentRemoval
                && invisibleRemoval == n.invisibleRemoval && confusableFolding == n.confusableFolding
                && leetDigits == n.leetDigits && chineseVariants == n.chineseVariants
                && (!chineseVariants || chineseVariantTable.equals(n.chineseVariantTable));
    }

    @Override
    public int hashCode() {
        return Objects.hash(compatibilityForms, caseFolding, accentRemoval, invisibleRemoval, confusableFolding,
                leetDigits, chineseVariants, chineseVariants ? chineseVariantTable : null);
    }

    @Override
    public String toString() {
        return "Normalization[compatibilityForms=" + compatibilityForms + ", caseFolding=" + caseFolding
                + ", accentRemoval=" + accentRemoval + ", invisibleRemoval=" + invisibleRemoval
                + ", confusableFolding=" + confusableFolding + ", leetDigits=" + leetDigits
                + ", chineseVariants=" + chineseVariants
                + (chineseVariants ? " (" + chineseVariantTable + ")" : "") + "]";
    }

    /** Builds a {@link Normalization}; every switch defaults to off. */
    public static final class Builder {
        private boolean compatibilityForms;
        private boolean caseFolding;
        private boolean accentRemoval;
        private boolean invisibleRemoval;
        private boolean confusableFolding;
        private boolean leetDigits;
        private boolean chineseVariants;
        private ChineseVariants chineseVariantTable = ChineseVariants.builtIn();

        private Builder() {
        }

        private Builder(Normalization n) {
            this.compatibilityForms = n.compatibilityForms;
            this.caseFolding = n.caseFolding;
            this.accentRemoval = n.accentRemoval;
            this.invisibleRemoval = n.invisibleRemoval;
            this.confusableFolding = n.confusableFolding;
            this.leetDigits = n.leetDigits;
            this.chineseVariants = n.chineseVariants;
            this.chineseVariantTable = n.chineseVariantTable;
        }

        /** NFKC compatibility forms (full-width, math letters, ligatures). Default off. */
        public Builder compatibilityForms(boolean on) {
            this.compatibilityForms = on;
            return this;
        }

        /** Case-insensitive matching in every script. Default off. */
        public Builder caseFolding(boolean on) {
            this.caseFolding = on;
            return this;
        }

        /** Accents and tones removed. Default off. */
        public Builder accentRemoval(boolean on) {
            this.accentRemoval = on;
            return this;
        }

        /** Invisible characters skipped, white space runs as one space. Default off. */
        public Builder invisibleRemoval(boolean on) {
            this.invisibleRemoval = on;
            return this;
        }

        /** Greek and Cyrillic look-alikes folded to Latin letters. Default off. */
        public Builder confusableFolding(boolean on) {
            this.confusableFolding = on;
            return this;
        }

        /** Digits and signs used as letters folded to letters. Default off. */
        public Builder leetDigits(boolean on) {
            this.leetDigits = on;
            return this;
        }

        /** Traditional Chinese folded to simplified. Default off. */
        public Builder chineseVariants(boolean on) {
            this.chineseVariants = on;
            return this;
        }

        /**
         * The traditional-to-simplified table, used when {@link #chineseVariants(boolean)} is on.
         * Default {@link ChineseVariants#builtIn()}.
         */
        public Builder chineseVariantTable(ChineseVariants table) {
            this.chineseVariantTable = Objects.requireNonNull(table, "table");
            return this;
        }

        /** Creates the normalization. */
        public Normalization build() {
            return new Normalization(this);
        }
    }
}
