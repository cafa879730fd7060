package org.smsbridge.templates;

import java.util.List;
import java.util.Objects;
import org.smsbridge.text.SegmentInfo;

/**
 * A rendered template with what it costs as SMS, for a user interface that shows
 * "2 SMS, 23 characters left" while the user types. Made by {@link Template#preview(Object)}.
 *
 * @param text        the rendered text; a missing value is shown as its placeholder (or per the
 *                    engine's lenient {@link MissingValues} setting), never an exception
 * @param segmentInfo encoding, segments and characters left, from {@code SmsText.analyze}
 * @param missing     the names without a value, in template order; empty when all were given
 */
public record TemplatePreview(String text, SegmentInfo segmentInfo, List<String> missing) {
    /** @throws NullPointerException if an argument is null */
    public TemplatePreview {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(segmentInfo, "segmentInfo");
        missing = List.copyOf(missing);
    }

    /** Whether every placeholder had a value or a fallback (so {@link Template#render} would succeed). */
    public boolean complete() {
        return missing.isEmpty();
    }
}
