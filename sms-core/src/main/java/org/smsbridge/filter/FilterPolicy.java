package org.smsbridge.filter;

/** What {@link org.smsbridge.SmsClient} does when its keyword filter finds blocked words. */
public enum FilterPolicy {
    /** Refuse to send: {@code SmsException} of kind {@code BLOCKED_KEYWORD} naming the words. */
    REJECT,
    /** Send anyway; the hits appear in {@code ContentReport} and a warning is logged. */
    WARN,
    /** Send with every hit replaced by {@code *}, one per character. */
    MASK
}
