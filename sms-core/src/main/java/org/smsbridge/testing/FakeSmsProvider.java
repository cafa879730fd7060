package org.smsbridge.testing;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.smsbridge.Balance;
import org.smsbridge.CredentialCheck;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.SmsException;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.SenderRules;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.WebhookRequest;
import org.smsbridge.text.Encoding;

/**
 * A provider for tests and demos that sends nothing: it records every message, fails on demand,
 * can be slow, can run out of balance like a 5-message trial account, and emits delivery receipts.
 * Thread-safe.
 *
 * <pre>{@code
 * FakeSmsProvider fake = new FakeSmsProvider();
 * SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("GR").build();
 * fake.failNext(ErrorKind.RATE_LIMITED);
 * assertThatThrownBy(() -> sms.message().to("6912345678").text("Hi").send());
 * sms.message().to("6912345678").text("Hi").send();
 * assertThat(fake.lastTo("+306912345678")).isPresent();
 * }</pre>
 *
 * <p>Message ids are {@code fake-1}, {@code fake-2}, ... in submission order.
 */
public final class FakeSmsProvider implements SmsProvider {
    /** The name it is registered under. */
    public static final String NAME = "fake";

    // A plain list under its own lock: a copy-on-write list would copy all recorded messages on every send.
    private final List<OutgoingSms> sent = new ArrayList<>();
    private final ConcurrentLinkedQueue<ErrorKind> failNext = new ConcurrentLinkedQueue<>();
    private final List<Rule> failWhen = new CopyOnWriteArrayList<>();
    private final List<Consumer<DeliveryReceipt>> receiptListeners = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final AtomicLong attempts = new AtomicLong();
    private final Object balanceLock = new Object();
    private volatile Duration latency = Duration.ZERO;
    private volatile Long balance;
    private volatile MessageStatus autoReceiptStatus;
    private volatile boolean credentialsValid = true;
    private final Clock clock;
    private final Set<Capability> capabilities;
    private final SenderRules senderRules;

    private record Rule(Predicate<OutgoingSms> predicate, ErrorKind kind) {
    }

    /** A fake with every capability, permissive sender rules and the UTC system clock. */
    public FakeSmsProvider() {
        this(Clock.systemUTC(), EnumSet.of(Capability.DELIVERY_RECEIPTS, Capability.BALANCE, Capability.BATCH,
                Capability.UNICODE, Capability.ALPHANUMERIC_SENDER, Capability.TEMPLATES, Capability.CONCATENATION,
                Capability.VALIDITY_PERIOD), SenderRules.permissive());
    }

