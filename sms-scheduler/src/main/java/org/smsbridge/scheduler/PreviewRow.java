package org.smsbridge.scheduler;

import java.util.Map;
import java.util.Objects;

/**
 * An accepted row as {@link BulkImport} will send it, for the preview screen that shows the first
 * rows of a tag with their variable mapping.
 *
 * @param line      the line it starts on, from 1
 * @param phone     the number in E.164
 * @param tag       its tag
 * @param variables template variable to the cell value, in mapping order (empty cells left out)
 */
public record PreviewRow(long line, String phone, String tag, Map<String, String> variables) {
    /** @throws NullPointerException if an argument is null */
    public PreviewRow {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(tag, "tag");
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }
}
