package org.smsbridge;

/**
 * Why a message is sent, which carriers and regulators treat differently (for example, advertising
 * needs approval and must not be sent at night in some countries).
 */
public enum MessagePurpose {
    /** One-to-one service messages: car ready, payment received, one-time codes. The default. */
    TRANSACTIONAL,
    /** Customer care, usually on a carrier-approved template: reminders, greetings. */
    CUSTOMER_CARE,
    /** Marketing and promotions. */
    ADVERTISING
}
