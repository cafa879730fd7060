package org.smsbridge.filter;

import java.util.Objects;

/**
 * One blocked word found in a text.
 *
 * @param keyword the keyword as listed in the filter
 * @param start   index of the first matched char in the ORIGINAL text
 * @param end     index after the last matched char in the ORIGINAL text (exclusive)
 */
public record KeywordHit(String keyword, int start, int end) {
    /** @throws IllegalArgumentException if the span is empty or negative */
    public KeywordHit {
        Objects.requireNonNull(keyword, "keyword");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("hit span must be 0 <= start < end, was " + start + ".." + end);
        }
    }

    /** The matched part of {@code text}, the text the hit was found in. */
    public String matchedIn(CharSequence text) {
        return text.subSequence(start, end).toString();
    }
}
