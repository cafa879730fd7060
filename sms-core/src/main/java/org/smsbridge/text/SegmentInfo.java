package org.smsbridge.text;

import java.util.List;
import java.util.Objects;

/**
 * What a text costs as SMS: its encoding, how many segments (billed messages) it takes, and how
 * much room is left. Produced by {@link SmsText#analyze(String)}; immutable and thread-safe.
 *
 * <p>Lengths are in the encoding's units: septets for GSM-7 (an extension character such as
 * {@code €} or {@code [} counts 2), UTF-16 units for UCS-2 (an emoji counts 2).
 */
public final class SegmentInfo {
    private final String text;
    private final Encoding encoding;
    private final int segments;
    private final int charactersUsed;
    private final int charactersLeftInSegment;
    /** Index of the first non-GSM character, or -1; the list below is built from it on first use. */
    private final int firstNonGsm;
    /** Built lazily: most callers never ask, and it costs a string per distinct character. */
    private volatile List<String> nonGsmCharacters;
    private final int smartReplacements;

    SegmentInfo(String text, Encoding encoding, int segments, int charactersUsed, int charactersLeftInSegment,
                int firstNonGsm, int smartReplacements) {
        this.text = text;
        this.encoding = encoding;
        this.segments = segments;
        this.charactersUsed = charactersUsed;
        this.charactersLeftInSegment = charactersLeftInSegment;
        this.firstNonGsm = firstNonGsm;
        this.smartReplacements = smartReplacements;
    }

    /**
     * The text as it will be sent: the analysed text, or with smart encoding the text after
     * look-alike characters were replaced.
     */
    public String text() {
        return text;
    }

    /** {@link Encoding#GSM_7} when every character is in the GSM alphabet, else {@link Encoding#UCS_2}. */
    public Encoding encoding() {
        return encoding;
    }

    /** Number of SMS the text is sent as (each one billed); 0 for an empty text. */
    public int segments() {
        return segments;
    }

    /** Units used by the whole text (septets for GSM-7, UTF-16 units for UCS-2). */
    public int charactersUsed() {
        return charactersUsed;
    }

    /** Units still free in the last segment before another segment is needed. */
    public int charactersLeftInSegment() {
        return charactersLeftInSegment;
    }

    /**
     * The distinct characters (as strings, so an emoji stays whole) that forced UCS-2, in order of
     * first appearance; empty for a GSM-7 text.
     */
    public List<String> nonGsmCharacters() {
        // Two threads may both build the list; both results are equal and immutable.
        List<String> list = nonGsmCharacters;
        if (list == null) {
            list = firstNonGsm < 0 ? List.of() : SmsText.distinctNonGsm(text, firstNonGsm);
            nonGsmCharacters = list;
        }
        return list;
    }

    /** How many characters smart encoding replaced by a GSM look-alike (0 when it was off). */
    public int smartReplacements() {
        return smartReplacements;
    }

    /** A one-line summary for a user interface, such as {@code "2 SMS · GSM-7 · 23 left"}. */
    public String summary() {
        return segments + " SMS · " + encoding.displayName() + " · " + charactersLeftInSegment + " left";
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof SegmentInfo)) {
            return false;
        }
        SegmentInfo that = (SegmentInfo) o;
        return segments == that.segments && charactersUsed == that.charactersUsed
                && charactersLeftInSegment == that.charactersLeftInSegment
                && smartReplacements == that.smartReplacements && text.equals(that.text)
                && encoding == that.encoding;
    }

    @Override
    public int hashCode() {
        return Objects.hash(text, encoding, segments, charactersUsed, charactersLeftInSegment, smartReplacements);
    }

    @Override
    public String toString() {
        return "SegmentInfo{" + summary() + ", used=" + charactersUsed
                + (firstNonGsm < 0 ? "" : ", nonGsm=" + nonGsmCharacters())
                + (smartReplacements == 0 ? "" : ", smartReplacements=" + smartReplacements) + '}';
    }
}
