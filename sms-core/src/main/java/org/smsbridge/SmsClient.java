package org.smsbridge;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsbridge.filter.FilterPolicy;
import org.smsbridge.filter.KeywordFilter;
import org.smsbridge.filter.KeywordHit;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.spi.CallerWaits;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.SenderRules;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.text.Encoding;
import org.smsbridge.text.SegmentInfo;
import org.smsbridge.text.SmsText;

/**
 * Sends SMS through one {@link SmsProvider}, after checking and normalizing every message: the
 * number to E.164, the sender against the provider's rules, the text's encoding and length, and
 * the keyword filter. Create one client per provider account and share it: it is immutable and
 * thread-safe.
 *
 * <pre>{@code
 * SmsClient sms = SmsClient.builder()
 *         .provider(new ConsoleSmsProvider())
 *         .defaultSender("ACME")
 *         .defaultRegion("GR")
 *         .build();
 * SendResult r = sms.message().to("691 234 5678").text("Your car is ready").send();
 * }</pre>
 *
 * <p>{@link #close()} closes the provider.
 */
public final class SmsClient implements AutoCloseable {
    /** Default for {@link Builder#maxSegments(int)}. */
    public static final int DEFAULT_MAX_SEGMENTS = 10;
    /** Largest value {@link Builder#maxSegments(int)} accepts. */
    public static final int MAX_SEGMENTS_LIMIT = 15;
    /** Default for {@link Builder#maxInFlight(int)}. */
    public static final int DEFAULT_MAX_IN_FLIGHT = 16;
    /** Default for {@link Builder#sendTimeout(Duration)}. */
    public static final Duration DEFAULT_SEND_TIMEOUT = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(SmsClient.class);

    private final SmsProvider provider;
    private final SenderRules senderRules;
    private final Set<Capability> capabilities;
    private final SenderId defaultSender;
    private final String defaultRegion;
    private final KeywordFilter keywordFilter;
    private final FilterPolicy filterPolicy;
    private final int maxSegments;
    private final boolean smartEncoding;
    private final Clock clock;
    private final int maxInFlight;
    private final Duration sendTimeout;
    private final List<Interceptor> interceptors;
    private final List<SmsEventListener> listeners;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SmsClient(Builder b) {
        this.provider = b.provider;
        this.senderRules = Objects.requireNonNull(provider.senderRules(), "provider.senderRules()");
        this.capabilities = Set.copyOf(provider.capabilities());
        this.defaultSender = b.defaultSender;
        this.defaultRegion = b.defaultRegion;
        this.keywordFilter = b.keywordFilter;
        this.filterPolicy = b.filterPolicy;
        this.maxSegments = b.maxSegments;
        this.smartEncoding = b.smartEncoding;
        this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
        this.maxInFlight = b.maxInFlight;
        this.sendTimeout = b.sendTimeout;
        this.interceptors = List.copyOf(b.interceptors);
        this.listeners = List.copyOf(b.listeners);
    }

    /** Starts a client; only {@link Builder#provider(SmsProvider)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a message to send with this client.
     *
     * <pre>{@code
     * sms.message().to("+306912345678").text("Hi").send();
     * }</pre>
     */
    public MessageBuilder message() {
        return new MessageBuilder(this);
    }

