package org.smsbridge.text;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Encoding, segment counting and splitting of SMS text after GSM 03.38 / 3GPP TS 23.038.
 *
 * <p>A text whose characters are all in the GSM 7-bit alphabet is sent as GSM-7: 160 septets in
 * one SMS, 153 per part when concatenated; characters of the extension table ({@code € [ ] { } \ ~ ^ |}
 * and form feed) cost two septets. Any other character makes the whole text UCS-2: 70 UTF-16 units
 * in one SMS, 67 per part; characters outside the Basic Multilingual Plane (emoji) cost two units.
 * Splitting never separates an escape sequence from its character nor the two halves of a surrogate
 * pair.
 *
 * <p><b>Smart encoding</b> ({@link #analyze(String, boolean)}) first replaces typographic
 * look-alikes that often slip into text pasted from word processors (curly quotes, dashes, ellipsis,
 * non-breaking and other spaces, zero-width characters) by GSM characters, so that one stray
 * {@code ’} does not halve the room in a message. Replacements are made only when they make the
 * whole text GSM-7 without needing more parts than the text as written; letters are never changed, so Greek, Chinese and Vietnamese text stays exactly
 * as written.
 *
 * <pre>{@code
 * SegmentInfo info = SmsText.analyze("Το αυτοκίνητό σας είναι έτοιμο");
 * info.encoding();   // UCS_2
 * info.segments();   // 1
 * }</pre>
 *
 * <p>All methods are static, allocation-light and thread-safe.
 */
public final class SmsText {
    private SmsText() {
    }

    /**
     * Analyses {@code text} as it is, without smart encoding.
     *
     * @param text the message text, possibly empty
     * @return encoding, segments and room left
     * @throws NullPointerException if {@code text} is null
     */
    public static SegmentInfo analyze(String text) {
        return analyze(text, false);
    }

    /**
     * Analyses {@code text}, optionally after replacing typographic look-alikes by GSM characters.
     *
     * @param text          the message text, possibly empty
     * @param smartEncoding whether to replace look-alikes first (see the class description); the
     *                      text to send is then {@link SegmentInfo#text()}
     * @return encoding, segments and room left
     * @throws NullPointerException if {@code text} is null
     */
    public static SegmentInfo analyze(String text, boolean smartEncoding) {
        Objects.requireNonNull(text, "text");
        if (smartEncoding) {
            int replaced = 0;
            StringBuilder out = null;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                String r = Gsm7.isGsm(c) ? null : SmartEncoding.replacement(c);
                if (r != null) {
                    if (out == null) {
                        out = new StringBuilder(text.length()).append(text, 0, i);
                    }
                    out.append(r);
                    replaced++;
                } else if (out != null) {
                    out.append(c);
                }
            }
            if (out != null && isGsm7(out)) {
                SegmentInfo smart = measure(out.toString(), replaced);
                SegmentInfo asWritten = measure(text, 0);
                // an ellipsis becomes three dots: rarely, GSM-7 then needs more parts than UCS-2 did
                return smart.segments() <= asWritten.segments() ? smart : asWritten;
            }
            // Replacing look-alikes only pays when it makes the whole text GSM-7; otherwise the
            // text stays exactly as written (and an emoji's zero-width joiner stays intact).
        }
        return measure(text, 0);
    }

    /**
     * Whether every character of {@code text} is in the GSM 7-bit alphabet (basic or extension table).
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static boolean isGsm7(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            if (!Gsm7.isGsm(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Splits {@code text} into the parts it is sent as, in order. A text that fits one SMS is one
     * part; an empty text has no parts. Parts never end inside an escape sequence or a surrogate
     * pair.
     *
     * @throws NullPointerException if {@code text} is null
     */
    public static List<String> split(String text) {
        Objects.requireNonNull(text, "text");
        List<String> parts = new ArrayList<>();
        if (text.isEmpty()) {
            return parts;
        }
        boolean gsm = isGsm7(text);
        Encoding encoding = gsm ? Encoding.GSM_7 : Encoding.UCS_2;
        if (units(text, gsm) <= encoding.singleSegmentCapacity()) {
            parts.add(text);
            return parts;
        }
        int capacity = encoding.multiSegmentCapacity();
        int start = 0;
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int width;
            int chars;
            if (gsm) {
                width = Gsm7.septets(c);
                chars = 1;
            } else {
                chars = Character.isHighSurrogate(c) && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
                width = chars;
            }
            if (used + width > capacity) {
                parts.add(text.substring(start, i));
                start = i;
                used = 0;
            }
            used += width;
            i += chars;
        }
        parts.add(text.substring(start));
        return parts;
    }

    private static SegmentInfo measure(String text, int replaced) {
        int firstNonGsm = -1;
        for (int i = 0, n = text.length(); i < n; i++) {
            if (!Gsm7.isGsm(text.charAt(i))) {
                firstNonGsm = i;
                break;
            }
        }
        boolean gsm = firstNonGsm < 0;
        Encoding encoding = gsm ? Encoding.GSM_7 : Encoding.UCS_2;
        int used = units(text, gsm);
        int segments;
        int left;
        if (used == 0) {
            segments = 0;
            left = encoding.singleSegmentCapacity();
        } else if (used <= encoding.singleSegmentCapacity()) {
            segments = 1;
            left = encoding.singleSegmentCapacity() - used;
        } else {
            long layout = multipartLayout(text, gsm, encoding.multiSegmentCapacity());
            segments = (int) (layout >>> 32);
            left = encoding.multiSegmentCapacity() - (int) layout;
        }
        return new SegmentInfo(text, encoding, segments, used, left, firstNonGsm, replaced);
    }

    /**
     * The parts {@link #split} would make, counted without building them: the number of parts in
     * the high 32 bits, the units used by the last part in the low 32 bits.
     */
    private static long multipartLayout(String text, boolean gsm, int capacity) {
        int parts = 1;
        int used = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            int width;
            int chars;
            if (gsm) {
                width = Gsm7.septets(c);
                chars = 1;
            } else {
                chars = Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 1;
                width = chars;
            }
            if (used + width > capacity) {
                parts++;
                used = 0;
            }
            used += width;
            i += chars;
        }
        return ((long) parts << 32) | used;
    }

    /**
     * The distinct characters outside GSM-7 from index {@code from} on, in order of first
     * appearance, each as a string (a surrogate pair is one character). One string per distinct
     * character, not per occurrence: a Chinese text repeats many. Immutable.
     */
    static List<String> distinctNonGsm(String text, int from) {
        int n = text.length();
        int capacity = Integer.highestOneBit(Math.max(8, 2 * (n - from)) - 1) << 1;
        int mask = capacity - 1;
        int[] seen = new int[capacity]; // code point + 1; 0 is empty
        List<String> out = new ArrayList<>();
        int i = from;
        while (i < n) {
            int cp = text.codePointAt(i);
            int chars = Character.charCount(cp);
            if (chars == 2 || !Gsm7.isGsm((char) cp)) {
                int h = (cp * 0x9E3779B9) >>> 7 & mask;
                while (seen[h] != 0 && seen[h] != cp + 1) {
                    h = (h + 1) & mask;
                }
                if (seen[h] == 0) {
                    seen[h] = cp + 1;
                    out.add(Character.toString(cp));
                }
            }
            i += chars;
        }
        return Collections.unmodifiableList(out);
    }

    private static int units(String text, boolean gsm) {
        if (!gsm) {
            return text.length();
        }
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            n += Gsm7.septets(text.charAt(i));
        }
        return n;
    }
}
