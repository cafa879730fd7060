package org.smsbridge;

/** Where a message is in its life, unified across providers. */
public enum MessageStatus {
    /** Saved for later editing; not to be sent. */
    DRAFT,
    /** Waiting for its scheduled time. */
    SCHEDULED,
    /** Accepted and waiting to be sent (in an outbox, or queued at the provider). */
    QUEUED,
    /** Being handed to the provider. */
    SENDING,
    /** Accepted by the provider or carrier; no delivery receipt yet. */
    SENT,
    /** The handset received it (delivery receipt). */
    DELIVERED,
    /** The carrier could not deliver it (delivery receipt). */
    UNDELIVERED,
    /** Sending failed. */
    FAILED,
    /** Its validity period ran out before delivery. */
    EXPIRED,
    /** The provider or carrier refused it (content, sender, number or account rules). */
    REJECTED,
    /** The provider reported a status SMS Bridge does not know. */
    UNKNOWN;

    /** Whether no further status change is expected. */
    public boolean isFinal() {
        return this == DELIVERED || this == UNDELIVERED || this == FAILED || this == EXPIRED || this == REJECTED;
    }
}
