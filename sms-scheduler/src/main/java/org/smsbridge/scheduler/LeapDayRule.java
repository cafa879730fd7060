package org.smsbridge.scheduler;

/**
 * On which day an {@link EventType.Kind#ANNUAL} event whose date is 29 February (a leap-day
 * birthday) is sent in years without that day. In leap years it is sent on 29 February.
 */
public enum LeapDayRule {
    /** On 28 February, the last day of the month (the default, as most people born on 29 February celebrate). */
    FEB_28,
    /** On 1 March, the day after 28 February. */
    MARCH_1
}
