package org.smsbridge.examples.sbutton;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.smsbridge.Balance;
import org.smsbridge.CredentialCheck;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsException;
import org.smsbridge.filter.FilterPolicy;
import org.smsbridge.filter.KeywordFilter;
import org.smsbridge.scheduler.Outbox;
import org.smsbridge.scheduler.OutboxStore;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.SmsProviders;

/**
 * The demo's SMS side: one {@link SmsClient} (built from the settings) and one {@link Outbox} on
 * the host's database. Changing the settings builds a new client and outbox and closes the old
 * ones, because both are immutable once built.
 *
 * <p>Thread-safe: {@link #client()} and {@link #outbox()} always return a matching, open pair
 * (a caller holding the old pair while settings change may see it closed).
 */
public final class SmsSession implements AutoCloseable {
    /** Region for numbers the shop typed without a country code. */
    public static final String DEFAULT_REGION = "GR";
    /** Longest message the demo sends, in segments. */
    public static final int MAX_SEGMENTS = 6;

    private record Pair(DemoSettings settings, SmsClient client, Outbox outbox) {
    }

    private final OutboxStore store;
    private final KeywordFilter filter;
    private final AtomicReference<Pair> current = new AtomicReference<>();

    /**
     * Builds the client and outbox for {@code settings} and starts the outbox.
     *
     * @throws SmsException {@code CONFIGURATION} when the provider is unknown or its settings are incomplete
     */
    public SmsSession(OutboxStore store, KeywordFilter filter, DemoSettings settings) {
        this.store = Objects.requireNonNull(store, "store");
        this.filter = Objects.requireNonNull(filter, "filter");
        current.set(build(settings));
    }

    /**
     * The providers the settings dialog offers: {@code console} and {@code fake} first, then every
     * other installed provider ({@link SmsProviders#names()}).
     */
    public static List<String> providerChoices() {
        List<String> names = new ArrayList<>(List.of("console", "fake"));
        SmsProviders.names().stream().filter(n -> !names.contains(n)).forEach(names::add);
        return names;
    }

    /** The keyword filter the demo checks texts with (carrier-blocked words in the four languages). */
    public static KeywordFilter demoFilter() {
        return KeywordFilter.builder().add("免费").add("δωρεάν").add("miễn phí").addSpaced("free").build();
    }

    /**
     * A client for {@code settings} (not started, not shared): the same checks as the demo sends with.
     *
     * @throws SmsException {@code CONFIGURATION} when the provider is unknown or its settings are incomplete
     */
    public static SmsClient client(DemoSettings settings, KeywordFilter filter) {
        SmsClient.Builder b = SmsClient.builder()
                .provider(SmsProviders.create(settings.provider(), settings.providerConfig()))
                .defaultRegion(DEFAULT_REGION)
                .keywordFilter(filter, FilterPolicy.REJECT)
                .maxSegments(MAX_SEGMENTS);
        if (!settings.sender().isEmpty()) {
            b.defaultSender(settings.sender());
        }
        return b.build();
    }

    private Pair build(DemoSettings settings) {
        SmsClient client = client(settings, filter);
        try {
            Outbox outbox = Outbox.builder()
                    .client(client)
                    .store(store)
                    .autoSend(settings.autoSend())
                    .sendInterval(settings.sendInterval())
                    .autoRetryFailed(settings.autoRetry())
                    .batchSize(5)
                    .build();
            outbox.start();
            return new Pair(settings, client, outbox);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
    }

    /**
     * Switches to new settings: builds the new client and outbox first (so bad settings leave the
     * old ones working), then closes the old pair.
     *
     * @throws SmsException {@code CONFIGURATION} when the new provider cannot be created
     */
    public synchronized void reconfigure(DemoSettings settings) {
        Pair next = build(settings);
        Pair old = current.getAndSet(next);
        closePair(old);
    }

    /** The settings in use. */
    public DemoSettings settings() {
        return current.get().settings();
    }

    /** The client in use. */
    public SmsClient client() {
        return current.get().client();
    }

    /** The outbox in use. */
    public Outbox outbox() {
        return current.get().outbox();
    }

    /** The keyword filter. */
    public KeywordFilter filter() {
        return filter;
    }

    /**
     * The settings dialog's "Test account" button: builds a client for {@code settings}, asks
     * {@link SmsClient#verifyCredentials()} and, when the provider has {@link Capability#BALANCE},
     * {@link SmsClient#balance()}. Blocks (call it off the event thread); never throws.
     *
     * @return one line for the dialog
     */
    public static String testAccount(DemoSettings settings, KeywordFilter filter) {
        SmsClient client;
        try {
            client = client(settings, filter);
        } catch (SmsException e) {
            return "✗ " + e.kind() + ": " + e.getMessage();
        } catch (IllegalArgumentException e) {
            return "✗ " + e.getMessage();
        }
        try (client) {
            CredentialCheck check = client.verifyCredentials();
            if (!check.isValid()) {
                return "✗ " + check.failureKind().map(Enum::name).orElse("INVALID") + ": " + check.detail();
            }
            String result = "✓ " + check.detail();
            if (check.balance().isPresent()) {
                return result + " · balance " + describe(check.balance().get());
            }
            if (client.capabilities().contains(Capability.BALANCE)) {
                try {
                    return result + " · balance " + describe(client.balance());
                } catch (SmsException e) {
                    return result + " · balance unknown: " + e.getMessage();
                }
            }
            return result + " · this provider cannot report a balance";
        }
    }

    /** A balance for people: "5 messages", "12.50 EUR", "∞ messages" for an unlimited fake account. */
    static String describe(Balance balance) {
        if (balance.unit() == Balance.Unit.MESSAGES) {
            return balance.amount().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) == 0 ? "unlimited messages"
                    : balance.amount().toPlainString() + " messages";
        }
        return balance.amount().toPlainString() + balance.currency().map(c -> " " + c.getCurrencyCode())
                .orElse(" credits");
    }

    private static void closePair(Pair p) {
        if (p != null) {
            p.outbox().close();
            p.client().close();
        }
    }

    /** Closes the outbox and the client (not the store). */
    @Override
    public synchronized void close() {
        closePair(current.getAndSet(null));
    }
}
