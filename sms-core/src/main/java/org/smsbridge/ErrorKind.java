package org.smsbridge;

/**
 * Why a message could not be sent. Every {@link SmsException} has one; use it to decide what to do
 * (fix the input, top up, retry later) instead of parsing messages.
 */
public enum ErrorKind {
    /** The recipient number is malformed, not valid for its region, or not a mobile number. */
    INVALID_NUMBER(false),
    /** The sender ID breaks the general rules or the provider's {@code SenderRules}. */
    INVALID_SENDER(false),
    /** The message content is unusable (empty, missing template, unsupported characters). */
    INVALID_CONTENT(false),
    /** The text contains a keyword that the carrier blocks (keyword filter policy REJECT). */
    BLOCKED_KEYWORD(false),
    /** The text needs more segments than the client's {@code maxSegments}. */
    MESSAGE_TOO_LONG(false),
    /** The provider rejected the credentials. */
    AUTHENTICATION(false),
    /** The prepaid balance or trial quota is used up; retry after a top-up, not before. */
    INSUFFICIENT_BALANCE(false),
    /** Too many requests; retry after the delay the provider asked for. */
    RATE_LIMITED(true),
    /** The recipient opted out of messages from this sender. */
    OPTED_OUT(false),
    /** The provider is down or answered with a server error. */
    PROVIDER_UNAVAILABLE(true),
    /** The provider did not answer in time; the message may or may not have been sent. */
    TIMEOUT(true),
    /** The provider answered with an error that fits no other kind, or with an unreadable body. */
    PROVIDER_ERROR(false),
    /** The client or provider is set up wrongly (missing setting, unsupported operation). */
    CONFIGURATION(false);

    private final boolean retryable;

    ErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    /**
     * Whether sending the same message again later may succeed without changing anything. Kinds
     * that need a person first (a top-up, a fixed number) are not retryable.
     */
    public boolean isRetryable() {
        return retryable;
    }
}
