package org.smsbridge.examples.sbutton;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.scheduler.Folder;
import org.smsbridge.scheduler.OutboxQuery;

/**
 * The comprehensive query form of the Outbox window (seed 000: operator, contact, mobile number,
 * text, created / sent / scheduled time, status), as plain text fields the way a user fills them
 * in, turned into an {@link OutboxQuery}. Empty fields match everything. Dates are
 * {@code yyyy-MM-dd} and both ends are included; one end alone is an open range.
 *
 * <p>A mutable form bean; not thread-safe (use it on the event thread).
 */
public final class QueryForm {
    /** Start of an open-ended range ({@link OutboxQuery} ranges need both ends). */
    static final Instant FAR_PAST = Instant.EPOCH;
    /** End of an open-ended range. */
    static final Instant FAR_FUTURE = Instant.parse("3000-01-01T00:00:00Z");

    /**
     * The query, or what is wrong with the form.
     *
     * @param query  the query, when the form is valid
     * @param errors one line per bad field, naming it
     */
    public record Result(Optional<OutboxQuery> query, List<String> errors) {
        /** Copies the errors. */
        public Result {
            errors = List.copyOf(errors);
        }
    }

    /** Operator (exact). */
    public String operator = "";
    /** Contact (exact), e.g. {@code customer-3}. */
    public String contact = "";
    /** Part of the mobile number. */
    public String phone = "";
    /** Part of the text (case-sensitive). */
    public String content = "";
    /** Tag (exact). */
    public String tag = "";
    /** Campaign (exact). */
    public String campaign = "";
    /** Status; null for any. */
    public MessageStatus status;
    /** Kind of the last error; null for any. */
    public ErrorKind errorKind;
    /** Created from / to, {@code yyyy-MM-dd}. */
    public String createdFrom = "";
    /** Created to (included). */
    public String createdTo = "";
    /** Sent from. */
    public String sentFrom = "";
    /** Sent to (included). */
    public String sentTo = "";
    /** Scheduled from. */
    public String scheduledFrom = "";
    /** Scheduled to (included). */
    public String scheduledTo = "";
    /** Sort key. */
    public OutboxQuery.Sort sort = OutboxQuery.Sort.CREATED_AT;
    /** Newest first. */
    public boolean descending = true;
    /** Page size. */
    public int limit = 200;

    /** Empties every field. */
    public void clear() {
        QueryForm blank = new QueryForm();
        operator = blank.operator;
        contact = blank.contact;
        phone = blank.phone;
        content = blank.content;
        tag = blank.tag;
        campaign = blank.campaign;
        status = null;
        errorKind = null;
        createdFrom = createdTo = sentFrom = sentTo = scheduledFrom = scheduledTo = "";
        sort = blank.sort;
        descending = blank.descending;
        limit = blank.limit;
    }

    /**
     * Builds the query for {@code folders} (all folders when empty) with the form's filters; dates
     * are days in {@code zone}.
     */
    public Result build(Set<Folder> folders, ZoneId zone) {
        Objects.requireNonNull(folders, "folders");
        Objects.requireNonNull(zone, "zone");
        List<String> errors = new ArrayList<>();
        OutboxQuery.Builder b = OutboxQuery.builder().folders(folders.isEmpty() ? EnumSet.allOf(Folder.class) : folders);
        text("operator", operator, b::operator, errors);
        text("contact", contact, b::contact, errors);
        text("phone", phone, b::phone, errors);
        if (!content.isEmpty()) {
            text("text", content, b::content, errors);
        }
        text("tag", tag, b::tag, errors);
        text("campaign", campaign, b::campaignId, errors);
        if (status != null) {
            b.status(status);
        }
        if (errorKind != null) {
            b.errorKind(errorKind);
        }
        range("created", createdFrom, createdTo, zone, errors).ifPresent(r -> b.createdBetween(r[0], r[1]));
        range("sent", sentFrom, sentTo, zone, errors).ifPresent(r -> b.sentBetween(r[0], r[1]));
        range("scheduled", scheduledFrom, scheduledTo, zone, errors).ifPresent(r -> b.scheduledBetween(r[0], r[1]));
        b.sort(sort, descending);
        try {
            b.limit(limit);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
        }
        if (!errors.isEmpty()) {
            return new Result(Optional.empty(), errors);
        }
        return new Result(Optional.of(b.build()), List.of());
    }

    private static void text(String field, String value, java.util.function.Consumer<String> setter,
            List<String> errors) {
        String v = field.equals("text") ? value : value.strip();
        if (v.isEmpty()) {
            return;
        }
        try {
            setter.accept(v);
        } catch (IllegalArgumentException e) {
            errors.add(field + ": " + e.getMessage());
        }
    }

    private static Optional<Instant[]> range(String field, String from, String to, ZoneId zone, List<String> errors) {
        Optional<LocalDate> f = date(field + " from", from, errors);
        Optional<LocalDate> t = date(field + " to", to, errors);
        if (f.isEmpty() && t.isEmpty()) {
            return Optional.empty();
        }
        Instant start = f.map(d -> d.atStartOfDay(zone).toInstant()).orElse(FAR_PAST);
        Instant end = t.map(d -> d.plusDays(1).atStartOfDay(zone).toInstant()).orElse(FAR_FUTURE);
        if (end.isBefore(start)) {
            errors.add(field + ": the range ends (" + to.strip() + ") before it starts (" + from.strip() + ")");
            return Optional.empty();
        }
        return Optional.of(new Instant[] {start, end});
    }

    private static Optional<LocalDate> date(String field, String value, List<String> errors) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(v));
        } catch (DateTimeParseException e) {
            errors.add(field + ": '" + v + "' is not a date; write it as yyyy-MM-dd, e.g. 2026-11-24");
            return Optional.empty();
        }
    }
}
