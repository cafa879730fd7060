package org.smsbridge.providers.vonage;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsbridge.Balance;
import org.smsbridge.CredentialCheck;
import org.smsbridge.ErrorKind;
import org.smsbridge.Money;
import org.smsbridge.SendResult;
import org.smsbridge.SmsException;
import org.smsbridge.phone.PhoneNumbers;
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
 * Vonage (Nexmo) SMS API: {@code POST /sms/json}, balance and credential check on
 * {@code GET /account/get-balance}, delivery receipts with optional signature verification.
 *
 * <pre>{@code
 * SmsProvider vonage = VonageProvider.create(ProviderConfig.builder()
 *         .secret("apiKey", "a1b2c3d4")
 *         .secret("apiSecret", System.getenv("VONAGE_API_SECRET"))
 *         .secret("signatureSecret", System.getenv("VONAGE_SIGNATURE_SECRET"))
 *         .put("signatureMethod", "sha256")
 *         .build());
 * }</pre>
 *
 * <p>Settings: {@value #API_KEY}, {@value #API_SECRET} (required); {@value #SIGNATURE_SECRET} and
 * {@value #SIGNATURE_METHOD} (receipts must then carry a valid {@code sig}); {@value #CALLBACK} (the
 * receipt URL sent with each message); the common {@code baseUrl}, {@code connectTimeout},
 * {@code requestTimeout}.
 *
 * <p>A long text is split by Vonage; every part has its own message id and its own receipt. The
 * result's {@link SendResult#messageId()} is the first part's id, and the receipt parser of the
 * same provider instance folds the parts' receipts into one receipt for that id (any failed part
 * fails the message; it is delivered when every part is). When Vonage accepts some parts and
 * rejects another, the send fails with a PROVIDER_ERROR that is not retryable (the accepted parts
 * are sent and billed; a retry would send them again) and names the accepted parts' ids.
 * Thread-safe.
 */
public final class VonageProvider implements SmsProvider {
    /** The registered name. */
    public static final String NAME = "vonage";
    /** Setting: API key (dashboard), required. */
    public static final String API_KEY = "apiKey";
    /** Setting: API secret, required and secret. */
    public static final String API_SECRET = "apiSecret";
    /** Setting: the signature secret of signed webhooks (dashboard, API settings); optional, secret. */
    public static final String SIGNATURE_SECRET = "signatureSecret";
    /** Setting: the signature method, {@code md5hash} (default), {@code md5}, {@code sha1}, {@code sha256}, {@code sha512}. */
    public static final String SIGNATURE_METHOD = "signatureMethod";
    /** Setting: the delivery-receipt URL sent as {@code callback} with each message. */
    public static final String CALLBACK = "callback";
    /** The default base URL. */
    public static final String DEFAULT_BASE_URL = "https://rest.nexmo.com/";
    /** Vonage bills in euros (balance and message prices). */
    static final Currency EUR = Currency.getInstance("EUR");
    /** {@code ttl} bounds in milliseconds (sms.yml: minimum 20000, maximum 604800000). */
    static final long MIN_TTL_MS = 20_000;
    static final long MAX_TTL_MS = 604_800_000;

