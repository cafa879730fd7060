package org.smsbridge.examples.sbutton;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.smsbridge.SmsMessage;
import org.smsbridge.scheduler.EntryOptions;
import org.smsbridge.scheduler.Folder;
import org.smsbridge.scheduler.OutboxEntry;
import org.smsbridge.templates.SavedTemplate;
import org.smsbridge.templates.TemplateEngine;
import org.smsbridge.templates.TemplatePreview;

/**
 * "Send to all" on a multi-selection (seed 002: right-click Send): one message per customer from
 * the chosen kind of template in the customer's language, put into the outbox together, and a
 * result line per row as the outbox sends them.
 *
 * <p>Not thread-safe; the dialog updates it on the event thread.
 */
public final class BatchSend {
    /** One customer's row: its message (or why there is none), its outbox entry, its result. */
    public static final class Row {
        private final Customer customer;
        private final SmsMessage message;
        private final EntryOptions options;
        private Long entryId;
        private String result;
        private boolean finished;

        Row(Customer customer, SmsMessage message, EntryOptions options, String result) {
            this.customer = customer;
            this.message = message;
            this.options = options;
            this.result = result;
            this.finished = message == null;
        }

        /** The customer. */
        public Customer customer() {
            return customer;
        }

        /** The message, unless its template could not be filled in. */
        public Optional<SmsMessage> message() {
            return Optional.ofNullable(message);
        }

        /** The outbox options of this row (operator, contact). */
        public EntryOptions options() {
            return options;
        }

        /** The outbox entry id once queued. */
        public Optional<Long> entryId() {
            return Optional.ofNullable(entryId);
        }

        /** The result shown in the row. */
        public String result() {
            return result;
        }

        /** Whether the row has its final result (sent, failed, or never queued). */
        public boolean finished() {
            return finished;
        }
    }

    private final List<Row> rows;

    private BatchSend(List<Row> rows) {
        this.rows = rows;
    }

    /**
     * Prepares one message per customer from the template of {@code kind} in each customer's
     * language. A customer whose template cannot be filled in gets a finished row saying why.
     */
    public static BatchSend prepare(List<Customer> customers, List<SavedTemplate> templates, String kind,
            String signature, String operator) {
        Objects.requireNonNull(kind, "kind");
        String batch = UUID.randomUUID().toString().substring(0, 8);
        List<Row> rows = new ArrayList<>();
        for (Customer c : customers) {
            EntryOptions options = EntryOptions.builder().operator(operator).contact(c.contactKey()).build();
            Optional<SavedTemplate> t = DemoTemplates.choose(templates, kind, c);
            if (t.isEmpty()) {
                rows.add(new Row(c, null, options, "no template"));
                continue;
            }
            TemplatePreview p = TemplateEngine.builder().locale(c.locale()).build()
                    .preview(t.get().body(), EditorModel.values(c, signature));
            if (!p.complete()) {
                rows.add(new Row(c, null, options, "template " + t.get().name() + " needs " + p.missing()));
                continue;
            }
            SmsMessage m = SmsMessage.builder().to(c.phone()).text(p.text()).tag("s-button-batch")
                    .reference("sbutton-batch-" + batch + "-" + c.id()).purpose(t.get().purpose())
                    .putMetadata("template", t.get().name()).build();
            rows.add(new Row(c, m, options, "ready"));
        }
        return new BatchSend(List.copyOf(rows));
    }

    /** The rows, in selection order. */
    public List<Row> rows() {
        return rows;
    }

    /** The rows that have a message to send. */
    public List<Row> sendable() {
        return rows.stream().filter(r -> r.message != null).toList();
    }

    /** Records the entries the outbox created for {@link #sendable()}, in the same order. */
    public void queued(List<OutboxEntry> entries) {
        List<Row> sendable = sendable();
        if (entries.size() != sendable.size()) {
            throw new IllegalArgumentException("expected " + sendable.size() + " entries, got " + entries.size());
        }
        for (int i = 0; i < entries.size(); i++) {
            sendable.get(i).entryId = entries.get(i).id();
            update(sendable.get(i), entries.get(i));
        }
    }

    /** Updates the row of {@code entry} from its current state; returns whether a row changed. */
    public boolean update(OutboxEntry entry) {
        for (Row r : rows) {
            if (r.entryId != null && r.entryId == entry.id()) {
                String before = r.result;
                update(r, entry);
                return !before.equals(r.result);
            }
        }
        return false;
    }

    private static void update(Row r, OutboxEntry e) {
        r.result = resultText(e);
        r.finished = e.folder() != Folder.OUTBOX;
    }

    /** How many rows have their final result. */
    public int finishedCount() {
        return (int) rows.stream().filter(Row::finished).count();
    }

    /** Whether every row has its final result. */
    public boolean done() {
        return finishedCount() == rows.size();
    }

    /** A result line for an outbox entry: "Sent · console-3", "Failed · INVALID_NUMBER: ...", "Queued". */
    public static String resultText(OutboxEntry e) {
        return switch (e.folder()) {
            case SENT -> "Sent" + e.providerMessageId().map(id -> " · " + id).orElse("");
            case FAILED -> "Failed · " + e.lastErrorKind().map(Enum::name).orElse(e.status().name())
                    + e.lastError().map(t -> ": " + t).orElse("");
            case OUTBOX -> e.lastErrorKind().map(k -> "Will retry · " + k).orElse(
                    e.scheduledAt().isPresent() ? "Scheduled" : "Queued");
            case DRAFTS -> "Draft";
            case DELETED -> "Deleted";
        };
    }
}
