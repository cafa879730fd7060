package org.smsbridge.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.scheduler.internal.RecipientZones;
import org.smsbridge.templates.MissingValuesException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Automatic event messages: a registry of {@link EventType}s, each with its {@link EventSettings}
 * (on/off, template, sending account), that puts messages into an {@link Outbox}.
 *
 * <ul>
 * <li><b>Immediate events</b> (member registration, consumption, payment received, car ready...):
 *     the host calls {@link #notify(EventType, EventRecipient, Map)} when the event happens.</li>
 * <li><b>Date-driven events</b> (birthday, card and voucher expiry, maintenance and debt due): a
 *     daily job asks the host's {@link RecipientSource} for the recipients of each day and schedules
 *     one message per recipient, event and day for {@code sendTime} in the recipient's time zone.</li>
 * </ul>
 *
 * <pre>{@code
 * EventNotifications events = EventNotifications.builder()
 *         .outbox(outbox)
 *         .recipients(query -> members.dueFor(query))                 // the host's RecipientSource
 *         .defaultZone(ZoneId.of("Asia/Shanghai"))
 *         .putCommonValue("company", "傲友软件")
 *         .configure(EventSettings.builder(EventType.BIRTHDAY).enabled(true)
 *                 .template("{name}，祝您生日快乐！{company}").build())
 *         .configure(EventSettings.builder(EventType.CAR_READY).enabled(true)
 *                 .template("{name}您好，您的爱车（{plate}）已经保养完毕，大约费用（{cost}）元，请前来结帐提车。").build())
 *         .build();
 * events.start();                                                      // the daily job
 * events.notify(EventType.CAR_READY, EventRecipient.builder("c-42", "+8613812345678").putValue("name", "王先生").build(),
 *         Map.of("plate", "浙A-T0386", "cost", "291.00"));
 * }</pre>
 *
 * <h2>The daily job</h2>
 * <p>The job works one local date at a time: for date {@code D} it asks the source for every enabled
 * date-driven type ({@link EventDateQuery}) and schedules each recipient's message for
 * {@code D} at {@code sendTime} in the recipient's zone (their explicit zone, else the zone of their
 * number's country, else {@code defaultZone}). So a member in Asia/Shanghai and one in
 * America/New_York both get their birthday greeting at 09:00 on their own birthday. {@link #start()}
 * checks every {@code checkInterval} and runs each date as soon as it has begun anywhere on Earth
 * (UTC+14), which is before 09:00 of that date in every zone; the messages wait in the outbox as
 * scheduled entries. A recipient's data is therefore read up to 35 hours before a 09:00 message
 * goes out (33 hours for Hawaii); a message that must not go any more can be deleted from the
 * outbox (its tag is {@code event:<type id>}, its contact the recipient id).
 *
 * <p>Each message has the reference {@link #reference(EventType, String, LocalDate)}
 * ({@code event:<type>:<recipientId>:<yyyy-MM-dd>}); the outbox adds a reference once, in any folder
 * and on every store, so running a date again (a second check, another node, a restart with a new
 * {@code EventNotifications} and {@code Outbox} on the same database) makes nothing new. Purging
 * the entry for good forgets it.
 *
 * <p><b>Late messages.</b> When {@code D} at {@code sendTime} has already passed (catching up a
 * missed day, or a start late in the day), the message goes out at once if the recipient's local
 * time is between {@code sendTime} and {@code latestSendTime}, else at {@code sendTime} the next
 * local morning: never at night. A {@link EventType.Kind#BEFORE_DATE} reminder whose event date has
 * passed by then is skipped; its {@code daysLeft} counts from the local date it goes out.
 *
 * <p><b>Catching up.</b> {@link #runDue()} runs every date since the last date it ran, and after a
 * start (when it has not run yet) also {@code catchUpDays} dates before the oldest date still
 * current somewhere; the last date run is kept in memory only, so after a restart days the host was
 * down longer than that are run with {@link #runFor(LocalDate)}. Dates run twice make nothing new.
 *
 * <p><b>Leap days.</b> An {@link EventType.Kind#ANNUAL} date of 29 February is due on 28 February in
 * years without it ({@link LeapDayRule#FEB_28}, the default) or on 1 March ({@link LeapDayRule#MARCH_1}).
 *
 * <p>Thread-safe: {@code notify} may be called from any thread; runs are serialized; settings may be
 * replaced at any time and apply to messages made afterwards.
 */
public final class EventNotifications implements AutoCloseable {
    /** Local time of day date-driven messages go out when none is given. */
    public static final LocalTime DEFAULT_SEND_TIME = LocalTime.of(9, 0);
    /** Local time after which a late message waits for the next morning, when none is given. */
    public static final LocalTime DEFAULT_LATEST_SEND_TIME = LocalTime.of(21, 0);
    /** How often the started job looks for dates to run, when none is given. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofMinutes(15);
    /** Dates before the current ones that the first {@link #runDue()} after a start runs again, when none is given. */
    public static final int DEFAULT_CATCH_UP_DAYS = 1;
    /** Most days before the oldest current date that {@link #runDue()} runs (after a long stop of the job). */
    public static final int MAX_CATCH_UP_DAYS = 31;
    /** The entries' operator when none is given. */
    public static final String DEFAULT_OPERATOR = "events";

    /** Metadata key: the event type id. */
    public static final String METADATA_TYPE = "event.type";
    /** Metadata key: the recipient id. */
    public static final String METADATA_RECIPIENT = "event.recipient";
    /** Metadata key: the local date a date-driven message is for. */
    public static final String METADATA_DAY = "event.day";
    /** Metadata key: the id of the run (or notify call) that made the entry. */
    public static final String METADATA_RUN = "event.run";

    private static final Logger LOG = LoggerFactory.getLogger(EventNotifications.class);
    /** Where a date begins first (Kiribati's Line Islands) and last (Baker Island). */
    private static final ZoneOffset EARLIEST = ZoneOffset.ofHours(14);
    private static final ZoneOffset LATEST = ZoneOffset.ofHours(-12);

    private final Outbox outbox;
    private final RecipientSource source;
    private final ZoneId defaultZone;
    private final LocalTime sendTime;
    private final LocalTime latestSendTime;
    private final LeapDayRule leapDayRule;
    private final int catchUpDays;
    private final Duration checkInterval;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final boolean ownExecutor;
    private final String operator;
    private final Map<String, Object> commonValues;
    /** Type id to settings, in registration order. Guarded by itself. */
    private final Map<String, EventSettings> settings;

    private final ReentrantLock runLock = new ReentrantLock();
    /** The last date {@link #runDue()} finished; null before the first. Guarded by runLock. */
    private LocalDate lastDue;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ScheduledFuture<?> ticking;

    private EventNotifications(Builder b) {
        this.outbox = b.outbox;
        this.source = b.source;
        this.defaultZone = b.defaultZone != null ? b.defaultZone : ZoneId.systemDefault();
        this.sendTime = b.sendTime;
        this.latestSendTime = b.latestSendTime;
        this.leapDayRule = b.leapDayRule;
        this.catchUpDays = b.catchUpDays;
        this.checkInterval = b.checkInterval;
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
        this.ownExecutor = b.executor == null;
        this.executor = b.executor != null ? b.executor : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sms-events");
            t.setDaemon(true);
            return t;
        });
        this.operator = b.operator;
        this.commonValues = Map.copyOf(b.commonValues);
        this.settings = new LinkedHashMap<>(b.settings);
    }

    /**
     * Starts a configuration. Every built-in {@link EventType} is registered, disabled, with its
     * English default template.
     *
     * <pre>{@code
     * EventNotifications events = EventNotifications.builder().outbox(outbox).recipients(source)
     *         .configure(EventSettings.builder(EventType.BIRTHDAY).enabled(true).build()).build();
     * }</pre>
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The outbox reference of the date-driven message of {@code type} to {@code recipientId} for
     * local date {@code day}: {@code event:<type id>:<recipientId>:<yyyy-MM-dd>}.
     */
    public static String reference(EventType type, String recipientId, LocalDate day) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(day, "day");
        return "event:" + type.id() + ":" + Checks.text("recipientId", recipientId, EventRecipient.MAX_ID_LENGTH)
                + ":" + day;
    }

    // ---------------------------------------------------------------- registry

    /**
     * Registers {@code newSettings}'s type, or replaces its settings. Messages made afterwards use them.
     *
     * @throws IllegalArgumentException if another type with the same id but a different definition is registered
     */
    public void configure(EventSettings newSettings) {
        Objects.requireNonNull(newSettings, "settings");
        synchronized (settings) {
            put(settings, newSettings);
        }
    }

    /** Switches {@code type} on ({@link #configure} with {@code enabled(true)}). */
    public void enable(EventType type) {
        setEnabled(type, true);
    }

    /** Switches {@code type} off: {@code notify} makes no message, the daily job skips it. */
    public void disable(EventType type) {
        setEnabled(type, false);
    }

    private void setEnabled(EventType type, boolean on) {
        synchronized (settings) {
            put(settings, settings(type).toBuilder().enabled(on).build());
        }
    }

    /**
     * The settings of {@code type}.
     *
     * @throws IllegalArgumentException if the type is not registered
     */
    public EventSettings settings(EventType type) {
        Objects.requireNonNull(type, "type");
        EventSettings s;
        synchronized (settings) {
            s = settings.get(type.id());
        }
        if (s == null || !s.type().sameDefinition(type)) {
            throw new IllegalArgumentException("event type '" + type.id() + "' is not registered; add it with "
                    + "configure(EventSettings.builder(type)...build())");
        }
        return s;
    }

    /** Every registered type's settings, built-in types first, then in registration order. */
    public List<EventSettings> allSettings() {
        synchronized (settings) {
            return List.copyOf(settings.values());
        }
    }

    private static void put(Map<String, EventSettings> map, EventSettings s) {
        EventSettings old = map.get(s.type().id());
        if (old != null && !old.type().sameDefinition(s.type())) {
            throw new IllegalArgumentException("event type id '" + s.type().id() + "' is already registered as "
                    + old.type() + "; give the new type " + s.type() + " another id");
        }
        map.put(s.type().id(), s);
    }

    // ---------------------------------------------------------------- immediate events

    /** Like {@link #notify(EventType, EventRecipient, Map)} with the recipient's values only. */
    public EventOutcome notify(EventType type, EventRecipient recipient) {
        return notify(type, recipient, Map.of());
    }

    /**
     * Renders {@code type}'s template for {@code recipient} and puts the message in the outbox to go
     * out with its next run. The values are the common values, then the recipient's, then
     * {@code values} (a later one wins).
     *
     * @return {@link EventOutcome.Status#ENQUEUED} with the entry, or {@link EventOutcome.Status#DISABLED}
     *         (no message) when the type is switched off
     * @throws SmsException             of kind {@code INVALID_CONTENT} naming the event and every
     *                                  placeholder without a value (cause: the template's
     *                                  {@link MissingValuesException}), or a value unfit for its format
     * @throws IllegalArgumentException if the type is not registered
     * @throws IllegalStateException    if closed, or the outbox is closed
     * @throws OutboxStoreException     if the store fails
     */
    public EventOutcome notify(EventType type, EventRecipient recipient, Map<String, ?> values) {
        return notifyOnce(type, recipient, values, null);
    }

    /**
     * Like {@link #notify(EventType, EventRecipient, Map)}, made once per {@code key}: the message has
     * the reference {@code event:<type id>:<recipientId>:<key>}, so calling again with the same key
     * (a retried request, the same order number) returns {@link EventOutcome.Status#DUPLICATE} with
     * the existing entry.
     *
     * @param key the host's id for this occurrence (order number...), at most 50 characters
     * @throws IllegalArgumentException if the key is blank or too long, or the type is not registered
     */
    public EventOutcome notify(EventType type, EventRecipient recipient, Map<String, ?> values, String key) {
        return notifyOnce(type, recipient, values, Checks.text("key", key, 50));
    }

    private EventOutcome notifyOnce(EventType type, EventRecipient recipient, Map<String, ?> values, String key) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(values, "values");
        ensureOpen();
        EventSettings s = settings(type);
        if (!s.enabled()) {
            LOG.debug("event {} is disabled; no message to {}", type.id(), PhoneNumbers.mask(recipient.phone()));
            return EventOutcome.notMade(type, recipient.id(), EventOutcome.Status.DISABLED, null,
                    "event type '" + type.id() + "' is disabled");
        }
        Map<String, Object> all = new LinkedHashMap<>(commonValues);
        all.putAll(recipient.values());
        values.forEach((k, v) -> all.put(Objects.requireNonNull(k, "value name"),
                Objects.requireNonNull(v, () -> "value of '" + k + "'")));
        String text = render(s, recipient, all);
        String run = UUID.randomUUID().toString();
        SmsMessage.Builder m = message(s, recipient, text, run);
        if (key != null) {
            m.reference("event:" + type.id() + ":" + recipient.id() + ":" + key);
        }
        OutboxEntry e = outbox.enqueue(m.build(), options(recipient));
        boolean fresh = run.equals(e.message().metadata().get(METADATA_RUN));
        LOG.debug("event {} to {}: {}", type.id(), PhoneNumbers.mask(recipient.phone()), fresh ? "queued" : "duplicate");
        return EventOutcome.made(type, recipient.id(), fresh ? EventOutcome.Status.ENQUEUED
                : EventOutcome.Status.DUPLICATE, null, e);
    }

    private static String render(EventSettings s, EventRecipient recipient, Map<String, Object> values) {
        try {
            return s.template().render(values);
        } catch (MissingValuesException e) {
            throw new SmsException(ErrorKind.INVALID_CONTENT, "event '" + s.type().id() + "' for recipient '"
                    + recipient.id() + "': the template has no value for " + String.join(", ", e.missingNames())
                    + "; pass them in the values or the recipient's values, or give fallbacks such as {"
                    + e.missingNames().get(0) + "|text}", e);
        }
    }

    private SmsMessage.Builder message(EventSettings s, EventRecipient recipient, String text, String run) {
        SmsMessage.Builder m = SmsMessage.builder().to(recipient.phone()).text(text).purpose(s.purpose())
                .tag("event:" + s.type().id())
                .putMetadata(METADATA_TYPE, s.type().id())
                .putMetadata(METADATA_RECIPIENT, recipient.id())
                .putMetadata(METADATA_RUN, run);
        s.sender().ifPresent(m::from);
        return m;
    }

    private EntryOptions options(EventRecipient recipient) {
        return EntryOptions.builder().operator(operator).contact(recipient.id()).build();
    }

    // ---------------------------------------------------------------- the daily job

    /**
     * Starts the daily job on the executor: at once, then every {@code checkInterval}, it calls
     * {@link #runDue()}. Failures (the source or the store down) are logged and the dates tried
     * again at the next check. Calling it again does nothing.
     *
     * @throws IllegalStateException if closed or no {@link RecipientSource} was given
     */
    public void start() {
        ensureOpen();
        requireSource();
        if (started.compareAndSet(false, true)) {
            ticking = executor.scheduleWithFixedDelay(this::tick, 0, checkInterval.toNanos(), TimeUnit.NANOSECONDS);
            LOG.debug("event notifications check every {}", checkInterval);
        }
    }

    private void tick() {
        if (closed.get()) {
            return;
        }
        try {
            runDue();
        } catch (RuntimeException e) {
            LOG.warn("event notifications: a daily run failed; it is tried again in {}", checkInterval, e);
        }
    }

    /**
     * Runs every local date that is due: from the day after the last date this instance ran to the
     * newest date begun anywhere (UTC+14). The first time, it starts {@code catchUpDays} days before
     * the oldest date current anywhere (UTC-12); after that never more than
     * {@value #MAX_CATCH_UP_DAYS} days before it (a job stopped for months). Nothing is due when
     * those dates have run.
     *
     * @return what was made, for every date run
     * @throws IllegalStateException if closed or no {@link RecipientSource} was given
     * @throws OutboxStoreException  if the store fails (the dates from the failed one on are run again next time)
     */
    public EventRunReport runDue() {
        ensureOpen();
        requireSource();
        runLock.lock();
        try {
            Instant now = clock.instant();
            LocalDate newest = LocalDate.ofInstant(now, EARLIEST);
            LocalDate oldest = LocalDate.ofInstant(now, LATEST);
            LocalDate from;
            if (lastDue == null) {
                from = oldest.minusDays(catchUpDays);
            } else {
                LocalDate bound = oldest.minusDays(MAX_CATCH_UP_DAYS);
                from = lastDue.plusDays(1).isBefore(bound) ? bound : lastDue.plusDays(1);
            }
            List<EventRunReport> reports = new ArrayList<>();
            for (LocalDate d = from; !d.isAfter(newest); d = d.plusDays(1)) {
                reports.add(runFor(d));
                lastDue = d;
            }
            return EventRunReport.merge(reports);
        } finally {
            runLock.unlock();
        }
    }

    /**
     * Runs local date {@code day} for every enabled date-driven type: asks the source and puts one
     * message per recipient in the outbox, scheduled for {@code day} at {@code sendTime} in the
     * recipient's zone (late messages as described in the class documentation). Messages made
     * before for the same type, recipient and day are not made again. Use it to catch up days the
     * host was down, or to run a day ahead.
     *
     * @return one outcome per recipient and type; recipients whose values miss a placeholder, whose
     *         date does not match or whose reminder date has passed are {@link EventOutcome.Status#SKIPPED}
     * @throws IllegalStateException if closed or no {@link RecipientSource} was given
     * @throws OutboxStoreException  if the store fails
     */
    public EventRunReport runFor(LocalDate day) {
        Objects.requireNonNull(day, "day");
        ensureOpen();
        requireSource();
        runLock.lock();
        try {
            List<EventType> disabled = new ArrayList<>();
            List<EventOutcome> outcomes = new ArrayList<>();
            String run = UUID.randomUUID().toString();
            for (EventSettings s : allSettings()) {
                if (!s.type().isDateDriven()) {
                    continue;
                }
                if (!s.enabled()) {
                    disabled.add(s.type());
                    continue;
                }
                runType(s, day, run, outcomes);
            }
            EventRunReport report = new EventRunReport(List.of(day), disabled, outcomes);
            if (report.made() > 0) {
                LOG.info("event notifications for {}: {}", day, report);
            } else {
                LOG.debug("event notifications for {}: {}", day, report);
            }
            return report;
        } finally {
            runLock.unlock();
        }
    }

    private void runType(EventSettings s, LocalDate day, String run, List<EventOutcome> outcomes) {
        EventType type = s.type();
        EventDateQuery query = EventDateQuery.of(type, day, s.daysBefore(), leapDayRule);
        Iterable<EventRecipient> recipients = Objects.requireNonNull(source.recipients(query),
                () -> "RecipientSource returned null for " + query + "; return an empty list instead");
        Set<String> made = new HashSet<>();
        for (EventRecipient r : recipients) {
            Objects.requireNonNull(r, () -> "RecipientSource returned a null recipient for " + query);
            outcomes.add(one(s, query, r, run, made));
        }
    }

    private EventOutcome one(EventSettings s, EventDateQuery query, EventRecipient r, String run, Set<String> made) {
        EventType type = s.type();
        LocalDate day = query.day();
        if (r.eventDate().isPresent() && !query.matches(r.eventDate().get())) {
            return skipped(s, r, day, "date " + r.eventDate().get() + " is not due on " + day);
        }
        String reference = reference(type, r.id(), day);
        Instant now = clock.instant();
        ZoneId zone = r.zone().orElseGet(() -> RecipientZones.zoneOf(r.phone(), defaultZone));
        Instant at = sendMoment(day, zone, now);
        LocalDate sendDate = LocalDate.ofInstant(at, zone);
        LocalDate eventDate = query.date().orElse(day);
        Map<String, Object> values = new LinkedHashMap<>(commonValues);
        values.put("eventDate", eventDate);
        if (type.kind() == EventType.Kind.BEFORE_DATE) {
            if (sendDate.isAfter(eventDate)) {
                return skipped(s, r, day, reference, "its date " + eventDate
                        + " passed before the message could go out (" + sendDate + " in " + zone + ")");
            }
            values.put("daysLeft", ChronoUnit.DAYS.between(sendDate, eventDate));
        }
        values.putAll(r.values());
        String text;
        try {
            text = s.template().render(values);
        } catch (MissingValuesException e) {
            return skipped(s, r, day, reference, "the template has no value for "
                    + String.join(", ", e.missingNames()));
        } catch (SmsException | IllegalArgumentException e) {
            return skipped(s, r, day, reference, e.getMessage());
        }
        SmsMessage message;
        try {
            message = message(s, r, text, run).reference(reference).putMetadata(METADATA_DAY, day.toString()).build();
        } catch (IllegalArgumentException | IllegalStateException e) {
            return skipped(s, r, day, reference, e.getMessage());
        }
        boolean later = at.isAfter(now);
        OutboxEntry e = later ? outbox.schedule(message, at, options(r)) : outbox.enqueue(message, options(r));
        boolean fresh = made.add(reference) && run.equals(e.message().metadata().get(METADATA_RUN));
        LOG.debug("event {} for {} to {} at {} ({}): {}", type.id(), day, PhoneNumbers.mask(r.phone()), at, zone,
                fresh ? "made" : "duplicate");
        EventOutcome.Status status = !fresh ? EventOutcome.Status.DUPLICATE
                : later ? EventOutcome.Status.SCHEDULED : EventOutcome.Status.ENQUEUED;
        return EventOutcome.made(type, r.id(), status, day, e);
    }

    /**
     * {@link EventOutcome.Status#DUPLICATE} when the day's message was made before (a re-run after the
     * reminder date, values changed since), else {@link EventOutcome.Status#SKIPPED}.
     */
    private EventOutcome skipped(EventSettings s, EventRecipient r, LocalDate day, String reference, String reason) {
        Optional<OutboxEntry> made = outbox.query(OutboxQuery.builder().tag("event:" + s.type().id()).contact(r.id())
                        .sort(OutboxQuery.Sort.CREATED_AT, true).limit(OutboxQuery.MAX_LIMIT).build()).stream()
                .filter(e -> e.reference().filter(reference::equals).isPresent())
                .findFirst();
        if (made.isPresent()) {
            return EventOutcome.made(s.type(), r.id(), EventOutcome.Status.DUPLICATE, day, made.get());
        }
        return skipped(s, r, day, reason);
    }

    private static EventOutcome skipped(EventSettings s, EventRecipient r, LocalDate day, String reason) {
        LOG.debug("event {} for {} to {} skipped: {}", s.type().id(), day, PhoneNumbers.mask(r.phone()), reason);
        return EventOutcome.notMade(s.type(), r.id(), EventOutcome.Status.SKIPPED, day, reason);
    }

    /**
     * {@code day} at {@code sendTime} in {@code zone}; when that has passed, now if the local time is
     * within the sending window, else the next local {@code sendTime}.
     */
    private Instant sendMoment(LocalDate day, ZoneId zone, Instant now) {
        Instant planned = ZonedDateTime.of(day, sendTime, zone).toInstant();
        if (!planned.isBefore(now)) {
            return planned;
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        if (!t.isBefore(sendTime) && t.isBefore(latestSendTime)) {
            return now;
        }
        LocalDate next = t.isBefore(sendTime) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return ZonedDateTime.of(next, sendTime, zone).toInstant();
    }

    private void requireSource() {
        if (source == null) {
            throw new IllegalStateException("no RecipientSource: set one with EventNotifications.builder()"
                    + ".recipients(...) to run date-driven events");
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("event notifications are closed; build new ones");
        }
    }

    /**
     * Stops the daily job and, if these notifications created their executor, shuts it down; waits for
     * a running date to finish. Does not close the outbox. Calling it again does nothing.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        ScheduledFuture<?> t = ticking;
        if (t != null) {
            t.cancel(false);
        }
        runLock.lock();
        runLock.unlock();
        if (ownExecutor) {
            executor.shutdown();
        }
    }

    @Override
    public String toString() {
        return "EventNotifications{sendTime=" + sendTime + ", defaultZone=" + defaultZone + ", types="
                + allSettings().stream().map(s -> s.type().id() + (s.enabled() ? "" : "(off)")).toList() + '}';
    }

    /** Configures {@link EventNotifications}; not thread-safe. {@code outbox} is required. */
    public static final class Builder {
        private Outbox outbox;
        private RecipientSource source;
        private ZoneId defaultZone;
        private LocalTime sendTime = DEFAULT_SEND_TIME;
        private LocalTime latestSendTime = DEFAULT_LATEST_SEND_TIME;
        private LeapDayRule leapDayRule = LeapDayRule.FEB_28;
        private int catchUpDays = DEFAULT_CATCH_UP_DAYS;
        private Duration checkInterval = DEFAULT_CHECK_INTERVAL;
        private Clock clock;
        private ScheduledExecutorService executor;
        private String operator = DEFAULT_OPERATOR;
        private final Map<String, Object> commonValues = new LinkedHashMap<>();
        private final Map<String, EventSettings> settings = new LinkedHashMap<>();

        private Builder() {
            for (EventType t : EventType.builtIn()) {
                settings.put(t.id(), EventSettings.builder(t).build());
            }
        }

        /** The outbox the messages go into (required, set once). */
        public Builder outbox(Outbox outbox) {
            this.outbox = Checks.once("outbox", this.outbox, outbox);
            return this;
        }

        /** The host's source of date-driven recipients; required for {@link #start()} and the runs. */
        public Builder recipients(RecipientSource source) {
            this.source = Checks.once("recipients", this.source, source);
            return this;
        }

        /**
         * The zone of recipients without an explicit zone whose number does not tell one (written
         * without {@code +country}, or a country with several zones); default the system's zone.
         */
        public Builder defaultZone(ZoneId defaultZone) {
            this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
            return this;
        }

        /** Local time date-driven messages go out; default {@link #DEFAULT_SEND_TIME} (09:00). */
        public Builder sendTime(LocalTime sendTime) {
            this.sendTime = Objects.requireNonNull(sendTime, "sendTime");
            return this;
        }

        /**
         * Local time after which a late message waits for the next {@code sendTime}; default
         * {@link #DEFAULT_LATEST_SEND_TIME} (21:00). Must be after {@code sendTime} (checked by {@code build()}).
         */
        public Builder latestSendTime(LocalTime latestSendTime) {
            this.latestSendTime = Objects.requireNonNull(latestSendTime, "latestSendTime");
            return this;
        }

        /** Where 29 February dates go in other years; default {@link LeapDayRule#FEB_28}. */
        public Builder leapDayRule(LeapDayRule leapDayRule) {
            this.leapDayRule = Objects.requireNonNull(leapDayRule, "leapDayRule");
            return this;
        }

        /**
         * Dates before the current ones that the first {@link EventNotifications#runDue()} runs again;
         * default {@link #DEFAULT_CATCH_UP_DAYS}. 0 on a first installation avoids late greetings.
         *
         * @throws IllegalArgumentException if not between 0 and {@value #MAX_CATCH_UP_DAYS}
         */
        public Builder catchUpDays(int catchUpDays) {
            if (catchUpDays < 0 || catchUpDays > MAX_CATCH_UP_DAYS) {
                throw new IllegalArgumentException("catchUpDays must be between 0 and " + MAX_CATCH_UP_DAYS
                        + ", was " + catchUpDays + "; run older days with runFor(day)");
            }
            this.catchUpDays = catchUpDays;
            return this;
        }

        /**
         * How often the started job looks for due dates; default {@link #DEFAULT_CHECK_INTERVAL}.
         *
         * @throws IllegalArgumentException if not positive or longer than 6 hours
         */
        public Builder checkInterval(Duration checkInterval) {
            Checks.positive("checkInterval", checkInterval);
            if (checkInterval.compareTo(Duration.ofHours(6)) > 0) {
                throw new IllegalArgumentException("checkInterval must be at most 6 hours so dates run before "
                        + "their sending time, was " + checkInterval);
            }
            this.checkInterval = checkInterval;
            return this;
        }

        /** Time source; default the UTC system clock. Set once. */
        public Builder clock(Clock clock) {
            this.clock = Checks.once("clock", this.clock, clock);
            return this;
        }

        /** Executor of the daily job; default a daemon thread of its own, shut down by {@code close()}. Set once. */
        public Builder executor(ScheduledExecutorService executor) {
            this.executor = Checks.once("executor", this.executor, executor);
            return this;
        }

        /** The entries' operator (who queued them); default {@link #DEFAULT_OPERATOR}. */
        public Builder operator(String operator) {
            this.operator = Checks.text("operator", operator, 100);
            return this;
        }

        /** Adds a value every template may use (company name, telephone, signature). */
        public Builder putCommonValue(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("common value names must not be blank");
            }
            commonValues.put(name, Objects.requireNonNull(value, () -> "value of '" + name + "'"));
            return this;
        }

        /**
         * Registers a type or replaces a type's settings (built-in types start disabled with their
         * default template).
         *
         * @throws IllegalArgumentException if another type with the same id but a different definition is registered
         */
        public Builder configure(EventSettings eventSettings) {
            put(settings, Objects.requireNonNull(eventSettings, "eventSettings"));
            return this;
        }

        /**
         * The notifications.
         *
         * @throws IllegalStateException    if no outbox was given
         * @throws IllegalArgumentException if {@code latestSendTime} is not after {@code sendTime}
         */
        public EventNotifications build() {
            if (outbox == null) {
                throw new IllegalStateException("no outbox: call outbox(...)");
            }
            if (!latestSendTime.isAfter(sendTime)) {
                throw new IllegalArgumentException("latestSendTime " + latestSendTime + " must be after sendTime "
                        + sendTime);
            }
            return new EventNotifications(this);
        }
    }
}
