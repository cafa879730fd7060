package org.smsbridge.providers.infobip;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsbridge.Balance;
import org.smsbridge.BatchResult;
import org.smsbridge.CredentialCheck;
import org.smsbridge.ErrorKind;
import org.smsbridge.SendResult;
import org.smsbridge.SmsException;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.providers.internal.Batches;
import org.smsbridge.providers.internal.CredentialChecks;
import org.smsbridge.providers.internal.Forms;
import org.smsbridge.providers.internal.HttpErrors;
import org.smsbridge.providers.internal.ProviderHttp;
import org.smsbridge.providers.internal.Submissions;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.SenderRules;
import org.smsbridge.spi.SmsProvider;

/**
 * Infobip SMS API: {@code POST /sms/2/text/advanced} (one message, or up to
 * {@value #MAX_BATCH} in one request with {@link #submitBatch}), balance and credential check on
 * {@code GET /account/1/balance}, JSON delivery reports on {@code notifyUrl}.
 *
 * <pre>{@code
 * SmsProvider infobip = InfobipProvider.create(ProviderConfig.builder()
 *         .put("baseUrl", "https://xxxxx.api.infobip.com")      // your personal base URL
 *         .secret("apiKey", System.getenv("INFOBIP_API_KEY"))
 *         .put("notifyUrl", "https://shop.example/sms/receipts/infobip")
 *         .secret("receiptSecret", "a-long-random-string")
 *         .build());
 * }</pre>
 *
 * <p>Settings: {@value #API_KEY} (required), {@code baseUrl} (your personal
 * {@code https://xxxxx.api.infobip.com}; default {@value #DEFAULT_BASE_URL}), {@value #NOTIFY_URL}
 * (delivery-report URL sent with each message), {@value #RECEIPT_SECRET} (added to the notify URL as
 * {@code secret=...} and required on every report, because Infobip does not sign reports),
 * {@code connectTimeout}, {@code requestTimeout}. Thread-safe.
 */
public final class InfobipProvider implements SmsProvider {
    /** The registered name. */
    public static final String NAME = "infobip";
    /** Setting: the API key, required and secret ({@code Authorization: App <key>}). */
    public static final String API_KEY = "apiKey";
    /** Setting: the delivery-report URL. */
    public static final String NOTIFY_URL = "notifyUrl";
    /** Setting: a shared secret that every delivery report must carry in its URL. */
    public static final String RECEIPT_SECRET = "receiptSecret";
    /** The default base URL; prefer the personal one shown in the Infobip portal. */
    public static final String DEFAULT_BASE_URL = "https://api.infobip.com/";
    /** Most messages sent by one {@link #submitBatch} call. */
    public static final int MAX_BATCH = 1000;
    /** Longest validity Infobip accepts, in minutes (48 hours) [?]. */
    static final long MAX_VALIDITY_MINUTES = 2880;

