package org.smsbridge.templates.internal;

/**
 * A format bound at compile time to its argument and locale, so rendering does no lookup.
 * Implementations are immutable and thread-safe.
 */
@FunctionalInterface
public interface FieldFormat {
    /**
     * Appends {@code value} formatted to {@code out}.
     *
     * @throws IllegalArgumentException with a short reason when the value does not suit the format
     */
    void formatTo(Object value, StringBuilder out);
}
