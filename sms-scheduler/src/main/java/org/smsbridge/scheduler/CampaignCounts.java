package org.smsbridge.scheduler;

/**
 * Where a campaign's messages are ({@link Campaigns#counts}). The outbox counts come from
 * {@link Outbox#count} queries on the campaign id, so they are exact and shared by every node;
 * {@code targeted} and {@code skippedOptedOut} are never written to the outbox and are the totals
 * of this {@link Campaigns} instance's {@link Campaigns#send} calls since it was built.
 *
 * @param campaignId      the campaign
 * @param targeted        recipients on a selected list, over this instance's send calls
 * @param skippedOptedOut advertising recipients skipped as opted out, over this instance's send calls
 * @param queued          in the outbox, due (status {@code QUEUED}, or {@code SENDING} right now)
 * @param scheduled       in the outbox, waiting for a later time ({@code SCHEDULED})
 * @param held            drafts waiting for the carrier's approval
 * @param sent            in the Sent folder (any delivery status)
 * @param delivered       in the Sent folder with a {@code DELIVERED} receipt
 * @param failed          in the Failed folder, except expired ones
 * @param expired         in the Failed folder with status {@code EXPIRED} (approval never came, or the
 *                        campaign's end passed before sending)
 * @param stopped         in the Deleted folder (stopped by pause or end, or deleted by hand)
 */
public record CampaignCounts(String campaignId, long targeted, long skippedOptedOut, long queued, long scheduled,
        long held, long sent, long delivered, long failed, long expired, long stopped) {
    /** Messages added to the outbox and not yet sent or stopped: {@code queued + scheduled + held}. */
    public long pending() {
        return queued + scheduled + held;
    }
}
