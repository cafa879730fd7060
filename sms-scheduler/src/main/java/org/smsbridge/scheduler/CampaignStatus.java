package org.smsbridge.scheduler;

/**
 * The life of a {@link Campaign}. Only an {@link #ACTIVE} campaign whose end time is in the future
 * sends ({@link Campaigns#send}).
 *
 * <p>Transitions ({@link Campaigns}): {@code DRAFT → ACTIVE} ({@code activate}),
 * {@code ACTIVE → PAUSED} ({@code pause}), {@code PAUSED → ACTIVE} ({@code resume}), and any status
 * {@code → ENDED} ({@code end}), which is final.
 */
public enum CampaignStatus {
    /** Being prepared; sends nothing. */
    DRAFT,
    /** Running: {@link Campaigns#send} accepts recipients until the campaign's end time. */
    ACTIVE,
    /** Stopped for now: its unsent messages are in the Deleted folder until {@code resume}. */
    PAUSED,
    /** Over for good: its unsent messages are in the Deleted folder. */
    ENDED
}