    /**
     * Sends one message and waits for the provider's answer. Providers that can (the HTTP providers
     * of sms-providers) then do the exchange on the calling thread, which saves two thread
     * hand-offs per message; see {@link org.smsbridge.spi.CallerWaits}.
     *
     * @return the provider's answer
     * @throws SmsException when the message is invalid ({@code INVALID_NUMBER}, {@code INVALID_SENDER},
     *                      {@code MESSAGE_TOO_LONG}, {@code BLOCKED_KEYWORD}, ...), the provider
     *                      refuses it, or no answer comes within the send timeout ({@code TIMEOUT})
     */
    public SendResult send(SmsMessage message) {
        // The caller waits anyway, so its own timed wait is the timeout: no timer task per send
        // (orTimeout would wake the JDK's delayer thread on every send of a lone caller).
        CompletableFuture<SendResult> answer = new CompletableFuture<>();
        CompletableFuture<SendResult> f = submit(message, answer);
        try {
            return f.get(sendTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            f.cancel(false);
            throw new SmsException(ErrorKind.TIMEOUT, "interrupted while waiting for provider '" + provider.name()
                    + "'; the message may or may not have been sent", e);
        } catch (ExecutionException e) {
            throw toSmsException(e.getCause());
        } catch (TimeoutException e) {
            answer.completeExceptionally(e); // reported to listeners as a timeout, like sendAsync's
            try {
                return f.join(); // the answer may have arrived just in time
            } catch (CompletionException late) {
                throw toSmsException(late.getCause());
            }
        }
    }

    /**
     * Sends one message without blocking. Validation problems complete the future exceptionally,
     * like provider errors; this method itself throws only for a null message or a closed client.
     *
     * @return a future of the provider's answer, failed with {@link SmsException}
     */
    public CompletableFuture<SendResult> sendAsync(SmsMessage message) {
        return submit(message, null);
    }

    /**
     * Checks, then sends through the interceptors and the provider. With {@code answer} null the
     * provider's future gets the send timeout; otherwise the provider's outcome is copied into
     * {@code answer}, whose caller enforces the timeout by completing it first.
     */
    private CompletableFuture<SendResult> submit(SmsMessage message, CompletableFuture<SendResult> answer) {
        Objects.requireNonNull(message, "message");
        ensureOpen();
        OutgoingSms sms;
        try {
            sms = prepare(message);
        } catch (SmsException e) {
            if (LOG.isDebugEnabled()) {
                LOG.debug("not sending to {}: {}", PhoneNumbers.mask(message.to()), e.getMessage());
            }
            emit(l -> l.rejected(message, e));
            return CompletableFuture.failedFuture(e);
        }
        emit(l -> l.submitting(sms));
        long start = System.nanoTime();
        if (LOG.isDebugEnabled()) {
            LOG.debug("sending to {} via {}{}", PhoneNumbers.mask(sms.to()), provider.name(),
                    sms.segmentInfo().map(i -> " (" + i.segments() + " segments, " + i.encoding().displayName() + ")")
                            .orElse(" (template " + sms.templateId().orElse("") + ")"));
        }
        // send() waits on this thread: the provider may do its exchange right here (CallerWaits).
        Thread waiter = answer == null ? null : Thread.currentThread();
        CompletableFuture<SendResult> result = new RealChain(0, sms, waiter, start + sendTimeout.toNanos()).proceed(sms);
        if (!result.isDone()) {
            // Only a pending answer needs a timer; in-process providers (fake, console) answer at once.
            if (answer == null) {
                result = result.orTimeout(sendTimeout.toNanos(), TimeUnit.NANOSECONDS);
            } else {
                result.whenComplete((r, e) -> {
                    if (e != null) {
                        answer.completeExceptionally(e);
                    } else {
                        answer.complete(r);
                    }
                });
                result = answer;
            }
        }
        return result.handle((r, e) -> {
                    if (e != null) {
                        SmsException se = toSmsException(e);
                        if (LOG.isDebugEnabled()) {
                            LOG.debug("provider {} failed for {}: {} {}", provider.name(),
                                    PhoneNumbers.mask(sms.to()), se.kind(), se.getMessage());
                        }
                        Duration took = Duration.ofNanos(System.nanoTime() - start);
                        emit(l -> l.failed(sms, se, took));
                        throw new CompletionException(se);
                    }
                    if (LOG.isDebugEnabled()) {
                        LOG.debug("provider {} accepted {} as {}", provider.name(), PhoneNumbers.mask(sms.to()),
                                r.messageId());
                    }
                    Duration took = Duration.ofNanos(System.nanoTime() - start);
                    emit(l -> l.sent(sms, r, took));
                    return r;
                });
    }

    /** Like {@link #sendAll(Collection, Consumer)} without progress reports. */
    public BatchResult sendAll(Collection<SmsMessage> messages) {
        return sendAll(messages, p -> { });
    }

    /**
     * Sends many messages, at most {@link Builder#maxInFlight(int)} at a time, and waits for all.
     * Never throws for one bad message: each outcome is in the result, in input order.
     *
     * @param messages the messages; none may be null
     * @param progress called after each message completes, one call at a time, possibly from a
     *                 provider thread; keep it quick. An exception it throws is logged and ignored.
     * @return every outcome in input order
     * @throws NullPointerException if {@code messages}, an element or {@code progress} is null
     */
    public BatchResult sendAll(Collection<SmsMessage> messages, Consumer<BatchProgress> progress) {
        Objects.requireNonNull(progress, "progress");
        Objects.requireNonNull(messages, "messages");
        List<SmsMessage> list = new ArrayList<>(messages);
        int at = list.indexOf(null);
        if (at >= 0) {
            throw new NullPointerException("messages[" + at + "] is null; nothing was sent. Leave out empty "
                    + "rows before calling sendAll");
        }
        ensureOpen();
        int total = list.size();
        BatchResult.Entry[] entries = new BatchResult.Entry[total];
        Semaphore permits = new Semaphore(maxInFlight);
        Object lock = new Object();
        int[] counts = new int[3]; // completed, succeeded, failed
        for (int i = 0; i < total; i++) {
            int index = i;
            SmsMessage m = list.get(i);
            permits.acquireUninterruptibly();
            CompletableFuture<SendResult> f;
            try {
                f = sendAsync(m);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            f.whenComplete((r, e) -> {
                BatchResult.Entry entry = e == null ? BatchResult.Entry.success(index, m, r)
                        : BatchResult.Entry.failure(index, m, toSmsException(e));
                BatchProgress p;
                synchronized (lock) {
                    entries[index] = entry;
                    counts[0]++;
                    counts[e == null ? 1 : 2]++;
                    p = new BatchProgress(counts[0], total, counts[1], counts[2]);
                    try {
                        progress.accept(p);
                    } catch (RuntimeException listenerError) {
                        LOG.warn("sendAll progress listener threw; ignoring it", listenerError);
                    }
                }
                permits.release();
            });
        }
        permits.acquireUninterruptibly(maxInFlight);
        synchronized (lock) {
            return new BatchResult(List.of(entries));
        }
    }

    /**
     * Checks a message without sending it: the "check tool" before a send button. Collects every
     * problem instead of stopping at the first.
     */
    public ContentReport check(SmsMessage message) {
        Objects.requireNonNull(message, "message");
        return inspect(message, false).report;
    }

    /**
     * Asks the provider whether the account settings work (the settings dialog's "test" button).
     * Never throws for a failed check: an unreachable provider is an invalid check whose
     * {@link CredentialCheck#failureKind()} says so.
     */
    public CredentialCheck verifyCredentials() {
        ensureOpen();
        try {
            return CallerWaits.waitingFor(sendTimeout, provider::verifyCredentials)
                    .get(sendTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CredentialCheck.invalid(ErrorKind.TIMEOUT, "interrupted while checking the account", clock.instant());
        } catch (ExecutionException e) {
            SmsException se = toSmsException(e.getCause());
            return CredentialCheck.invalid(se.kind(), se.getMessage(), clock.instant());
        } catch (TimeoutException e) {
            return CredentialCheck.invalid(ErrorKind.TIMEOUT, queryTimeout().getMessage(), clock.instant());
        }
    }

    /**
     * Asks the provider for the prepaid balance.
     *
     * @throws SmsException {@link ErrorKind#CONFIGURATION} when the provider cannot tell (no
     *                      {@link Capability#BALANCE}); other kinds when the provider fails
     */
    public Balance balance() {
        ensureOpen();
        if (!capabilities.contains(Capability.BALANCE)) {
            throw new SmsException(ErrorKind.CONFIGURATION, "provider '" + provider.name()
                    + "' cannot report a balance (no Capability.BALANCE)");
        }
        try {
            return CallerWaits.waitingFor(sendTimeout, provider::balance).get(sendTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SmsException(ErrorKind.TIMEOUT, "interrupted while asking for the balance", e);
        } catch (ExecutionException e) {
            throw toSmsException(e.getCause());
        } catch (TimeoutException e) {
            throw queryTimeout();
        }
    }

    /** The provider this client sends through. */
    public SmsProvider provider() {
        return provider;
    }

    /** The provider's capabilities. */
    public Set<Capability> capabilities() {
        return capabilities;
    }

    /** The clock this client uses. */
    public Clock clock() {
        return clock;
    }

    /** Closes the provider. Idempotent; sending afterwards is an error. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            provider.close();
        }
    }

    /**
     * The provider's name and the client's settings, for logs: no secret (the provider's
     * credentials are not part of the client) and no message content.
     */
    @Override
    public String toString() {
        return "SmsClient[provider=" + provider.name() + ", defaultSender=" + (defaultSender == null ? "none" : defaultSender)
                + ", defaultRegion=" + (defaultRegion == null ? "none" : defaultRegion)
                + ", keywordFilter=" + (keywordFilter == null ? "none" : filterPolicy + " " + keywordFilter.keywords().size()
                        + " keywords")
                + ", maxSegments=" + maxSegments + ", smartEncoding=" + smartEncoding + ", maxInFlight=" + maxInFlight
                + ", sendTimeout=" + sendTimeout + (closed.get() ? ", closed" : "") + "]";
    }

    private void emit(Consumer<SmsEventListener> event) {
        for (SmsEventListener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("SmsEventListener {} threw; ignoring it", l.getClass().getName(), e);
            }
        }
    }

    private void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("SmsClient is closed");
        }
    }

    /** A send that got no answer in time. */
    private SmsException timeout() {
        return timeout("the message may still have been sent, check before sending again");
    }

    /** A credential check or balance query that got no answer in time: nothing was sent or changed. */
    private SmsException queryTimeout() {
        return timeout("nothing was sent or changed; try again later");
    }

    private SmsException timeout(String consequence) {
        return new SmsException(ErrorKind.TIMEOUT, "no answer from provider '" + provider.name() + "' within "
                + (sendTimeout.toMillis() < 1000 || sendTimeout.toMillis() % 1000 != 0
                        ? sendTimeout.toMillis() + " ms" : sendTimeout.toSeconds() + " s")
                + "; " + consequence);
    }

    private SmsException toSmsException(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof SmsException) {
            return (SmsException) t;
        }
        if (t instanceof TimeoutException) {
            return timeout();
        }
        if (t instanceof CancellationException) {
            return new SmsException(ErrorKind.TIMEOUT, "sending was cancelled; the message may or may not have "
                    + "been sent", t);
        }
        if (t instanceof InterceptorMisuse) {
            return new SmsException(ErrorKind.CONFIGURATION, t.getMessage(), t);
        }
        // the message of an unknown exception is left out: third-party code may put secrets in it
        return new SmsException(ErrorKind.PROVIDER_ERROR, "provider '" + provider.name() + "' failed unexpectedly: "
                + t.getClass().getSimpleName(), t);
    }

