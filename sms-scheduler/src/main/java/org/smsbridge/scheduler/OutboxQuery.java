package org.smsbridge.scheduler;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;

/**
 * A search over an outbox: every filter is optional and all given filters must match (AND); a
 * set filter matches any of its values (OR). Text filters: {@code operator}, {@code contact},
 * {@code tag} and {@code campaignId} match exactly; {@code phone} and {@code content} match a
 * substring, case-sensitively, with {@code %} and {@code _} taken literally. Time ranges include
 * their start and exclude their end. Results are sorted ({@link Sort#CREATED_AT} ascending by
 * default, ties by id, absent times last) and paged with {@code offset}/{@code limit}.
 * Immutable.
 *
 * <pre>{@code
 * List<OutboxEntry> page = outbox.query(OutboxQuery.builder()
 *         .folder(Folder.SENT).phone("+30691").content("ready")
 *         .sentBetween(monday, tuesday).sort(OutboxQuery.Sort.SENT_AT, true)
 *         .offset(0).limit(50).build());
 * }</pre>
 */
public final class OutboxQuery {
    /** Page size when none is given. */
    public static final int DEFAULT_LIMIT = 100;
    /** The largest page size accepted. */
    public static final int MAX_LIMIT = 10_000;

    /** What results are sorted by; ties are broken by id in the same direction. */
    public enum Sort {
        /** Creation time. */
        CREATED_AT(OutboxEntry::createdAt),
        /** The scheduled time; entries without one come last. */
        SCHEDULED_AT(e -> e.scheduledAt().orElse(null)),
        /** The time the provider accepted the message; unsent entries come last. */
        SENT_AT(e -> e.sentAt().orElse(null)),
        /** The id (insertion order). */
        ID(e -> null);

        private final Function<OutboxEntry, Instant> key;

        Sort(Function<OutboxEntry, Instant> key) {
            this.key = key;
        }
    }

    private final Set<Folder> folders;
    private final Set<MessageStatus> statuses;
    private final Set<ErrorKind> errorKinds;
    private final String operator;
    private final String contact;
    private final String phone;
    private final String content;
    private final String tag;
    private final String campaignId;
    private final Instant createdFrom;
    private final Instant createdTo;
    private final Instant sentFrom;
    private final Instant sentTo;
    private final Instant scheduledFrom;
    private final Instant scheduledTo;
    private final Sort sort;
    private final boolean descending;
    private final int offset;
    private final int limit;

    private OutboxQuery(Builder b) {
        folders = b.folders.isEmpty() ? Set.of() : Set.copyOf(b.folders);
        statuses = b.statuses.isEmpty() ? Set.of() : Set.copyOf(b.statuses);
        errorKinds = b.errorKinds.isEmpty() ? Set.of() : Set.copyOf(b.errorKinds);
        operator = b.operator;
        contact = b.contact;
        phone = b.phone;
        content = b.content;
        tag = b.tag;
        campaignId = b.campaignId;
        createdFrom = b.createdFrom;
        createdTo = b.createdTo;
        sentFrom = b.sentFrom;
        sentTo = b.sentTo;
        scheduledFrom = b.scheduledFrom;
        scheduledTo = b.scheduledTo;
        sort = b.sort;
        descending = b.descending;
        offset = b.offset;
        limit = b.limit;
    }

    /** Starts a query that matches everything. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this query's values (e.g. to ask for the next page). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Folders to match; empty means any. */
    public Set<Folder> folders() {
        return folders;
    }

    /** Statuses to match; empty means any. */
    public Set<MessageStatus> statuses() {
        return statuses;
    }

    /** Kinds of the last error to match; empty means any (including none). */
    public Set<ErrorKind> errorKinds() {
        return errorKinds;
    }

    public Optional<String> operator() {
        return Optional.ofNullable(operator);
    }

    public Optional<String> contact() {
        return Optional.ofNullable(contact);
    }

    /** A substring of the recipient number. */
    public Optional<String> phone() {
        return Optional.ofNullable(phone);
    }