    private static final Logger LOG = LoggerFactory.getLogger(VonageProvider.class);
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.DELIVERY_RECEIPTS,
            Capability.BALANCE, Capability.UNICODE, Capability.ALPHANUMERIC_SENDER, Capability.CONCATENATION,
            Capability.VALIDITY_PERIOD));
    // Vonage: alphanumeric senders up to 11 characters; not in the US/Canada (error 15 there).
    private static final SenderRules SENDER_RULES = SenderRules.builder().maxAlphanumericLength(11)
            .senderRequired(true).note("US/Canada need a Vonage virtual number as sender").build();

    private final ProviderHttp http;
    private final String apiKey;
    private final String apiSecret;
    private final String basic;
    private final String callback;
    private final VonageReceiptParser receipts;

    private VonageProvider(ProviderConfig config, Clock clock) {
        config.requireAll(API_KEY, API_SECRET);
        this.apiKey = config.require(API_KEY).strip();
        this.apiSecret = config.require(API_SECRET).strip();
        if (apiKey.isEmpty() || apiSecret.isEmpty()) {
            throw new SmsException(ErrorKind.CONFIGURATION, "settings " + API_KEY + " and " + API_SECRET
                    + " of provider 'vonage' must not be empty; copy them from the Vonage API dashboard");
        }
        this.callback = config.get(CALLBACK).map(String::strip).orElse(null);
        if (callback != null) {
            ProviderHttp.checkBaseUrl(NAME, CALLBACK, callback);
        }
        Optional<String> signatureSecret = config.get(SIGNATURE_SECRET).map(String::strip).filter(s -> !s.isEmpty());
        VonageSignature method = VonageSignature.of(config.get(SIGNATURE_METHOD).orElse("md5hash"));
        this.http = ProviderHttp.create(NAME, config, DEFAULT_BASE_URL, clock, apiSecret,
                signatureSecret.orElse(null));
        this.basic = ProviderHttp.basicAuth(apiKey, apiSecret);
        this.receipts = new VonageReceiptParser(signatureSecret.orElse(null), method, clock, new VonageParts());
    }

    /**
     * Creates the provider with the UTC system clock.
     *
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static VonageProvider create(ProviderConfig config) {
        return create(config, Clock.systemUTC());
    }

    /**
     * Creates the provider with a clock (results, signed-timestamp checks, {@code Retry-After}).
     *
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static VonageProvider create(ProviderConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new VonageProvider(config, clock);
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

    /**
     * Sends one message: {@code POST /sms/json}, form body with {@code api_key}, {@code api_secret},
     * {@code from}, {@code to} (digits), {@code text}, {@code type=unicode} for UCS-2 texts.
     */
    @Override
    public CompletableFuture<SendResult> submit(OutgoingSms sms) {
        Objects.requireNonNull(sms, "sms");
        Map<String, String> form;
        try {
            form = form(sms);
        } catch (SmsException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest request = http.request("sms/json")
                .header("Content-Type", Forms.CONTENT_TYPE)
                .POST(Forms.body(form))
                .build();
        LOG.debug("vonage: sending to {} ({} segment(s))", PhoneNumbers.mask(sms.to()), sms.segments());
        return http.exchange(request, response -> toResult(sms, response));
    }

    Map<String, String> form(OutgoingSms sms) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("api_key", apiKey);
        form.put("api_secret", apiSecret);
        String from = sms.from().orElseThrow(() -> new SmsException(ErrorKind.INVALID_SENDER,
                "vonage needs a sender (from); set SmsClient.builder().defaultSender(...)")).value();
        form.put("from", Submissions.digitsOnly(from));
        form.put("to", Submissions.digitsOnly(sms.to()));
        form.put("text", Submissions.requireText(NAME, sms));
        if (Submissions.isUnicode(sms)) {
            form.put("type", "unicode");
        }
        if (callback != null) {
            form.put("callback", callback);
        }
        sms.reference().filter(r -> r.length() <= 40).ifPresent(r -> form.put("client-ref", r));
        sms.validUntil().ifPresent(until -> {
            long ms = Duration.between(http.clock().instant(), until).toMillis();
            form.put("ttl", Long.toString(Math.max(MIN_TTL_MS, Math.min(MAX_TTL_MS, ms))));
        });
        return form;
    }

    private SendResult toResult(OutgoingSms sms, HttpResponse<String> response) {
        if (!HttpErrors.isSuccess(response.statusCode())) {
            throw httpError(response);
        }
        JsonNode json = http.json(response);
        JsonNode messages = json.get("messages");
        if (messages == null || !messages.isArray() || messages.isEmpty()) {
            throw SmsException.builder(ErrorKind.PROVIDER_ERROR, "vonage answer has no messages: '"
                    + http.excerpt(response.body()) + "'").provider(NAME).build();
        }
        List<String> partIds = new ArrayList<>();
        List<Integer> acceptedParts = new ArrayList<>();
        List<Integer> rejectedParts = new ArrayList<>();
        JsonNode firstRejected = null;
        BigDecimal price = BigDecimal.ZERO;
        boolean priced = false;
        for (int i = 0; i < messages.size(); i++) {
            JsonNode part = messages.get(i);
            String status = ProviderHttp.text(part, "status").orElse("");
            if (!status.equals("0")) {
                rejectedParts.add(i + 1);
                firstRejected = firstRejected == null ? part : firstRejected;
                continue;
            }
            partIds.add(http.requireText(part, "message-id", response.body()));
            acceptedParts.add(i + 1);
            Optional<String> p = ProviderHttp.text(part, "message-price");
            if (p.isPresent()) {
                price = price.add(new BigDecimal(p.get()));
                priced = true;
            }
        }
        if (firstRejected != null) {
            String status = ProviderHttp.text(firstRejected, "status").orElse("");
            String errorText = ProviderHttp.text(firstRejected, "error-text").orElse("");
            throw partIds.isEmpty() ? VonageErrors.error(http, response, status, errorText)
                    : VonageErrors.partlyAccepted(http, messages.size(), acceptedParts, partIds, rejectedParts, status,
                            errorText);
        }
        SendResult.Builder b = SendResult.builder()
                .messageId(partIds.get(0))
                .to(sms.to())
                .status(org.smsbridge.MessageStatus.SENT)
                .segments(partIds.size())
                .encoding(Submissions.encoding(sms))
                .provider(NAME)
                .submittedAt(http.clock().instant());
        sms.reference().ifPresent(b::reference);
        if (priced) {
            b.price(new Money(price, EUR));
        }
        if (partIds.size() > 1) {
            receipts.parts().register(partIds);
        }
        LOG.debug("vonage: accepted {} ({} part(s)) for {}", partIds.get(0), partIds.size(),
                PhoneNumbers.mask(sms.to()));
        return b.build();
    }

    private SmsException httpError(HttpResponse<String> response) {
        JsonNode json = ProviderHttp.tryJson(response.body());
        // Account API errors: {"error_code":"401","error_code_label":"authentication failed"} [?]
        String label = ProviderHttp.text(json, "error_code_label").or(() -> ProviderHttp.text(json, "title"))
                .orElse(json == null ? response.body() : "");
        ErrorKind kind = HttpErrors.kindForStatus(response.statusCode());
        return HttpErrors.fromResponse(http, response, kind, null, label, HttpErrors.hint(kind)).build();
    }

    /**
     * Checks the credentials with {@code GET /account/get-balance} (HTTP Basic {@code apiKey:apiSecret},
     * as in developer.vonage.com/account/code-snippets/account-balance); reports the balance too.
     */
    @Override
    public CompletableFuture<CredentialCheck> verifyCredentials() {
        return CredentialChecks.recover(balance().thenApply(b -> CredentialCheck.valid(
                "Vonage accepted the API key and secret", b, http.clock().instant())), http.clock());
    }

    /** The balance in euros from {@code GET /account/get-balance} ({@code {"value":10.28,"autoReload":false}}). */
    @Override
    public CompletableFuture<Balance> balance() {
        HttpRequest request = http.request("account/get-balance").header("Authorization", basic).GET().build();
        return http.query(request, response -> {
            if (!HttpErrors.isSuccess(response.statusCode())) {
                throw httpError(response);
            }
            JsonNode json = http.json(response);
            JsonNode value = json.get("value");
            if (value == null || !value.isNumber()) {
                throw SmsException.builder(ErrorKind.PROVIDER_ERROR, "vonage balance answer lacks a numeric 'value': '"
                        + http.excerpt(response.body()) + "'").provider(NAME).build();
            }
            return Balance.ofMoney(value.decimalValue(), EUR, http.clock().instant());
        });
    }

    /** The delivery-receipt parser; verifies {@code sig} when a signature secret is configured. */
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
        return "VonageProvider{baseUrl=" + http.baseUrl() + ", signedReceipts=" + receipts.isSigned() + '}';
    }
}