    /** Validates and normalizes, throwing the first problem. */
    OutgoingSms prepare(SmsMessage message) {
        Inspection i = inspect(message, true);
        if (!i.report.isSendable()) {
            throw i.firstError;
        }
        return i.outgoing;
    }

    private static final class Inspection {
        ContentReport report;
        OutgoingSms outgoing;
        SmsException firstError;
    }

    /** Runs every check; {@code sending} is false for {@link #check}, which sends nothing and logs nothing. */
    private Inspection inspect(SmsMessage message, boolean sending) {
        List<ContentReport.Problem> problems = new ArrayList<>();
        SmsException[] first = new SmsException[1];
        Consumer<SmsException> problem = e -> {
            problems.add(new ContentReport.Problem(e.kind(), e.getMessage()));
            if (first[0] == null) {
                first[0] = e;
            }
        };

        String to = null;
        try {
            to = defaultRegion == null ? PhoneNumbers.normalize(message.to())
                    : PhoneNumbers.normalize(message.to(), defaultRegion);
        } catch (SmsException e) {
            problem.accept(e);
        }

        SenderId sender = null;
        Optional<String> from = message.from();
        try {
            if (from.isPresent()) {
                sender = SenderId.parse(from.get());
            } else {
                sender = defaultSender;
            }
            if (sender != null) {
                senderRules.validate(sender, provider.name());
            } else if (senderRules.senderRequired()) {
                throw new SmsException(ErrorKind.INVALID_SENDER, "provider '" + provider.name()
                        + "' requires a sender ID; set SmsClient.builder().defaultSender(...) or message from(...)");
            }
        } catch (SmsException e) {
            problem.accept(e);
            sender = null;
        }

        SegmentInfo info = null;
        List<KeywordHit> hits = List.of();
        String finalText = null;
        if (message.isTemplate()) {
            if (!capabilities.contains(Capability.TEMPLATES) && !capabilities.contains(Capability.TEMPLATES_ONLY)) {
                problem.accept(new SmsException(ErrorKind.CONFIGURATION, "provider '" + provider.name()
                        + "' does not send provider templates; send a text instead of templateId(...)"));
            }
        } else {
            String text = message.text().orElse("");
            if (capabilities.contains(Capability.TEMPLATES_ONLY)) {
                problem.accept(new SmsException(ErrorKind.CONFIGURATION, "provider '" + provider.name()
                        + "' sends only carrier-approved templates; use templateId(...) and template parameters "
                        + "instead of text(...)"));
            }
            if (text.isBlank()) {
                problem.accept(new SmsException(ErrorKind.INVALID_CONTENT, "message text is empty; write a text"));
            }
            if (keywordFilter != null) {
                hits = keywordFilter.findAll(text);
                if (!hits.isEmpty()) {
                    switch (filterPolicy) {
                        case REJECT:
                            problem.accept(new SmsException(ErrorKind.BLOCKED_KEYWORD, "text contains blocked "
                                    + (hits.size() == 1 ? "keyword " : "keywords ") + describeHits(text, hits)
                                    + "; remove or rephrase " + (hits.size() == 1 ? "it" : "them")));
                            break;
                        case MASK:
                            text = maskHits(text, hits);
                            break;
                        default:
                            if (sending) {
                                LOG.warn("text to {} contains blocked keywords {}; sending anyway (FilterPolicy.WARN)",
                                        PhoneNumbers.mask(message.to()), describeHits(text, hits));
                            }
                    }
                }
            }
            info = SmsText.analyze(text, smartEncoding);
            finalText = info.text();
            if (info.encoding() == Encoding.UCS_2 && !capabilities.contains(Capability.UNICODE)) {
                problem.accept(new SmsException(ErrorKind.INVALID_CONTENT, "provider '" + provider.name()
                        + "' sends only GSM-7 text, but the text contains " + quoteChars(info.nonGsmCharacters())
                        + "; remove or replace " + (info.nonGsmCharacters().size() == 1 ? "it" : "them")));
            }
            if (info.segments() > maxSegments) {
                // one SMS holds 160/70; parts of a longer one hold 153/67 each
                int capacity = maxSegments == 1 ? info.encoding().singleSegmentCapacity()
                        : maxSegments * info.encoding().multiSegmentCapacity();
                problem.accept(new SmsException(ErrorKind.MESSAGE_TOO_LONG, "text needs " + info.segments()
                        + " SMS (" + info.charactersUsed() + " " + info.encoding().displayName()
                        + " characters) but this client allows at most " + maxSegments
                        + " (maxSegments); shorten it by at least " + (info.charactersUsed() - capacity)
                        + (info.charactersUsed() - capacity == 1 ? " character" : " characters")));
            }
        }

        if (message.validUntil().isPresent() && !message.validUntil().get().isAfter(clock.instant())) {
            problem.accept(new SmsException(ErrorKind.INVALID_CONTENT, "message validUntil "
                    + message.validUntil().get() + " has passed; it would arrive too late"));
        }

        Inspection result = new Inspection();
        result.report = new ContentReport(to, sender, info, hits, problems);
        result.firstError = first[0];
        if (problems.isEmpty()) {
            SmsMessage.Builder nb = message.toBuilder().to(to);
            if (finalText != null && !finalText.equals(message.text().orElse(null))) {
                nb.text(finalText);
            }
            if (sender != null && !sender.value().equals(message.from().orElse(null))) {
                nb.from(sender.value());
            }
            result.outgoing = OutgoingSms.create(nb.build(), Optional.ofNullable(sender), Optional.ofNullable(info));
        }
        return result;
    }