    /** A substring of the message text. */
    public Optional<String> content() {
        return Optional.ofNullable(content);
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    public Optional<String> campaignId() {
        return Optional.ofNullable(campaignId);
    }

    public Optional<Instant> createdFrom() {
        return Optional.ofNullable(createdFrom);
    }

    public Optional<Instant> createdTo() {
        return Optional.ofNullable(createdTo);
    }

    public Optional<Instant> sentFrom() {
        return Optional.ofNullable(sentFrom);
    }

    public Optional<Instant> sentTo() {
        return Optional.ofNullable(sentTo);
    }

    public Optional<Instant> scheduledFrom() {
        return Optional.ofNullable(scheduledFrom);
    }

    public Optional<Instant> scheduledTo() {
        return Optional.ofNullable(scheduledTo);
    }

    public Sort sort() {
        return sort;
    }

    public boolean descending() {
        return descending;
    }

    public int offset() {
        return offset;
    }

    public int limit() {
        return limit;
    }

    /**
     * Whether {@code entry} passes every filter of this query (paging aside). This is the
     * reference semantics every {@link OutboxStore} must implement.
     */
    public boolean matches(OutboxEntry entry) {
        return (folders.isEmpty() || folders.contains(entry.folder()))
                && (statuses.isEmpty() || statuses.contains(entry.status()))
                && (errorKinds.isEmpty() || entry.lastErrorKind().map(errorKinds::contains).orElse(false))
                && (operator == null || operator.equals(entry.operator().orElse(null)))
                && (contact == null || contact.equals(entry.contact().orElse(null)))
                && (tag == null || tag.equals(entry.tag().orElse(null)))
                && (campaignId == null || campaignId.equals(entry.campaignId().orElse(null)))
                && (phone == null || entry.phone().contains(phone))
                && (content == null || entry.message().text().map(t -> t.contains(content)).orElse(false))
                && in(entry.createdAt(), createdFrom, createdTo)
                && (sentFrom == null && sentTo == null || entry.sentAt().map(t -> in(t, sentFrom, sentTo)).orElse(false))
                && (scheduledFrom == null && scheduledTo == null
                        || entry.scheduledAt().map(t -> in(t, scheduledFrom, scheduledTo)).orElse(false));
    }

    private static boolean in(Instant t, Instant from, Instant to) {
        return (from == null || !t.isBefore(from)) && (to == null || t.isBefore(to));
    }

    /** The order of this query's results: the sort key (absent last), then id, in the query's direction. */
    public Comparator<OutboxEntry> comparator() {
        Comparator<Instant> byTime = descending ? Comparator.<Instant>reverseOrder() : Comparator.naturalOrder();
        Comparator<OutboxEntry> c = Comparator.comparing(sort.key, Comparator.nullsLast(byTime));
        Comparator<OutboxEntry> byId = Comparator.comparingLong(OutboxEntry::id);
        return c.thenComparing(descending ? byId.reversed() : byId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OutboxQuery q && toString().equals(q.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    @Override
    public String toString() {
        return "OutboxQuery{folders=" + folders + ", statuses=" + statuses + ", errorKinds=" + errorKinds
                + ", operator=" + operator + ", contact=" + contact + ", phone=" + phone + ", content=" + content
                + ", tag=" + tag + ", campaignId=" + campaignId + ", created=[" + createdFrom + ", " + createdTo
                + "), sent=[" + sentFrom + ", " + sentTo + "), scheduled=[" + scheduledFrom + ", " + scheduledTo
                + "), sort=" + sort + (descending ? " desc" : " asc") + ", offset=" + offset + ", limit=" + limit
                + '}';
    }

    /** Builds an {@link OutboxQuery}; not thread-safe. */
    public static final class Builder {
        private final Set<Folder> folders = EnumSet.noneOf(Folder.class);
        private final Set<MessageStatus> statuses = EnumSet.noneOf(MessageStatus.class);
        private final Set<ErrorKind> errorKinds = EnumSet.noneOf(ErrorKind.class);
        private String operator;
        private String contact;
        private String phone;
        private String content;
        private String tag;
        private String campaignId;
        private Instant createdFrom;
        private Instant createdTo;
        private Instant sentFrom;
        private Instant sentTo;
        private Instant scheduledFrom;
        private Instant scheduledTo;
        private Sort sort = Sort.CREATED_AT;
        private boolean descending;
        private int offset;
        private int limit = DEFAULT_LIMIT;

        private Builder() {
        }

        private Builder(OutboxQuery q) {
            folders.addAll(q.folders);
            statuses.addAll(q.statuses);
            errorKinds.addAll(q.errorKinds);
            operator = q.operator;
            contact = q.contact;
            phone = q.phone;
            content = q.content;
            tag = q.tag;
            campaignId = q.campaignId;
            createdFrom = q.createdFrom;
            createdTo = q.createdTo;
            sentFrom = q.sentFrom;
            sentTo = q.sentTo;
            scheduledFrom = q.scheduledFrom;
            scheduledTo = q.scheduledTo;
            sort = q.sort;
            descending = q.descending;
            offset = q.offset;
            limit = q.limit;
        }

        /** Adds a folder to match. */
        public Builder folder(Folder folder) {
            folders.add(Objects.requireNonNull(folder, "folder"));
            return this;
        }

        /** Replaces the folders to match. */
        public Builder folders(Collection<Folder> all) {
            folders.clear();
            all.forEach(this::folder);
            return this;
        }

        /** Adds a status to match. */
        public Builder status(MessageStatus status) {
            statuses.add(Objects.requireNonNull(status, "status"));
            return this;
        }

        /** Replaces the statuses to match. */
        public Builder statuses(Collection<MessageStatus> all) {
            statuses.clear();
            all.forEach(this::status);
            return this;
        }

        /**
         * Adds a kind of last error to match ({@link OutboxEntry#lastErrorKind()}): entries waiting
         * for a retry or failed, never Sent ones (a successful send clears the last error).
         */
        public Builder errorKind(ErrorKind kind) {
            errorKinds.add(Objects.requireNonNull(kind, "kind"));
            return this;
        }

        /** Replaces the kinds of last error to match. */
        public Builder errorKinds(Collection<ErrorKind> all) {
            errorKinds.clear();
            all.forEach(this::errorKind);
            return this;
        }

        /** The exact operator. */
        public Builder operator(String operator) {
            this.operator = Checks.text("operator", operator, 100);
            return this;
        }

        /** The exact contact. */
        public Builder contact(String contact) {
            this.contact = Checks.text("contact", contact, 200);
            return this;
        }

        /** A substring of the recipient number, e.g. {@code "+30691"} or {@code "2345"}. */
        public Builder phone(String phone) {
            this.phone = Checks.text("phone", phone, 32);
            return this;
        }

        /** A substring of the text, case-sensitive; {@code %} and {@code _} are literal. */
        public Builder content(String content) {
            Objects.requireNonNull(content, "content");
            if (content.isEmpty()) {
                throw new IllegalArgumentException("content must not be empty; leave it unset to match any text");
            }
            this.content = content;
            return this;
        }

        /** The exact tag. */
        public Builder tag(String tag) {
            this.tag = Checks.text("tag", tag, 100);
            return this;
        }

        /** The exact campaign id. */
        public Builder campaignId(String campaignId) {
            this.campaignId = Checks.text("campaignId", campaignId, 100);
            return this;
        }

        /** Created at or after {@code from} and before {@code to}. */
        public Builder createdBetween(Instant from, Instant to) {
            checkRange("created", from, to);
            createdFrom = from;
            createdTo = to;
            return this;
        }

        /** Sent at or after {@code from} and before {@code to}; unsent entries never match. */
        public Builder sentBetween(Instant from, Instant to) {
            checkRange("sent", from, to);
            sentFrom = from;
            sentTo = to;
            return this;
        }

        /** Scheduled at or after {@code from} and before {@code to}; unscheduled entries never match. */
        public Builder scheduledBetween(Instant from, Instant to) {
            checkRange("scheduled", from, to);
            scheduledFrom = from;
            scheduledTo = to;
            return this;
        }

        private static void checkRange(String name, Instant from, Instant to) {
            Objects.requireNonNull(from, name + " from");
            Objects.requireNonNull(to, name + " to");
            if (to.isBefore(from)) {
                throw new IllegalArgumentException(name + " range ends (" + to + ") before it starts (" + from + ")");
            }
        }

        /** The sort key and direction; default {@link Sort#CREATED_AT} ascending. */
        public Builder sort(Sort sort, boolean descending) {
            this.sort = Objects.requireNonNull(sort, "sort");
            this.descending = descending;
            return this;
        }

        /**
         * Results to skip; default 0.
         *
         * @throws IllegalArgumentException if negative
         */
        public Builder offset(int offset) {
            if (offset < 0) {
                throw new IllegalArgumentException("offset must not be negative, was " + offset);
            }
            this.offset = offset;
            return this;
        }

        /**
         * Page size; default {@value #DEFAULT_LIMIT}.
         *
         * @throws IllegalArgumentException if not between 1 and {@value #MAX_LIMIT}
         */
        public Builder limit(int limit) {
            if (limit < 1 || limit > MAX_LIMIT) {
                throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
            }
            this.limit = limit;
            return this;
        }

        /** The query. */
        public OutboxQuery build() {
            return new OutboxQuery(this);
        }
    }
}
