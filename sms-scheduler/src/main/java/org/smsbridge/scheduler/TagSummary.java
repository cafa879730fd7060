package org.smsbridge.scheduler;

/**
 * The rows of one tag in an import, shown as "{@code tag (withNumber/total)}" on the preview screen.
 *
 * @param tag        the tag
 * @param total      rows with this tag
 * @param withNumber rows with this tag and a valid phone number (duplicates included)
 * @param accepted   rows that will be sent (valid, not duplicate, all variables present)
 * @param segments   SMS segments the accepted rows' texts take together
 */
public record TagSummary(String tag, long total, long withNumber, long accepted, long segments) {
    /** "vip (980/1000)". */
    @Override
    public String toString() {
        return tag + " (" + withNumber + "/" + total + ")";
    }
}