    /** The filter's own mask, from the hits already found instead of a second scan. */
    private static String maskHits(String text, List<KeywordHit> hits) {
        char[] chars = text.toCharArray();
        for (KeywordHit h : hits) {
            Arrays.fill(chars, h.start(), h.end(), '*');
        }
        return new String(chars);
    }

    private static String describeHits(String text, List<KeywordHit> hits) {
        StringBuilder s = new StringBuilder();
        Set<String> seen = new LinkedHashSet<>();
        for (KeywordHit h : hits) {
            if (seen.add(h.keyword())) {
                s.append(s.length() == 0 ? "" : ", ").append('\'').append(h.keyword()).append('\'');
                String matched = h.matchedIn(text);
                if (!matched.equals(h.keyword())) {
                    s.append(" (as '").append(matched).append("')");
                }
                s.append(" at ").append(h.start());
            }
        }
        return s.toString();
    }

    private static String quoteChars(List<String> chars) {
        StringBuilder s = new StringBuilder();
        int n = Math.min(chars.size(), 10);
        for (int i = 0; i < n; i++) {
            s.append(i == 0 ? "" : " ").append('\'').append(chars.get(i)).append('\'');
        }
        if (chars.size() > n) {
            s.append(" and ").append(chars.size() - n).append(" more");
        }
        return s.toString();
    }

