package org.smsbridge.examples.sbutton;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.filter.KeywordFilter;
import org.smsbridge.filter.KeywordHit;
import org.smsbridge.scheduler.EntryOptions;
import org.smsbridge.scheduler.Outbox;
import org.smsbridge.scheduler.OutboxEntry;
import org.smsbridge.templates.SavedTemplate;
import org.smsbridge.templates.TemplateEngine;
import org.smsbridge.templates.TemplatePreview;
import org.smsbridge.text.SegmentInfo;
import org.smsbridge.text.SmsText;

/**
 * What the message editor shows and does, without Swing: the template choice for a customer, the
 * rendered text, the live counter, the keyword hits, the checks before sending, and the message
 * that Send / Save as draft / Schedule hand to the outbox.
 *
 * <p>One per editor window; not thread-safe: use it from one thread at a time (the editor calls
 * the outbox methods on a worker thread, one at a time, and the rest on the event thread).
 */
public final class EditorModel {
    private final Customer customer;
    private final List<SavedTemplate> templates;
    private final KeywordFilter filter;
    private final String signature;
    private final String operator;
    private final String reference;
    private final Map<Locale, TemplateEngine> engines = new HashMap<>();
    private Long draftId;

    /**
     * @param customer  the record the message is generated from
     * @param templates the saved templates to choose from
     * @param filter    the carrier keyword filter
     * @param signature the company signature ({@code {signature}})
     * @param operator  stored with the outbox entry
     */
    public EditorModel(Customer customer, List<SavedTemplate> templates, KeywordFilter filter, String signature,
            String operator) {
        this.customer = Objects.requireNonNull(customer, "customer");
        this.templates = List.copyOf(templates);
        this.filter = Objects.requireNonNull(filter, "filter");
        this.signature = Objects.requireNonNull(signature, "signature");
        this.operator = Objects.requireNonNull(operator, "operator");
        // one reference per editor: pressing Send twice enqueues once (the outbox is idempotent on it)
        this.reference = "sbutton-" + customer.id() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The customer. */
    public Customer customer() {
        return customer;
    }

    /** The templates to choose from. */
    public List<SavedTemplate> templates() {
        return templates;
    }

    /** The template chosen when the editor opens: {@value DemoTemplates#DEFAULT_KIND} in the customer's language. */
    public Optional<SavedTemplate> defaultTemplate() {
        return DemoTemplates.choose(templates, DemoTemplates.DEFAULT_KIND, customer);
    }

    /** The values a template is rendered with: owner, plate, cost, birthday and signature. */
    public Map<String, Object> values() {
        return values(customer, signature);
    }

    /** The values for {@code customer}: {@code owner}, {@code plate}, {@code cost}, {@code birthday}, {@code signature}. */
    public static Map<String, Object> values(Customer customer, String signature) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("owner", customer.name());
        values.put("plate", customer.plate());
        values.put("cost", customer.balance());
        values.put("birthday", customer.birthday());
        values.put("signature", signature);
        return values;
    }

    /**
     * Renders {@code template} for the customer, money and dates in the customer's locale. Never
     * throws for a missing value: the preview lists it (see {@link #missing(SavedTemplate)}).
     */
    public String render(SavedTemplate template) {
        return preview(template).text();
    }

    /** The names the template needs that the customer record has no value for. */
    public List<String> missing(SavedTemplate template) {
        return preview(template).missing();
    }

    private TemplatePreview preview(SavedTemplate template) {
        return engine(customer.locale()).preview(template.body(), values());
    }

    private TemplateEngine engine(Locale locale) {
        return engines.computeIfAbsent(locale, l -> TemplateEngine.builder().locale(l).build());
    }

    /** The live counter under the text, such as {@code "2 SMS · GSM-7 · 23 left"}. */
    public static String counterText(String text) {
        return SmsText.analyze(text).summary();
    }

    /** The carrier-blocked words in {@code text}, with their positions in it (for highlighting). */
    public List<KeywordHit> keywordHits(String text) {
        return filter.findAll(text);
    }