    /**
     * A fake with the given clock (for {@link SendResult#submittedAt()}), capabilities and sender
     * rules, to imitate a particular provider.
     */
    public FakeSmsProvider(Clock clock, Set<Capability> capabilities, SenderRules senderRules) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.capabilities = Set.copyOf(capabilities);
        this.senderRules = Objects.requireNonNull(senderRules, "senderRules");
    }

    /**
     * Limits the account to {@code messages} more messages; later sends fail with
     * {@link ErrorKind#INSUFFICIENT_BALANCE} until {@link #topUp(long)}. Returns this fake. Without
     * it the account is unlimited and {@link #balance()} reports {@code Long.MAX_VALUE} messages.
     *
     * @throws IllegalArgumentException if negative
     */
    public FakeSmsProvider withBalance(long messages) {
        if (messages < 0) {
            throw new IllegalArgumentException("balance must not be negative, was " + messages);
        }
        synchronized (balanceLock) {
            this.balance = messages;
        }
        return this;
    }

    /** Adds messages to a limited balance (a top-up); makes the balance limited if it was not. */
    public FakeSmsProvider topUp(long messages) {
        synchronized (balanceLock) {
            this.balance = (balance == null ? 0 : balance) + messages;
        }
        return this;
    }

    /** Delays every answer by {@code latency} (on a shared delayed executor). Returns this fake. */
    public FakeSmsProvider withLatency(Duration latency) {
        Objects.requireNonNull(latency, "latency");
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        this.latency = latency;
        return this;
    }

    /**
     * Plays an account with a wrong password: {@link #verifyCredentials()} reports rejected
     * credentials, and every send and balance request fails with {@link ErrorKind#AUTHENTICATION},
     * as a real provider would. Returns this fake.
     */
    public FakeSmsProvider withInvalidCredentials() {
        this.credentialsValid = false;
        return this;
    }

    /**
     * After each accepted message, emit a receipt with {@code status} to the receipt listeners.
     * Returns this fake.
     */
    public FakeSmsProvider emitReceipts(MessageStatus status) {
        this.autoReceiptStatus = Objects.requireNonNull(status, "status");
        return this;
    }

    /** Fails the next submission with {@code kind} (queued: call twice to fail two). */
    public FakeSmsProvider failNext(ErrorKind kind) {
        failNext.add(Objects.requireNonNull(kind, "kind"));
        return this;
    }

    /** Fails every submission that matches {@code predicate} with {@code kind}. */
    public FakeSmsProvider failWhen(Predicate<OutgoingSms> predicate, ErrorKind kind) {
        failWhen.add(new Rule(Objects.requireNonNull(predicate, "predicate"), Objects.requireNonNull(kind, "kind")));
        return this;
    }

    /** Removes pending {@link #failNext} and {@link #failWhen} rules. */
    public FakeSmsProvider clearFailures() {
        failNext.clear();
        failWhen.clear();
        return this;
    }

    /** Registers a listener for emitted receipts (auto or {@link #deliver}). */
    public FakeSmsProvider onReceipt(Consumer<DeliveryReceipt> listener) {
        receiptListeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    /** Emits a receipt for {@code messageId} to the listeners and returns it. */
    public DeliveryReceipt deliver(String messageId, MessageStatus status) {
        DeliveryReceipt r = DeliveryReceipt.builder(messageId, status).provider(NAME).doneAt(clock.instant()).build();
        receiptListeners.forEach(l -> l.accept(r));
        return r;
    }

    /** Every accepted message, in acceptance order. */
    public List<OutgoingSms> sent() {
        synchronized (sent) {
            return List.copyOf(sent);
        }
    }

    /**
     * The last message accepted for {@code number}, if any. The number may be E.164
     * ({@code "+306912345678"}) or written as it was sent ({@code "691 234 5678"},
     * {@code "0912 345 678"}): spaces and punctuation are ignored and a national number matches the
     * end of the international one (after dropping a leading trunk {@code 0}).
     */
    public Optional<OutgoingSms> lastTo(String number) {
        Objects.requireNonNull(number, "number");
        String digits = number.replaceAll("\\D", "");
        boolean international = number.strip().startsWith("+");
        String national = digits.replaceFirst("^0+", "");
        List<OutgoingSms> all = sent();
        for (int i = all.size() - 1; i >= 0; i--) {
            String to = all.get(i).to().substring(1);
            if (international ? to.equals(digits) : !national.isEmpty() && to.endsWith(national)
                    && to.length() - national.length() <= 3) {
                return Optional.of(all.get(i));
            }
        }
        return Optional.empty();
    }

    /** Submissions made, accepted or failed. */
    public long attempts() {
        return attempts.get();
    }

    /** Forgets the recorded messages (not the rules or the balance). */
    public void reset() {
        synchronized (sent) {
            sent.clear();
        }
        attempts.set(0);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public SenderRules senderRules() {
        return senderRules;
    }

    @Override
    public CompletableFuture<SendResult> submit(OutgoingSms sms) {
        Objects.requireNonNull(sms, "sms");
        attempts.incrementAndGet();
        SendResult result;
        try {
            result = accept(sms);
        } catch (SmsException e) {
            return delayed(CompletableFuture.failedFuture(e));
        }
        MessageStatus auto = autoReceiptStatus;
        CompletableFuture<SendResult> f = delayed(CompletableFuture.completedFuture(result));
        if (auto != null) {
            f = f.thenApply(r -> {
                deliver(r.messageId(), auto);
                return r;
            });
        }
        return f;
    }

    private SendResult accept(OutgoingSms sms) {
        ErrorKind kind = failNext.poll();
        if (kind == null) {
            for (Rule r : failWhen) {
                if (r.predicate.test(sms)) {
                    kind = r.kind;
                    break;
                }
            }
        }
        if (kind != null) {
            throw failure(kind);
        }
        if (!credentialsValid) {
            throw rejectedCredentials();
        }
        synchronized (balanceLock) {
            if (balance != null) {
                if (balance <= 0) {
                    throw SmsException.builder(ErrorKind.INSUFFICIENT_BALANCE,
                            "fake account balance is used up; top up before sending more").provider(NAME)
                            .providerCode("NO_BALANCE").build();
                }
                balance--;
            }
        }
        synchronized (sent) {
            sent.add(sms);
        }
        SendResult.Builder b = SendResult.builder().messageId("fake-" + ids.incrementAndGet()).to(sms.to())
                .status(MessageStatus.SENT).segments(sms.segments())
                .encoding(sms.segmentInfo().map(i -> i.encoding()).orElse(Encoding.GSM_7))
                .provider(NAME).submittedAt(clock.instant());
        sms.reference().ifPresent(b::reference);
        return b.build();
    }

    private static SmsException rejectedCredentials() {
        return SmsException.builder(ErrorKind.AUTHENTICATION, "fake account rejected the credentials; "
                + "check the account settings").provider(NAME).providerCode("FAKE_AUTHENTICATION").build();
    }

    private static SmsException failure(ErrorKind kind) {
        SmsException.Builder b = SmsException.builder(kind, "fake provider failed on purpose with " + kind)
                .provider(NAME).providerCode("FAKE_" + kind.name());
        if (kind == ErrorKind.RATE_LIMITED) {
            b.retryAfter(Duration.ofSeconds(1));
        }
        return b.build();
    }

    private <T> CompletableFuture<T> delayed(CompletableFuture<T> f) {
        Duration d = latency;
        if (d.isZero()) {
            return f;
        }
        CompletableFuture<T> out = new CompletableFuture<>();
        LatencyTimer.INSTANCE.schedule(() -> f.whenComplete((r, e) -> {
            if (e != null) {
                out.completeExceptionally(e);
            } else {
                out.complete(r);
            }
        }), d.toNanos(), TimeUnit.NANOSECONDS);
        return out;
    }

    /**
     * One daemon thread completes every delayed answer. (CompletableFuture's own delayed executor
     * hands each task to the default async pool, which on one- or two-core machines starts a new
     * thread per task.)
     */
    private static final class LatencyTimer {
        static final ScheduledExecutorService INSTANCE = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "smsbridge-fake-latency");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public CompletableFuture<CredentialCheck> verifyCredentials() {
        CredentialCheck c = credentialsValid
                ? CredentialCheck.valid("fake account OK", clock.instant())
                : CredentialCheck.invalid(ErrorKind.AUTHENTICATION, "fake account rejected the credentials",
                        clock.instant());
        return delayed(CompletableFuture.completedFuture(c));
    }

    @Override
    public CompletableFuture<Balance> balance() {
        if (!credentialsValid) {
            return delayed(CompletableFuture.failedFuture(rejectedCredentials()));
        }
        Long b = balance;
        if (b == null) {
            return CompletableFuture.completedFuture(Balance.ofMessages(Long.MAX_VALUE, clock.instant()));
        }
        return delayed(CompletableFuture.completedFuture(Balance.ofMessages(b, clock.instant())));
    }

    /**
     * A parser for fake receipts: a form body {@code id=fake-1&status=DELIVERED} (and optional
     * {@code error}), with no signature.
     */
    @Override
    public Optional<ReceiptParser> receipts() {
        return Optional.of(FakeSmsProvider::parseReceipt);
    }

    private static List<DeliveryReceipt> parseReceipt(WebhookRequest request) {
        Objects.requireNonNull(request, "the fake receipt parser was given a null request; pass the callback as "
                + "received: WebhookRequest.builder(method, fullUrl)...");
        var form = request.formParameters();
        String id = form.get("id");
        String status = form.get("status");
        if (id == null || status == null) {
            throw new SmsException(ErrorKind.INVALID_CONTENT, "fake receipt needs form fields id and status, got "
                    + form.keySet());
        }
        MessageStatus s;
        try {
            s = MessageStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            s = MessageStatus.UNKNOWN;
        }
        DeliveryReceipt.Builder b = DeliveryReceipt.builder(id, s).provider(NAME).rawFields(form);
        if (form.containsKey("error")) {
            b.errorCode(form.get("error"));
        }
        return List.of(b.build());
    }

    @Override
    public String toString() {
        int count;
        synchronized (sent) {
            count = sent.size();
        }
        return "FakeSmsProvider{sent=" + count + (balance == null ? "" : ", balance=" + balance) + '}';
    }
}
