package org.smsbridge.scheduler;

import java.util.Map;

/**
 * What one {@link Campaigns#send} call did with its recipients. Every recipient given is counted
 * in exactly one of: {@code notSelected}, {@code skippedOptedOut}, {@code rejected},
 * {@code alreadyInOutbox}, {@code queued}, {@code scheduled}, {@code held}.
 *
 * @param campaignId       the campaign
 * @param targeted         recipients on a selected list (or all, for a campaign without lists)
 * @param notSelected      recipients only on lists the campaign deselected
 * @param queued           new outbox entries due now
 * @param scheduled        new outbox entries scheduled later (send time, start time, or the end of quiet hours)
 * @param held             new drafts waiting for the carrier's approval
 * @param skippedOptedOut  advertising recipients on the opt-out list (nothing was added for them)
 * @param alreadyInOutbox  recipients whose message (same reference) an earlier call already added
 * @param rejected         recipient id → why nothing was added (no or bad number, missing template
 *                         values, no allowed hour in all of the number's time zones)
 */
public record CampaignSendReport(String campaignId, int targeted, int notSelected, int queued, int scheduled,
        int held, int skippedOptedOut, int alreadyInOutbox, Map<String, String> rejected) {
    /** Copies the rejections. */
    public CampaignSendReport {
        rejected = Map.copyOf(rejected);
    }

    /** New entries added by this call: {@code queued + scheduled + held}. */
    public int added() {
        return queued + scheduled + held;
    }
}
