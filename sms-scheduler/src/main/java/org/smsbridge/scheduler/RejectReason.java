package org.smsbridge.scheduler;

/** Why {@link BulkImport} did not accept a row. */
public enum RejectReason {
    /** The phone number is empty, malformed, of a landline, or national without a default region. */
    BAD_NUMBER,
    /** The number (as E.164) already came in an earlier accepted row of the file. */
    DUPLICATE_NUMBER,
    /** The tag cell is empty. */
    MISSING_TAG,
    /** A variable the template needs is empty and has no fallback. */
    MISSING_VARIABLE,
    /** A value does not suit its template format (text where {@code {x:money}} wants a number). */
    BAD_VALUE,
    /** The row has more or fewer columns than the header (or the first row). */
    WRONG_COLUMN_COUNT,
    /** The CSV is malformed here: an unclosed quote, text after a closing quote. */
    MALFORMED_CSV,
    /** The row's tag would be one more than {@link BulkImport#MAX_TAGS} distinct tags. */
    TOO_MANY_TAGS
}
