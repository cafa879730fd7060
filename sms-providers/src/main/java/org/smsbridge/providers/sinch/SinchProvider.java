package org.smsbridge.providers.sinch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsbridge.BatchResult;
import org.smsbridge.CredentialCheck;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.SmsException;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.providers.internal.Batches;
import org.smsbridge.providers.internal.CredentialChecks;
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
 * Sinch SMS REST API (XMS batches): {@code POST /xms/v1/{service_plan_id}/batches} (one recipient,
 * or several recipients of the same text in one batch with {@link #submitBatch}), credential check
 * with {@code GET /xms/v1/{service_plan_id}/batches?page_size=1}, JSON delivery reports with
 * optional HMAC verification. Sinch has no balance call in this API, so no
 * {@link Capability#BALANCE}.
 *
 * <pre>{@code
 * SmsProvider sinch = SinchProvider.create(ProviderConfig.builder()
 *         .put("servicePlanId", "jd63jf88477ll123ab4567cd89012ef3")
 *         .secret("apiToken", System.getenv("SINCH_API_TOKEN"))
 *         .put("region", "eu")
 *         .put("callbackUrl", "https://shop.example/sms/receipts/sinch")
 *         .build());
 * }</pre>
 *
 * <p>Settings: {@value #SERVICE_PLAN_ID}, {@value #API_TOKEN} (required), {@value #REGION}
 * ({@code us} default, {@code eu}, {@code au}, {@code br}, {@code ca}; or {@code baseUrl}),
 * {@value #CALLBACK_URL} (delivery reports per recipient are then requested),
 * {@value #WEBHOOK_SECRET} (reports must then carry a valid {@code x-sinch-webhook-signature}),
 * {@code connectTimeout}, {@code requestTimeout}.
 *
 * <p>The message id of a result is the Sinch batch id; a batch sent with {@link #submitBatch}
 * shares one id among its recipients, and receipts tell them apart by {@link
 * org.smsbridge.DeliveryReceipt#to()}. Thread-safe.
 */
public final class SinchProvider implements SmsProvider {
    /** The registered name. */
    public static final String NAME = "sinch";
    /** Setting: the service plan id from the Sinch dashboard (8 to 64 letters and digits), required. */
    public static final String SERVICE_PLAN_ID = "servicePlanId";
    /** Setting: the API token of the service plan, required and secret. */
    public static final String API_TOKEN = "apiToken";
    /** Setting: the region, {@code us} (default), {@code eu}, {@code au}, {@code br} or {@code ca}. */
    public static final String REGION = "region";
    /** Setting: the delivery-report URL. */
    public static final String CALLBACK_URL = "callbackUrl";
    /** Setting: the HMAC secret of signed callbacks (set up by Sinch for the service plan). */
    public static final String WEBHOOK_SECRET = "webhookSecret";
    /** Most recipients of one request. */
    public static final int MAX_BATCH = 1000;
    /** Shortest and longest {@value #SERVICE_PLAN_ID} accepted. */
    static final int MIN_PLAN_ID_LENGTH = 8;
    static final int MAX_PLAN_ID_LENGTH = 64;

    private static final Logger LOG = LoggerFactory.getLogger(SinchProvider.class);
    private static final Set<String> REGIONS = Set.of("us", "eu", "au", "br", "ca");
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.DELIVERY_RECEIPTS,
            Capability.BATCH, Capability.UNICODE, Capability.ALPHANUMERIC_SENDER, Capability.CONCATENATION,
            Capability.VALIDITY_PERIOD));
    // Sinch: a Sinch number, short code or alphanumeric sender (up to 11, country rules) [?].
    private static final SenderRules SENDER_RULES = SenderRules.builder().maxAlphanumericLength(11)
            .note("without a sender Sinch uses the service plan's default originator").build();

    private final ProviderHttp http;
    private final String servicePlanId;
    private final String authorization;
    private final String callbackUrl;
    private final SinchReceiptParser receipts;

    private SinchProvider(ProviderConfig config, Clock clock) {
        config.requireAll(SERVICE_PLAN_ID, API_TOKEN);
        this.servicePlanId = config.require(SERVICE_PLAN_ID).strip();
        String token = config.require(API_TOKEN).strip();
        // Sinch documents no format; its API reference's example plan id has 32 letters and digits
        // (jd63jf88477ll123ab4567cd89012ef3). 8 to 64 catches a truncated or pasted-together value.
        if (!servicePlanId.matches("[A-Za-z0-9]{" + MIN_PLAN_ID_LENGTH + "," + MAX_PLAN_ID_LENGTH + "}")) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + SERVICE_PLAN_ID + " of provider 'sinch' must "
                    + "be the service plan id from the Sinch dashboard: " + MIN_PLAN_ID_LENGTH + " to "
                    + MAX_PLAN_ID_LENGTH + " letters and digits (such as jd63jf88477ll123ab4567cd89012ef3, 32 "
                    + "characters), was '" + servicePlanId + "' (" + servicePlanId.length() + " characters"
                    + (servicePlanId.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c)) ? ""
                            : ", not only letters and digits") + ")");
        }
        if (token.isEmpty()) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + API_TOKEN + " of provider 'sinch' is empty");
        }
        String region = config.get(REGION).map(r -> r.strip().toLowerCase(Locale.ROOT)).orElse("us");
        if (!REGIONS.contains(region)) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + REGION + " of provider 'sinch' must be one of "
                    + "us, eu, au, br, ca, was '" + region + "'");
        }
        this.callbackUrl = config.get(CALLBACK_URL).map(String::strip).orElse(null);
        if (callbackUrl != null) {
            ProviderHttp.checkBaseUrl(NAME, CALLBACK_URL, callbackUrl);
        }
        Optional<String> secret = config.get(WEBHOOK_SECRET).map(String::strip).filter(s -> !s.isEmpty());
        this.http = ProviderHttp.create(NAME, config, "https://" + region + ".sms.api.sinch.com/", clock, token,
                secret.orElse(null));
        this.authorization = "Bearer " + token;
        this.receipts = new SinchReceiptParser(secret.orElse(null), clock);
    }

    /**
     * Creates the provider with the UTC system clock.
     *
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static SinchProvider create(ProviderConfig config) {
        return create(config, Clock.systemUTC());
    }

    /**
     * Creates the provider with a clock.
     *
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static SinchProvider create(ProviderConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new SinchProvider(config, clock);
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

    /** Sends one message as a batch with one recipient. */
    @Override
    public CompletableFuture<SendResult> submit(OutgoingSms sms) {
        Objects.requireNonNull(sms, "sms");
        return Batches.single(send(List.of(sms)));
    }

    /**
     * Sends many messages: messages with the same sender and text go in one Sinch batch ({@code to}
     * array), others in batches of their own. Never fails for one message; entries in input order.
     *
     * <p>A batch of more than {@value #MAX_BATCH} messages fails the future with CONFIGURATION and nothing
     * is sent; an empty one completes with an empty result.
     *
     * @throws NullPointerException if the list or one of its messages is null
     */
    public CompletableFuture<BatchResult> submitBatch(List<OutgoingSms> batch) {
        return Batches.submit(NAME, batch, MAX_BATCH, "request", list -> Batches.bySenderAndText(list, this::send));
    }

    private String plan() {
        return "xms/v1/" + URLEncoder.encode(servicePlanId, StandardCharsets.UTF_8);
    }

    private CompletableFuture<List<BatchResult.Entry>> send(List<OutgoingSms> group) {
        ObjectNode body;
        try {
            body = body(group);
        } catch (SmsException e) {
            return CompletableFuture.completedFuture(Batches.allFailed(group, e));
        }
        HttpRequest request = http.request(plan() + "/batches")
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.write(body)))
                .build();
        LOG.debug("sinch: sending to {} recipient(s), first {}", group.size(), PhoneNumbers.mask(group.get(0).to()));
        return http.exchange(request, response -> toEntries(group, response))
                .exceptionally(e -> Batches.allFailed(group, http.transportError(e)));
    }

    ObjectNode body(List<OutgoingSms> group) {
        OutgoingSms first = group.get(0);
        ObjectNode body = ProviderHttp.object();
        first.from().ifPresent(f -> body.put("from", f.value()));
        ArrayNode to = body.putArray("to");
        group.forEach(s -> to.add(s.to()));
        body.put("body", Submissions.requireText(NAME, first));
        body.put("type", "mt_text");
        if (callbackUrl != null) {
            body.put("delivery_report", "per_recipient");
            body.put("callback_url", callbackUrl);
        }
        if (group.size() == 1) {
            first.reference().ifPresent(r -> body.put("client_reference", r));
        }
        first.validUntil().ifPresent(u -> body.put("expire_at", u.truncatedTo(ChronoUnit.SECONDS).toString()));
        return body;
    }

    private List<BatchResult.Entry> toEntries(List<OutgoingSms> group, HttpResponse<String> response) {
        if (!HttpErrors.isSuccess(response.statusCode())) {
            return Batches.allFailed(group, error(response));
        }
        JsonNode json = http.json(response);
        String id = http.requireText(json, "id", response.body());
        List<BatchResult.Entry> out = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            OutgoingSms sms = group.get(i);
            SendResult.Builder b = SendResult.builder().messageId(id).to(sms.to()).status(MessageStatus.QUEUED)
                    .segments(sms.segments()).encoding(Submissions.encoding(sms)).provider(NAME)
                    .submittedAt(http.clock().instant());
            sms.reference().ifPresent(b::reference);
            out.add(BatchResult.Entry.success(i, sms.message(), b.build()));
        }
        return out;
    }


    /**
     * Classifies {@code {"code":"syntax_constraint_violation","text":"..."}} (Sinch API reference,
     * "Errors": unauthorized, forbidden, too_many_requests, syntax_* and missing_parameter codes) by
     * HTTP status and code, refined by the text for parameter errors.
     */
    SmsException error(HttpResponse<String> response) {
        JsonNode json = ProviderHttp.tryJson(response.body());
        String code = ProviderHttp.text(json, "code").orElse(null);
        String text = ProviderHttp.text(json, "text").orElse(json == null ? response.body() : "");
        ErrorKind kind = HttpErrors.kindForStatus(response.statusCode());
        if (code != null && code.startsWith("syntax_")) {
            String t = text.toLowerCase(Locale.ROOT);
            if (t.contains("from")) {
                kind = ErrorKind.INVALID_SENDER;
            } else if (t.contains("to") || t.contains("recipient") || t.contains("msisdn")) {
                kind = ErrorKind.INVALID_NUMBER;
            } else if (t.contains("body")) {
                kind = ErrorKind.INVALID_CONTENT;
            }
        }
        return HttpErrors.fromResponse(http, response, kind, code, text, HttpErrors.hint(kind)).build();
    }

    /** Checks the token with {@code GET /xms/v1/{service_plan_id}/batches?page_size=1}, a cheap read. */
    @Override
    public CompletableFuture<CredentialCheck> verifyCredentials() {
        HttpRequest request = http.request(plan() + "/batches?page_size=1").header("Authorization", authorization)
                .GET().build();
        return CredentialChecks.recover(http.query(request, response -> {
            if (!HttpErrors.isSuccess(response.statusCode())) {
                throw error(response);
            }
            http.json(response);
            return CredentialCheck.valid("Sinch service plan " + servicePlanId + " accepted the API token",
                    http.clock().instant());
        }), http.clock());
    }

    /** The delivery-report parser; verifies the HMAC signature when a webhook secret is configured. */
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
        return "SinchProvider{servicePlanId=" + servicePlanId + ", baseUrl=" + http.baseUrl() + '}';
    }
}
