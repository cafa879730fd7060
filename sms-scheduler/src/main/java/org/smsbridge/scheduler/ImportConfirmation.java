package org.smsbridge.scheduler;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;

/**
 * What the host shows before it calls {@link BulkImport#start}: the seed's last step ("confirm the
 * sending channel, the customer group, the number of messages, the time and the template").
 *
 * @param planId            the plan
 * @param channel           the sending channel (provider) name, from {@link BulkImport.Builder#channel}
 * @param source            the file's name
 * @param tags              the selected tags (groups)
 * @param messages          messages that will be enqueued
 * @param rejected          rows that will not be sent (in all tags)
 * @param sendAt            when sending begins (now if the execution time has passed)
 * @param scheduled         whether {@code sendAt} is in the future
 * @param template          the template's name (or body)
 * @param estimatedSegments SMS segments of all the messages together
 */
public record ImportConfirmation(String planId, String channel, String source, List<String> tags, long messages,
        long rejected, Instant sendAt, boolean scheduled, String template, long estimatedSegments) {
    private static final DateTimeFormatter SEND_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** @throws NullPointerException if an argument is null */
    public ImportConfirmation {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
        tags = List.copyOf(tags);
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(template, "template");
    }

    /** The confirmation as lines of text for a console or a dialog, times in UTC. */
    public String summary() {
        return summary(ZoneOffset.UTC);
    }

    /**
     * The confirmation as lines of text for a console or a dialog, with the send time in
     * {@code zone} (the user's), to the second: {@code 2026-11-27 06:07:06 (Europe/Athens)}.
     */
    public String summary(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        String zoneName = zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId();
        String at = scheduled ? SEND_AT.withZone(zone).format(sendAt) + " (" + zoneName + ")" : "now";
        return "Channel:   " + channel + "\n"
                + "File:      " + source + "\n"
                + "Groups:    " + String.join(", ", tags) + "\n"
                + "Messages:  " + messages + (rejected > 0 ? " (rejected rows: " + rejected + ")" : "") + "\n"
                + "Send at:   " + at + "\n"
                + "Template:  " + template + "\n"
                + "Segments:  " + estimatedSegments + " (estimated)";
    }
}