    private static final Logger LOG = LoggerFactory.getLogger(InfobipProvider.class);
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.DELIVERY_RECEIPTS,
            Capability.BALANCE, Capability.BATCH, Capability.UNICODE, Capability.ALPHANUMERIC_SENDER,
            Capability.CONCATENATION, Capability.VALIDITY_PERIOD));
    // Infobip: alphanumeric sender 3-11 characters, numeric up to 15 digits (docs) [?].
    private static final SenderRules SENDER_RULES = SenderRules.builder().maxAlphanumericLength(11)
            .note("register alphanumeric senders in the Infobip portal where the destination country requires it")
            .build();

    private final ProviderHttp http;
    private final String authorization;
    private final String notifyUrl;
    private final InfobipReceiptParser receipts;

    private InfobipProvider(ProviderConfig config, Clock clock) {
        config.requireAll(API_KEY);
        String key = config.require(API_KEY).strip();
        if (key.isEmpty()) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + API_KEY + " of provider 'infobip' is empty; "
                    + "create an API key in the Infobip portal");
        }
        Optional<String> secret = config.get(RECEIPT_SECRET).map(String::strip).filter(s -> !s.isEmpty());
        String notify = config.get(NOTIFY_URL).map(String::strip).orElse(null);
        if (notify != null) {
            ProviderHttp.checkBaseUrl(NAME, NOTIFY_URL, notify);
            if (secret.isPresent()) {
                notify = notify + (notify.contains("?") ? "&" : "?") + "secret=" + Forms.percentEncode(secret.get());
            }
        }
        this.notifyUrl = notify;
        this.http = ProviderHttp.create(NAME, config, DEFAULT_BASE_URL, clock, key, secret.orElse(null));
        this.authorization = "App " + key;
        this.receipts = new InfobipReceiptParser(secret.orElse(null));
    }

    /**
     * Creates the provider with the UTC system clock.
     *
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static InfobipProvider create(ProviderConfig config) {
        return create(config, Clock.systemUTC());
    }

    /**
     * Creates the provider with a clock.
     *
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static InfobipProvider create(ProviderConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new InfobipProvider(config, clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return CAPABILITIES;
    }

    @Override
    public SenderRules senderRules() {
        return SENDER_RULES;
    }

    /** Sends one message as a one-element {@code messages} array. */
    @Override
    public CompletableFuture<SendResult> submit(OutgoingSms sms) {
        Objects.requireNonNull(sms, "sms");
        return Batches.single(submitBatch(List.of(sms)).thenApply(BatchResult::entries));
    }

    /**
     * Sends up to {@value #MAX_BATCH} messages in one request (one {@code messages[]} entry each).
     * The future never fails for one message: a request-level failure (credentials, rate limit,
     * timeout) fails every entry with the same exception; a message Infobip rejects fails only its
     * entry. Entries are in input order. A batch of more than {@value #MAX_BATCH} messages fails
     * the future with CONFIGURATION and nothing is sent; an empty one completes with an empty result.
     *
     * @throws NullPointerException if the list or one of its messages is null
     */
    public CompletableFuture<BatchResult> submitBatch(List<OutgoingSms> batch) {
        return Batches.submit(NAME, batch, MAX_BATCH, "request", this::send);
    }

    private CompletableFuture<BatchResult> send(List<OutgoingSms> list) {
        ObjectNode body;
        try {
            body = body(list);
        } catch (SmsException e) {
            return CompletableFuture.completedFuture(new BatchResult(Batches.allFailed(list, e)));
        }
        HttpRequest request = http.request("sms/2/text/advanced")
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.write(body)))
                .build();
        LOG.debug("infobip: sending {} message(s), first to {}", list.size(), PhoneNumbers.mask(list.get(0).to()));
        return http.exchange(request, response -> toBatch(list, response))
                .exceptionally(e -> new BatchResult(Batches.allFailed(list, http.transportError(e))));
    }

    ObjectNode body(List<OutgoingSms> list) {
        ObjectNode body = ProviderHttp.object();
        ArrayNode messages = body.putArray("messages");
        for (OutgoingSms sms : list) {
            ObjectNode m = messages.addObject();
            sms.from().ifPresent(f -> m.put("from", Submissions.digitsOnly(f.value())));
            m.putArray("destinations").addObject().put("to", Submissions.digitsOnly(sms.to()));
            m.put("text", Submissions.requireText(NAME, sms));
            if (notifyUrl != null) {
                m.put("notifyUrl", notifyUrl);
                m.put("notifyContentType", "application/json");
            }
            sms.reference().ifPresent(r -> m.put("callbackData", r));
            sms.validUntil().ifPresent(until -> {
                long minutes = Duration.between(http.clock().instant(), until).toMinutes();
                m.put("validityPeriod", Math.max(1, Math.min(MAX_VALIDITY_MINUTES, minutes)));
            });
        }
        return body;
    }

    private BatchResult toBatch(List<OutgoingSms> list, HttpResponse<String> response) {
        if (!HttpErrors.isSuccess(response.statusCode())) {
            return new BatchResult(Batches.allFailed(list, InfobipErrors.requestError(http, response)));
        }
        JsonNode json = http.json(response);
        JsonNode messages = json.get("messages");
        if (messages == null || !messages.isArray() || messages.size() != list.size()) {
            throw SmsException.builder(ErrorKind.PROVIDER_ERROR, "infobip answered with "
                    + (messages == null || !messages.isArray() ? "no messages" : messages.size() + " messages for "
                    + list.size()) + ": '" + http.excerpt(response.body()) + "'").provider(NAME).build();
        }
        List<BatchResult.Entry> entries = new ArrayList<>(list.size());
        Iterator<JsonNode> it = messages.iterator();
        for (int i = 0; i < list.size(); i++) {
            OutgoingSms sms = list.get(i);
            JsonNode m = it.next();
            JsonNode status = m.get("status");
            String group = ProviderHttp.text(status, "groupName").orElse("");
            if (group.equals("REJECTED")) {
                entries.add(BatchResult.Entry.failure(i, sms.message(), InfobipErrors.rejected(http, response, status)));
                continue;
            }
            SendResult.Builder b = SendResult.builder()
                    .messageId(http.requireText(m, "messageId", response.body()))
                    .to(sms.to())
                    .status(InfobipReceiptParser.status(status))
                    .segments(sms.segments())
                    .encoding(Submissions.encoding(sms))
                    .provider(NAME)
                    .submittedAt(http.clock().instant());
            sms.reference().ifPresent(b::reference);
            entries.add(BatchResult.Entry.success(i, sms.message(), b.build()));
        }
        return new BatchResult(entries);
    }


    /** Checks the API key with {@code GET /account/1/balance}; reports the balance too. */
    @Override
    public CompletableFuture<CredentialCheck> verifyCredentials() {
        return CredentialChecks.recover(balance().thenApply(b -> CredentialCheck.valid(
                "Infobip accepted the API key", b, http.clock().instant())), http.clock());
    }

    /** The balance from {@code GET /account/1/balance} ({@code {"balance":47.79134,"currency":"EUR"}}). */
    @Override
    public CompletableFuture<Balance> balance() {
        HttpRequest request = http.request("account/1/balance").header("Authorization", authorization).GET().build();
        return http.query(request, response -> {
            if (!HttpErrors.isSuccess(response.statusCode())) {
                throw InfobipErrors.requestError(http, response);
            }
            JsonNode json = http.json(response);
            JsonNode amount = json.get("balance");
            String currency = http.requireText(json, "currency", response.body());
            if (amount == null || !amount.isNumber()) {
                throw SmsException.builder(ErrorKind.PROVIDER_ERROR, "infobip balance answer lacks a numeric "
                        + "'balance': '" + http.excerpt(response.body()) + "'").provider(NAME).build();
            }
            return Balance.ofMoney(amount.decimalValue(), Currency.getInstance(currency), http.clock().instant());
        });
    }

    /** The delivery-report parser; checks the receipt secret when one is configured. */
    @Override
    public Optional<ReceiptParser> receipts() {
        return Optional.of(receipts);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "InfobipProvider{baseUrl=" + http.baseUrl() + ", receiptSecret=" + receipts.hasSecret() + '}';
    }
}
