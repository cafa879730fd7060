package org.smsbridge.providers.plivo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
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
 * Plivo Message API: {@code POST /v1/Account/{auth_id}/Message/} (JSON; several recipients of the
 * same text in one request with {@link #submitBatch}, {@code dst} joined by {@code <}), account
 * read for credentials and balance ({@code GET /v1/Account/{auth_id}/}), status callbacks with
 * {@code X-Plivo-Signature-V3} verification.
 *
 * <pre>{@code
 * SmsProvider plivo = PlivoProvider.create(ProviderConfig.builder()
 *         .put("authId", "MAXXXXXXXXXXXXXXXXXX")
 *         .secret("authToken", System.getenv("PLIVO_AUTH_TOKEN"))
 *         .put("statusUrl", "https://shop.example/sms/receipts/plivo")
 *         .build());
 * }</pre>
 *
 * <p>Settings: {@value #AUTH_ID}, {@value #AUTH_TOKEN} (required), {@value #STATUS_URL} (sent as
 * {@code url} with each message), {@value #POWERPACK_UUID} (number pool used when a message has no
 * sender), the common {@code baseUrl}, {@code connectTimeout}, {@code requestTimeout}. Thread-safe.
 */
public final class PlivoProvider implements SmsProvider {
    /** The registered name. */
    public static final String NAME = "plivo";
    /** Setting: the Auth ID ({@code MA...} or sub-account {@code SA...}), required. */
    public static final String AUTH_ID = "authId";
    /** Setting: the Auth Token, required and secret; also the key of callback signatures. */
    public static final String AUTH_TOKEN = "authToken";
    /** Setting: the status-callback URL, sent as {@code url}. */
    public static final String STATUS_URL = "statusUrl";
    /** Setting: a Powerpack UUID used instead of {@code src} when a message has no sender. */
    public static final String POWERPACK_UUID = "powerpackUuid";
    /** The default base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.plivo.com/";
    /** Most recipients of one request ({@code dst} joined by {@code <}) [?]. */
    public static final int MAX_BATCH = 1000;
    /** Plivo bills in US dollars [?]. */
    static final Currency USD = Currency.getInstance("USD");

    private static final Logger LOG = LoggerFactory.getLogger(PlivoProvider.class);
    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.DELIVERY_RECEIPTS,
            Capability.BALANCE, Capability.BATCH, Capability.UNICODE, Capability.ALPHANUMERIC_SENDER,
            Capability.CONCATENATION));

    private final ProviderHttp http;
    private final String authId;
    private final String authorization;
    private final String statusUrl;
    private final String powerpackUuid;
    private final SenderRules senderRules;
    private final PlivoReceiptParser receipts;

    private PlivoProvider(ProviderConfig config, Clock clock) {
        config.requireAll(AUTH_ID, AUTH_TOKEN);
        this.authId = config.require(AUTH_ID).strip();
        String token = config.require(AUTH_TOKEN).strip();
        if (!authId.matches("[MS]A[A-Z0-9]{18}")) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + AUTH_ID + " of provider 'plivo' must be the "
                    + "20-character Auth ID starting with MA (or SA for a sub-account) from the Plivo console, was '"
                    + authId + "'");
        }
        if (token.isEmpty()) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + AUTH_TOKEN + " of provider 'plivo' is empty");
        }
        this.statusUrl = config.get(STATUS_URL).map(String::strip).orElse(null);
        if (statusUrl != null) {
            ProviderHttp.checkBaseUrl(NAME, STATUS_URL, statusUrl);
        }
        this.powerpackUuid = config.get(POWERPACK_UUID).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        this.http = ProviderHttp.create(NAME, config, DEFAULT_BASE_URL, clock, token);
        this.authorization = ProviderHttp.basicAuth(authId, token);
        // Plivo: a Plivo number (required for US/CA) or an alphanumeric sender ID, max 11 [?].
        this.senderRules = SenderRules.builder().maxAlphanumericLength(11).senderRequired(powerpackUuid == null)
                .note("US/Canada need a Plivo number as sender").build();
        this.receipts = new PlivoReceiptParser(token);
    }

    /**
     * Creates the provider with the UTC system clock.
     *
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static PlivoProvider create(ProviderConfig config) {
        return create(config, Clock.systemUTC());
    }

    /**
     * Creates the provider with a clock.
     *
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static PlivoProvider create(ProviderConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new PlivoProvider(config, clock);
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
        return senderRules;
    }

    /** Sends one message. */
    @Override
    public CompletableFuture<SendResult> submit(OutgoingSms sms) {
        Objects.requireNonNull(sms, "sms");
        return Batches.single(send(List.of(sms)));
    }

    /**
     * Sends many messages with as few requests as possible: messages with the same sender and text
     * go in one request with their recipients joined by {@code <}; others in requests of their own.
     * Never fails for one message: a failed request fails the entries it carried. Entries are in
     * input order.
     *
     * <p>A batch of more than {@value #MAX_BATCH} messages fails the future with CONFIGURATION and nothing
     * is sent; an empty one completes with an empty result.
     *
     * @throws NullPointerException if the list or one of its messages is null
     */
    public CompletableFuture<BatchResult> submitBatch(List<OutgoingSms> batch) {
        return Batches.submit(NAME, batch, MAX_BATCH, "request", list -> Batches.bySenderAndText(list, this::send));
    }

    /** One request for messages that share sender and text; never fails, entries per message. */
    private CompletableFuture<List<BatchResult.Entry>> send(List<OutgoingSms> group) {
        ObjectNode body;
        try {
            body = body(group);
        } catch (SmsException e) {
            return CompletableFuture.completedFuture(Batches.allFailed(group, e));
        }
        HttpRequest request = http.request("v1/Account/" + URLEncoder.encode(authId, StandardCharsets.UTF_8)
                        + "/Message/")
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ProviderHttp.write(body)))
                .build();
        LOG.debug("plivo: sending to {} recipient(s), first {}", group.size(), PhoneNumbers.mask(group.get(0).to()));
        return http.exchange(request, response -> toEntries(group, response))
                .exceptionally(e -> Batches.allFailed(group, http.transportError(e)));
    }

    ObjectNode body(List<OutgoingSms> group) {
        OutgoingSms first = group.get(0);
        ObjectNode body = ProviderHttp.object();
        if (first.from().isPresent()) {
            body.put("src", Submissions.digitsOnly(first.from().get().value()));
        } else if (powerpackUuid != null) {
            body.put("powerpack_uuid", powerpackUuid);
        } else {
            throw new SmsException(ErrorKind.INVALID_SENDER, "plivo needs a sender (src) or the setting "
                    + POWERPACK_UUID);
        }
        StringBuilder dst = new StringBuilder();
        for (OutgoingSms s : group) {
            dst.append(dst.length() == 0 ? "" : "<").append(Submissions.digitsOnly(s.to()));
        }
        body.put("dst", dst.toString());
        body.put("text", Submissions.requireText(NAME, first));
        body.put("type", "sms");
        if (statusUrl != null) {
            body.put("url", statusUrl);
            body.put("method", "POST");
        }
        return body;
    }

    private List<BatchResult.Entry> toEntries(List<OutgoingSms> group, HttpResponse<String> response) {
        if (!HttpErrors.isSuccess(response.statusCode())) {
            return Batches.allFailed(group, error(response));
        }
        JsonNode json = http.json(response);
        JsonNode uuids = json.get("message_uuid");
        if (uuids == null || !uuids.isArray() || uuids.size() != group.size()) {
            throw SmsException.builder(ErrorKind.PROVIDER_ERROR, "plivo answered with " + (uuids == null
                    || !uuids.isArray() ? "no message_uuid list" : uuids.size() + " message ids for " + group.size()
                    + " recipients") + ": '" + http.excerpt(response.body()) + "'").provider(NAME).build();
        }
        List<BatchResult.Entry> out = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            OutgoingSms sms = group.get(i);
            String uuid = uuids.get(i).asText("");
            if (uuid.isBlank()) {
                throw SmsException.builder(ErrorKind.PROVIDER_ERROR, "plivo answered with a blank message id: '"
                        + http.excerpt(response.body()) + "'").provider(NAME).build();
            }
            SendResult.Builder b = SendResult.builder().messageId(uuid).to(sms.to()).status(MessageStatus.QUEUED)
                    .segments(sms.segments()).encoding(Submissions.encoding(sms)).provider(NAME)
                    .submittedAt(http.clock().instant());
            sms.reference().ifPresent(b::reference);
            out.add(BatchResult.Entry.success(i, sms.message(), b.build()));
        }
        return out;
    }


    /**
     * Classifies {@code {"api_id":"...","error":"..."}} by HTTP status, refined by the error text
     * (Plivo sends no error codes with API errors).
     */
    SmsException error(HttpResponse<String> response) {
        JsonNode json = ProviderHttp.tryJson(response.body());
        String text = ProviderHttp.text(json, "error").orElse(json == null ? response.body() : "");
        ErrorKind kind = HttpErrors.kindForStatus(response.statusCode());
        String t = text.toLowerCase(Locale.ROOT);
        if (response.statusCode() == 400 || response.statusCode() == 402) {
            if (t.contains("insufficient") || t.contains("credit") || t.contains("balance")) {
                kind = ErrorKind.INSUFFICIENT_BALANCE;
            } else if (t.contains("dst") || t.contains("destination")) {
                kind = ErrorKind.INVALID_NUMBER;
            } else if (t.contains("src") || t.contains("source") || t.contains("sender")) {
                kind = ErrorKind.INVALID_SENDER;
            } else if (t.contains("text")) {
                kind = ErrorKind.INVALID_CONTENT;
            }
        }
        return HttpErrors.fromResponse(http, response, kind, null, text, HttpErrors.hint(kind)).build();
    }

    /** Checks the credentials by reading the account ({@code GET /v1/Account/{auth_id}/}); reports the balance. */
    @Override
    public CompletableFuture<CredentialCheck> verifyCredentials() {
        return CredentialChecks.recover(account().thenApply(a -> CredentialCheck.valid("Plivo account '"
                + a.name + "' accepted the credentials", a.balance, http.clock().instant())), http.clock());
    }

    /** The {@code cash_credits} of the account, in US dollars. */
    @Override
    public CompletableFuture<Balance> balance() {
        return account().thenApply(a -> a.balance);
    }

    private static final class Account {
        final String name;
        final Balance balance;

        Account(String name, Balance balance) {
            this.name = name;
            this.balance = balance;
        }
    }

    private CompletableFuture<Account> account() {
        HttpRequest request = http.request("v1/Account/" + URLEncoder.encode(authId, StandardCharsets.UTF_8) + "/")
                .header("Authorization", authorization).GET().build();
        return http.query(request, response -> {
            if (!HttpErrors.isSuccess(response.statusCode())) {
                throw error(response);
            }
            JsonNode json = http.json(response);
            BigDecimal credits = new BigDecimal(http.requireText(json, "cash_credits", response.body()));
            String name = ProviderHttp.text(json, "name").orElse(authId);
            return new Account(name, Balance.ofMoney(credits, USD, http.clock().instant()));
        });
    }

    /** The status-callback parser; verifies {@code X-Plivo-Signature-V3} with the auth token. */
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
        return "PlivoProvider{authId=" + authId + ", baseUrl=" + http.baseUrl() + '}';
    }
}
