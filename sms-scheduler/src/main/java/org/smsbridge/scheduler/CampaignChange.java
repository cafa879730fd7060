package org.smsbridge.scheduler;

import java.util.Map;

/**
 * The outcome of a {@link Campaigns} operation that changes a campaign and its messages
 * (pause, resume, end, approval): the campaign after the change, how many outbox entries were
 * moved, and the entries that could not be (for example one a node was sending at that moment).
 *
 * @param campaign the campaign after the change
 * @param messages outbox entries moved (stopped, restored, released or expired)
 * @param skipped  entry id → why it was not moved
 */
public record CampaignChange(Campaign campaign, int messages, Map<Long, String> skipped) {
    /** Copies the skipped entries. */
    public CampaignChange {
        skipped = Map.copyOf(skipped);
    }
}
