package org.smsbridge.templates;

/**
 * What rendering does with a placeholder that has no value and no fallback.
 * The default is {@link #FAIL} ({@link TemplateEngine#DEFAULT_MISSING_VALUES}).
 */
public enum MissingValues {
    /** Strict: throw one {@link MissingValuesException} listing every missing name. The default. */
    FAIL,
    /** Lenient: leave the placeholder as written, e.g. {@code {name}}, so the gap is visible. */
    KEEP_PLACEHOLDER,
    /** Lenient: render nothing in its place. */
    EMPTY
}
