package org.smsbridge.scheduler;

import org.smsbridge.MessagePurpose;

/**
 * Why a {@link Campaign} sends, which carriers treat differently (seed 003, a Vietnamese CRM).
 *
 * <ul>
 *   <li>{@link #CUSTOMER_CARE}: content the carrier approved beforehand (the campaign names the
 *       carrier's template id); queued and sent at the configured time; not blocked by the
 *       opt-out list.</li>
 *   <li>{@link #ADVERTISING}: never sent at night (quiet hours in the recipient's time zone), never
 *       to an opted-out number, and, where the provider needs carrier approval, held until the
 *       approval is recorded.</li>
 * </ul>
 */
public enum CampaignPurpose {
    /** Customer care on a carrier-approved template; messages are {@link MessagePurpose#CUSTOMER_CARE}. */
    CUSTOMER_CARE(MessagePurpose.CUSTOMER_CARE),
    /** Marketing and promotions; messages are {@link MessagePurpose#ADVERTISING}. */
    ADVERTISING(MessagePurpose.ADVERTISING);

    private final MessagePurpose messagePurpose;

    CampaignPurpose(MessagePurpose messagePurpose) {
        this.messagePurpose = messagePurpose;
    }

    /** The purpose the campaign's messages carry ({@link org.smsbridge.SmsMessage#purpose()}). */
    public MessagePurpose messagePurpose() {
        return messagePurpose;
    }
}