    /** A programming error in an interceptor (or a provider returning null): reported as CONFIGURATION with its text. */
    private static final class InterceptorMisuse extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        InterceptorMisuse(String message) {
            super(message);
        }

        InterceptorMisuse(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** One step of the interceptor chain; the last step calls the provider. */
    private final class RealChain implements Interceptor.Chain {
        private final int index;
        private final OutgoingSms sms;
        private final AtomicBoolean proceeded = new AtomicBoolean();
        /** The thread blocked in send() on this message, or null for sendAsync. */
        private final Thread waiter;
        /** When that thread stops waiting, in System.nanoTime() units. */
        private final long deadline;

        RealChain(int index, OutgoingSms sms, Thread waiter, long deadline) {
            this.index = index;
            this.sms = sms;
            this.waiter = waiter;
            this.deadline = deadline;
        }

        @Override
        public OutgoingSms sms() {
            return sms;
        }

        @Override
        public CompletableFuture<SendResult> proceed(OutgoingSms next) {
            Objects.requireNonNull(next, "sms");
            if (!proceeded.compareAndSet(false, true)) {
                throw new InterceptorMisuse("Interceptor.Chain.proceed called more than once"
                        + (index > 0 ? " by " + interceptors.get(index - 1).getClass().getName() : "")
                        + "; an interceptor calls it exactly once, or not at all to answer by itself");
            }
            try {
                CompletableFuture<SendResult> f;
                if (index < interceptors.size()) {
                    f = interceptors.get(index).intercept(new RealChain(index + 1, next, waiter, deadline));
                } else if (waiter == Thread.currentThread()) {
                    long left = deadline - System.nanoTime();
                    f = left > 0 ? CallerWaits.waitingFor(Duration.ofNanos(left), () -> provider.submit(next))
                            : provider.submit(next);
                } else {
                    // An async send reached from inside a waiting provider call (a provider that
                    // sends through another client, say) must not block that thread.
                    f = CallerWaits.isWaiting() ? CallerWaits.notWaiting(() -> provider.submit(next))
                            : provider.submit(next);
                }
                if (f == null) {
                    throw new InterceptorMisuse((index < interceptors.size()
                            ? "interceptor " + interceptors.get(index).getClass().getName()
                            : "provider " + provider.name()) + " returned null instead of a future; return "
                            + "chain.proceed(...) or a completed future");
                }
                return f;
            } catch (SmsException | InterceptorMisuse | CompletionException e) {
                return CompletableFuture.failedFuture(e);
            } catch (RuntimeException e) {
                if (index < interceptors.size()) {
                    // a bug in the host's interceptor, not a provider failure; its message is left
                    // out (it may hold anything), the exception is kept as the cause
                    return CompletableFuture.failedFuture(new InterceptorMisuse("interceptor "
                            + interceptors.get(index).getClass().getName() + " threw " + e.getClass().getSimpleName()
                            + "; to refuse a message, throw or return a failed future with an SmsException", e));
                }
                return CompletableFuture.failedFuture(e);
            }
        }
    }

    /**
     * A message being written for this client: the fluent form of {@link SmsMessage.Builder} that
     * ends in {@link #send()}. Not thread-safe; use one per message.
     */
    public static final class MessageBuilder {
        private final SmsClient client;
        private final SmsMessage.Builder builder = SmsMessage.builder();

        private MessageBuilder(SmsClient client) {
            this.client = client;
        }

        /** @see SmsMessage.Builder#to(String) */
        public MessageBuilder to(String to) {
            builder.to(to);
            return this;
        }

        /** @see SmsMessage.Builder#from(String) */
        public MessageBuilder from(String from) {
            builder.from(from);
            return this;
        }

        /** @see SmsMessage.Builder#text(String) */
        public MessageBuilder text(String text) {
            builder.text(text);
            return this;
        }

        /** @see SmsMessage.Builder#templateId(String) */
        public MessageBuilder templateId(String templateId) {
            builder.templateId(templateId);
            return this;
        }

        /** @see SmsMessage.Builder#templateParams(Map) */
        public MessageBuilder templateParams(Map<String, String> params) {
            builder.templateParams(params);
            return this;
        }

        /** @see SmsMessage.Builder#putTemplateParam(String, String) */
        public MessageBuilder putTemplateParam(String name, String value) {
            builder.putTemplateParam(name, value);
            return this;
        }

        /** @see SmsMessage.Builder#reference(String) */
        public MessageBuilder reference(String reference) {
            builder.reference(reference);
            return this;
        }

        /** @see SmsMessage.Builder#tag(String) */
        public MessageBuilder tag(String tag) {
            builder.tag(tag);
            return this;
        }

        /** @see SmsMessage.Builder#purpose(MessagePurpose) */
        public MessageBuilder purpose(MessagePurpose purpose) {
            builder.purpose(purpose);
            return this;
        }

        /** @see SmsMessage.Builder#validUntil(Instant) */
        public MessageBuilder validUntil(Instant validUntil) {
            builder.validUntil(validUntil);
            return this;
        }

        /** @see SmsMessage.Builder#putMetadata(String, String) */
        public MessageBuilder putMetadata(String key, String value) {
            builder.putMetadata(key, value);
            return this;
        }

        /** The message written so far. @throws IllegalStateException if recipient or content is missing */
        public SmsMessage build() {
            return builder.build();
        }

        /** Sends it and waits. @see SmsClient#send(SmsMessage) */
        public SendResult send() {
            return client.send(build());
        }

        /** Sends it without waiting. @see SmsClient#sendAsync(SmsMessage) */
        public CompletableFuture<SendResult> sendAsync() {
            return client.sendAsync(build());
        }

        /** Checks it without sending. @see SmsClient#check(SmsMessage) */
        public ContentReport check() {
            return client.check(build());
        }
    }

    /** Builds an {@link SmsClient}; not thread-safe. Each setter checks its argument. */
    public static final class Builder {
        private SmsProvider provider;
        private SenderId defaultSender;
        private String defaultRegion;
        private KeywordFilter keywordFilter;
        private FilterPolicy filterPolicy;
        private int maxSegments = DEFAULT_MAX_SEGMENTS;
        private boolean smartEncoding;
        private Clock clock;
        private int maxInFlight = DEFAULT_MAX_IN_FLIGHT;
        private Duration sendTimeout = DEFAULT_SEND_TIMEOUT;
        private final List<Interceptor> interceptors = new ArrayList<>();
        private final List<SmsEventListener> listeners = new ArrayList<>();

        private Builder() {
        }

        /**
         * The provider to send through. Required; given once.
         *
         * @throws IllegalStateException if a provider was already set
         */
        public Builder provider(SmsProvider provider) {
            Objects.requireNonNull(provider, "provider");
            if (this.provider != null) {
                throw new IllegalStateException("provider was already set to '" + this.provider.name() + "'");
            }
            this.provider = provider;
            return this;
        }

        /**
         * The sender for messages that do not name one; checked against the provider's rules in
         * {@link #build()}. Default: none.
         *
         * @throws SmsException {@link ErrorKind#INVALID_SENDER} if it breaks the general sender rules
         */
        public Builder defaultSender(String sender) {
            this.defaultSender = SenderId.parse(sender);
            return this;
        }

        /**
         * The region of numbers written without {@code +country}, as an ISO 3166 code such as
         * {@code "GR"}. Default: none, so every number must be international.
         *
         * @throws IllegalArgumentException if the region is unknown
         */
        public Builder defaultRegion(String region) {
            this.defaultRegion = PhoneNumbers.checkRegion(region);
            return this;
        }

        /** Checks every text against {@code filter} and applies {@code policy} to hits. Default: no filter. */
        public Builder keywordFilter(KeywordFilter filter, FilterPolicy policy) {
            this.keywordFilter = Objects.requireNonNull(filter, "filter");
            this.filterPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * The most segments (billed SMS) one text may take; longer texts fail with
         * {@link ErrorKind#MESSAGE_TOO_LONG}. Default {@value #DEFAULT_MAX_SEGMENTS}.
         *
         * @throws IllegalArgumentException if not between 1 and {@value SmsClient#MAX_SEGMENTS_LIMIT}
         */
        public Builder maxSegments(int maxSegments) {
            if (maxSegments < 1 || maxSegments > MAX_SEGMENTS_LIMIT) {
                throw new IllegalArgumentException("maxSegments must be between 1 and " + MAX_SEGMENTS_LIMIT
                        + ", was " + maxSegments);
            }
            this.maxSegments = maxSegments;
            return this;
        }

        /**
         * Whether to replace typographic look-alikes (curly quotes, dashes, special spaces) by GSM
         * characters when that makes a text GSM-7. Default false.
         *
         * @see SmsText#analyze(String, boolean)
         */
        public Builder smartEncoding(boolean smartEncoding) {
            this.smartEncoding = smartEncoding;
            return this;
        }

        /**
         * The clock for validity checks. Default the UTC system clock; given once.
         *
         * @throws IllegalStateException if a clock was already set
         */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            if (this.clock != null) {
                throw new IllegalStateException("clock was already set");
            }
            this.clock = clock;
            return this;
        }

        /**
         * How many messages {@link SmsClient#sendAll} hands to the provider at once. Default
         * {@value #DEFAULT_MAX_IN_FLIGHT}.
         *
         * @throws IllegalArgumentException if not between 1 and 10,000
         */
        public Builder maxInFlight(int maxInFlight) {
            if (maxInFlight < 1 || maxInFlight > 10_000) {
                throw new IllegalArgumentException("maxInFlight must be between 1 and 10000, was " + maxInFlight);
            }
            this.maxInFlight = maxInFlight;
            return this;
        }

        /**
         * How long to wait for the provider's answer to one message. Default 30 seconds.
         *
         * @throws IllegalArgumentException if not positive
         */
        public Builder sendTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "sendTimeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("sendTimeout must be positive, was " + timeout);
            }
            this.sendTimeout = timeout;
            return this;
        }

        /** Adds an interceptor after those added before (the first added runs first). */
        public Builder addInterceptor(Interceptor interceptor) {
            interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
            return this;
        }

        /** Adds a listener for typed send events (validation rejects, submissions, results). */
        public Builder addEventListener(SmsEventListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** Replaces all interceptors. */
        public Builder interceptors(List<Interceptor> all) {
            Objects.requireNonNull(all, "interceptors");
            interceptors.clear();
            all.forEach(this::addInterceptor);
            return this;
        }

        /**
         * Creates the client.
         *
         * @throws IllegalStateException if no provider was set
         * @throws SmsException          {@link ErrorKind#INVALID_SENDER} if the default sender breaks the
         *                               provider's sender rules
         */
        public SmsClient build() {
            if (provider == null) {
                throw new IllegalStateException("no provider: call provider(...), e.g. new ConsoleSmsProvider()");
            }
            if (defaultSender != null) {
                provider.senderRules().validate(defaultSender, provider.name());
            }
            return new SmsClient(this);
        }
    }
}