    /** Every reason the text cannot be sent as it is; empty when it can. */
    public List<String> problems(String text) {
        List<String> problems = new ArrayList<>();
        try {
            PhoneNumbers.normalize(customer.phone(), SmsSession.DEFAULT_REGION);
        } catch (SmsException e) {
            problems.add(e.getMessage());
        }
        if (text.isBlank()) {
            problems.add("the text is empty");
            return problems;
        }
        SegmentInfo info = SmsText.analyze(text);
        if (info.segments() > SmsSession.MAX_SEGMENTS) {
            problems.add("the text needs " + info.segments() + " SMS; at most " + SmsSession.MAX_SEGMENTS
                    + " are allowed");
        }
        List<KeywordHit> hits = keywordHits(text);
        if (!hits.isEmpty()) {
            problems.add("carriers block " + hits.stream().map(h -> "'" + h.matchedIn(text) + "'").distinct()
                    .reduce((a, b) -> a + ", " + b).orElse("") + "; reword the highlighted text");
        }
        if (text.contains("{") && text.contains("}")) {
            problems.add("the text still contains a {field}; fill it in or remove it");
        }
        return problems;
    }

    /** The message for {@code text}: to the customer, with this editor's reference and tag {@code s-button}. */
    public SmsMessage message(String text, SavedTemplate template) {
        return SmsMessage.builder().to(customer.phone()).text(text).reference(reference).tag("s-button")
                .purpose(template.purpose()).putMetadata("template", template.name()).build();
    }

    /** The outbox options: operator and contact (so the comprehensive query finds the customer's messages). */
    public EntryOptions entryOptions() {
        return EntryOptions.builder().operator(operator).contact(customer.contactKey()).build();
    }

    /**
     * The Send button: puts the message in the outbox (or submits this editor's draft with the
     * edited text) and runs the outbox at once. Blocks until the run has ended: call it off the
     * event thread.
     *
     * @return the entry as it is after the run (Sent, Failed, or still Outbox when it will retry)
     */
    public OutboxEntry send(Outbox outbox, String text, SavedTemplate template) {
        SmsMessage m = message(text, template);
        OutboxEntry entry;
        if (draftId != null) {
            outbox.updateDraft(draftId, m);
            entry = outbox.submitDraft(draftId);
        } else {
            entry = outbox.enqueue(m, entryOptions());
        }
        outbox.sendNow().join();
        return outbox.get(entry.id()).orElse(entry);
    }

    /** The Save as draft button: saves a new draft, or updates the one this editor saved. */
    public OutboxEntry saveDraft(Outbox outbox, String text, SavedTemplate template) {
        SmsMessage m = message(text, template);
        if (draftId != null) {
            return outbox.updateDraft(draftId, m);
        }
        OutboxEntry e = outbox.saveDraft(m, entryOptions());
        draftId = e.id();
        return e;
    }

    /**
     * The Schedule button: the message is sent by the first outbox run at or after {@code at}. A
     * draft this editor saved is removed first (the outbox cannot schedule a draft).
     */
    public OutboxEntry schedule(Outbox outbox, String text, SavedTemplate template, Instant at) {
        if (draftId != null) {
            outbox.delete(draftId);
            outbox.purge(draftId);
            draftId = null;
        }
        return outbox.schedule(message(text, template), at, entryOptions());
    }

    /** The draft this editor saved, if it saved one (Send then submits that draft). */
    public Optional<Long> draftId() {
        return Optional.ofNullable(draftId);
    }

    /**
     * The instant a message is scheduled for, from the editor's date and time.
     *
     * @throws IllegalArgumentException if it is not in the future (the message says what to do)
     */
    public static Instant scheduleAt(LocalDateTime when, ZoneId zone, Clock clock) {
        Instant at = when.atZone(zone).toInstant();
        if (!at.isAfter(clock.instant())) {
            throw new IllegalArgumentException("the time " + when + " has passed; choose a later time or press Send");
        }
        return at;
    }

    /** The time the schedule field proposes: tomorrow at 09:00. */
    public static LocalDateTime proposedScheduleTime(ZoneId zone, Clock clock) {
        return LocalDateTime.ofInstant(clock.instant(), zone).toLocalDate().plusDays(1).atTime(9, 0);
    }
}
