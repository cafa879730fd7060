package org.smsbridge.spi;

/** What a provider can do beyond sending a text. */
public enum Capability {
    /** Reports delivery (webhook receipts through {@link SmsProvider#receipts()}). */
    DELIVERY_RECEIPTS,
    /** Reports the prepaid balance through {@link SmsProvider#balance()}. */
    BALANCE,
    /** Sends many messages in one request. */
    BATCH,
    /** Sends UCS-2 text (Chinese, Greek lower case, Vietnamese, emoji). */
    UNICODE,
    /** Accepts alphanumeric sender IDs. */
    ALPHANUMERIC_SENDER,
    /** Sends carrier-approved templates ({@code templateId} + parameters) as well as free text. */
    TEMPLATES,
    /** Sends only carrier-approved templates ({@code templateId} + parameters), never free text. */
    TEMPLATES_ONLY,
    /** Splits and reassembles texts longer than one segment. */
    CONCATENATION,
    /** Accepts a validity period. */
    VALIDITY_PERIOD
}
