package org.smsbridge.scheduler;

import java.time.Instant;
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
    /** @throws NullPointerException if an argument is null */
    public ImportConfirmation {
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(source, "source");
        tags = List.copyOf(tags);
        Objects.requireNonNull(sendAt, "sendAt");
        Objects.requireNonNull(template, "template");
    }

    /** The confirmation as lines of text for a console or a dialog. */
    public String summary() {
        return "Channel:   " + channel + "\n"
                + "File:      " + source + "\n"
                + "Groups:    " + String.join(", ", tags) + "\n"
                + "Messages:  " + messages + (rejected > 0 ? " (rejected rows: " + rejected + ")" : "") + "\n"
                + "Send at:   " + (scheduled ? sendAt.toString() : "now") + "\n"
                + "Template:  " + template + "\n"
                + "Segments:  " + estimatedSegments + " (estimated)";
    }
}
