package org.smsbridge.providers.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Currency;
import java.util.EnumSet;
import java.util.LinkedHashMap;
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
import org.smsbridge.SenderId;
import org.smsbridge.SmsException;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.providers.internal.CredentialChecks;
import org.smsbridge.providers.internal.Forms;
import org.smsbridge.providers.internal.HttpErrors;
import org.smsbridge.providers.internal.ProviderHttp;
import org.smsbridge.providers.internal.StatusMapping;
import org.smsbridge.providers.internal.Submissions;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.SenderRules;
import org.smsbridge.spi.SmsProvider;

/**
 * Twilio Programmable Messaging (REST API {@code 2010-04-01}): sends through the Message
 * resource, checks credentials on the Account resource, reads the Balance resource and verifies
 * {@code X-Twilio-Signature} on status callbacks.
 *
 * <pre>{@code
 * SmsProvider twilio = TwilioProvider.create(ProviderConfig.builder()
 *         .put("accountSid", "AC0123456789abcdef0123456789abcdef")
 *         .secret("authToken", System.getenv("TWILIO_AUTH_TOKEN"))
 *         .put("statusCallback", "https://shop.example/sms/receipts/twilio")
 *         .build());
 * SmsClient sms = SmsClient.builder().provider(twilio).defaultSender("+15017122661").build();
 * }</pre>
 *
 * <p>Settings: {@value #ACCOUNT_SID} and {@value #AUTH_TOKEN} (required), {@value #MESSAGING_SERVICE_SID}
 * (used when a message has no sender), {@value #STATUS_CALLBACK} (receipt URL sent with every
 * message), and the common {@code baseUrl}, {@code connectTimeout}, {@code requestTimeout}.
 * Template messages send {@code templateId} as the Content API {@code ContentSid} with the
 * template parameters as {@code ContentVariables}.
 *
 * <p>Thread-safe; one instance shares one HTTP client. {@link #toString()} shows no secret.
 */
public final class TwilioProvider implements SmsProvider {
    /** The registered name. */
    public static final String NAME = "twilio";
    /** Setting: the account SID ({@code AC...}), required. */
    public static final String ACCOUNT_SID = "accountSid";
    /** Setting: the auth token, required and secret; also the key of webhook signatures. */
    public static final String AUTH_TOKEN = "authToken";
    /** Setting: a Messaging Service SID ({@code MG...}) used when a message has no sender. */
    public static final String MESSAGING_SERVICE_SID = "messagingServiceSid";
    /** Setting: the status-callback URL sent with every message. */
    public static final String STATUS_CALLBACK = "statusCallback";
    /** The default API base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.twilio.com/";
    /** Longest {@code ValidityPeriod} Twilio accepts: 36,000 seconds (error 21624). */
    static final long MAX_VALIDITY_SECONDS = 36_000;

    private static final Logger LOG = LoggerFactory.getLogger(TwilioProvider.class);

    /**
     * Message resource status → unified status. Source: twilio.com/docs/messaging/api/message-resource
     * (Message Status values: queued, sending, sent, failed, delivered, undelivered, receiving,
     * received, accepted, scheduled, read, partially_delivered, canceled).
     */
    static final StatusMapping STATUS = StatusMapping.builder()
            .map(org.smsbridge.MessageStatus.QUEUED, "queued", "accepted")
            .map(org.smsbridge.MessageStatus.SCHEDULED, "scheduled")
            .map(org.smsbridge.MessageStatus.SENDING, "sending")
            .map(org.smsbridge.MessageStatus.SENT, "sent")
            .map(org.smsbridge.MessageStatus.DELIVERED, "delivered", "read")
            .map(org.smsbridge.MessageStatus.UNDELIVERED, "undelivered", "partially_delivered")
            .map(org.smsbridge.MessageStatus.FAILED, "failed", "canceled")
            .build();

    private static final Set<Capability> CAPABILITIES = Set.copyOf(EnumSet.of(Capability.DELIVERY_RECEIPTS,
            Capability.BALANCE, Capability.UNICODE, Capability.ALPHANUMERIC_SENDER, Capability.TEMPLATES,
            Capability.CONCATENATION, Capability.VALIDITY_PERIOD));

    private final ProviderHttp http;
    private final String accountSid;
    private final String authorization;
    private final String messagingServiceSid;
    private final String statusCallback;
    private final SenderRules senderRules;
    private final TwilioReceiptParser receipts;
    private final URI messagesUri;

    private TwilioProvider(ProviderConfig config, Clock clock) {
        config.requireAll(ACCOUNT_SID, AUTH_TOKEN);
        this.accountSid = config.require(ACCOUNT_SID).strip();
        String token = config.require(AUTH_TOKEN).strip();
        if (!accountSid.matches("AC[0-9a-zA-Z]{32}")) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + ACCOUNT_SID + " of provider 'twilio' must "
                    + "be the 34-character Account SID starting with AC (Twilio console, Account Info), was '"
                    + accountSid + "'");
        }
        if (token.isEmpty()) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + AUTH_TOKEN + " of provider 'twilio' is "
                    + "empty; copy the Auth Token from the Twilio console");
        }
        this.messagingServiceSid = config.get(MESSAGING_SERVICE_SID).map(String::strip).orElse(null);
        if (messagingServiceSid != null && !messagingServiceSid.matches("MG[0-9a-zA-Z]{32}")) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + MESSAGING_SERVICE_SID + " of provider "
                    + "'twilio' must be a 34-character SID starting with MG, was '" + messagingServiceSid + "'");
        }
        this.statusCallback = config.get(STATUS_CALLBACK).map(String::strip).orElse(null);
        if (statusCallback != null) {
            ProviderHttp.checkBaseUrl(NAME, STATUS_CALLBACK, statusCallback); // https, or loopback http
        }
        this.http = ProviderHttp.create(NAME, config, DEFAULT_BASE_URL, clock, token);
        this.authorization = ProviderHttp.basicAuth(accountSid, token);
        this.messagesUri = http.resolve(accountPath("/Messages.json"));
        // Alphanumeric senders: up to 11 characters, at least one letter (Twilio "Alphanumeric
        // Sender ID" support article); not supported for US/Canada recipients.
        SenderRules.Builder rules = SenderRules.builder().maxAlphanumericLength(11)
                .note("alphanumeric senders do not work for US/Canada numbers; use a Twilio number there");
        this.senderRules = rules.senderRequired(messagingServiceSid == null).build();
        this.receipts = new TwilioReceiptParser(token);
    }

    /**
     * Creates the provider from its settings with the UTC system clock.
     *
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static TwilioProvider create(ProviderConfig config) {
        return create(config, Clock.systemUTC());
    }

    /**
     * Creates the provider with a clock for timestamps and {@code Retry-After} dates.
     *
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static TwilioProvider create(ProviderConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        return new TwilioProvider(config, clock);
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

    /** The Account SID (not secret). */
    public String accountSid() {
        return accountSid;
    }

    /**
     * Sends one message: {@code POST /2010-04-01/Accounts/{sid}/Messages.json} with a form body.
     * The future fails with {@link SmsException} classified from Twilio's error code.
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
        HttpRequest request = http.request(messagesUri)
                .header("Authorization", authorization)
                .header("Content-Type", Forms.CONTENT_TYPE)
                .POST(Forms.body(form))
                .build();
        if (LOG.isDebugEnabled()) {
            LOG.debug("twilio: sending to {} ({} segment(s), {})", PhoneNumbers.mask(sms.to()), sms.segments(),
                    Submissions.encoding(sms));
        }
        return http.exchange(request, response -> toResult(sms, response));
    }

    Map<String, String> form(OutgoingSms sms) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("To", sms.to());
        Optional<SenderId> from = sms.from();
        if (from.isPresent()) {
            form.put("From", from.get().value());
        } else if (messagingServiceSid != null) {
            form.put("MessagingServiceSid", messagingServiceSid);
        } else {
            throw new SmsException(ErrorKind.INVALID_SENDER, "twilio needs a sender: set a From number or "
                    + "alphanumeric sender, or the setting " + MESSAGING_SERVICE_SID);
        }
        if (sms.templateId().isPresent()) {
            // Content API templates: ContentSid (HX...) + ContentVariables as a JSON object string.
            form.put("ContentSid", sms.templateId().get());
            if (!sms.templateParams().isEmpty()) {
                ObjectNode vars = ProviderHttp.object();
                sms.templateParams().forEach(vars::put);
                form.put("ContentVariables", ProviderHttp.write(vars));
            }
        } else {
            form.put("Body", Submissions.requireText(NAME, sms));
        }
        if (statusCallback != null) {
            form.put("StatusCallback", statusCallback);
        }
        sms.validUntil().ifPresent(until -> {
            long seconds = Duration.between(http.clock().instant(), until).toSeconds();
            form.put("ValidityPeriod", Long.toString(Math.max(1, Math.min(MAX_VALIDITY_SECONDS, seconds))));
        });
        return form;
    }

    /** Fields of the Message resource read from a create answer. */
    private static final Set<String> RESULT_FIELDS = Set.of("sid", "status", "num_segments", "price", "price_unit");

    private SendResult toResult(OutgoingSms sms, HttpResponse<String> response) {
        if (!HttpErrors.isSuccess(response.statusCode())) {
            throw error(response);
        }
        Map<String, String> json = http.scalarFields(response, RESULT_FIELDS);
        String sid = json.get("sid");
        if (sid == null || sid.isBlank()) {
            throw SmsException.builder(ErrorKind.PROVIDER_ERROR, "twilio answer lacks 'sid': '"
                    + http.excerpt(response.body()) + "'").provider(NAME).build();
        }
        SendResult.Builder b = SendResult.builder()
                .messageId(sid)
                .to(sms.to())
                .status(STATUS.of(json.getOrDefault("status", "queued")))
                .segments(segments(json.get("num_segments"), sms))
                .encoding(Submissions.encoding(sms))
                .provider(NAME)
                .submittedAt(http.clock().instant());
        sms.reference().ifPresent(b::reference);
        price(json.get("price"), json.get("price_unit")).ifPresent(b::price);
        if (LOG.isDebugEnabled()) {
            LOG.debug("twilio: accepted {} for {}", sid, PhoneNumbers.mask(sms.to()));
        }
        return b.build();
    }

    /** {@code num_segments} is a string, "0" when sent through a Messaging Service. */
    private static int segments(String numSegments, OutgoingSms sms) {
        try {
            int n = numSegments == null ? 0 : Integer.parseInt(numSegments);
            return n >= 1 ? n : sms.segments();
        } catch (NumberFormatException e) {
            return sms.segments();
        }
    }

    /** {@code price} is a string such as "-0.00750" (null until sent), {@code price_unit} "USD". */
    private static Optional<Money> price(String amount, String unit) {
        if (amount == null || unit == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Money(new BigDecimal(amount), Currency.getInstance(unit)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Classifies a Twilio error answer ({@code {"code":21211,"message":"...","more_info":"...",
     * "status":400}}) by its code, falling back on the HTTP status.
     */
    SmsException error(HttpResponse<String> response) {
        JsonNode json = ProviderHttp.tryJson(response.body());
        String code = ProviderHttp.text(json, "code").orElse(null);
        String message = ProviderHttp.text(json, "message").orElse(json == null ? response.body() : "");
        ErrorKind kind = code == null ? HttpErrors.kindForStatus(response.statusCode())
                : TwilioErrors.kind(code, response.statusCode());
        return HttpErrors.fromResponse(http, response, kind, code, message, TwilioErrors.hint(code, kind)).build();
    }

    /**
     * Checks the credentials with {@code GET /2010-04-01/Accounts/{sid}.json}, the cheapest
     * authenticated read; a suspended or closed account is reported as invalid.
     */
    @Override
    public CompletableFuture<CredentialCheck> verifyCredentials() {
        HttpRequest request = http.request(accountPath(".json")).header("Authorization", authorization).GET().build();
        return CredentialChecks.recover(http.query(request, response -> {
            if (!HttpErrors.isSuccess(response.statusCode())) {
                throw error(response);
            }
            JsonNode json = http.json(response);
            String status = ProviderHttp.text(json, "status").orElse("unknown");
            String name = ProviderHttp.text(json, "friendly_name").orElse(accountSid);
            if (!status.equals("active")) {
                return CredentialCheck.invalid(ErrorKind.AUTHENTICATION, "Twilio account '" + name + "' is " + status
                        + "; reactivate it in the Twilio console", http.clock().instant());
            }
            return CredentialCheck.valid("Twilio account '" + name + "' is active", http.clock().instant());
        }), http.clock());
    }

    /** The balance from {@code GET /2010-04-01/Accounts/{sid}/Balance.json}. */
    @Override
    public CompletableFuture<Balance> balance() {
        HttpRequest request = http.request(accountPath("/Balance.json")).header("Authorization", authorization)
                .GET().build();
        return http.query(request, response -> {
            if (!HttpErrors.isSuccess(response.statusCode())) {
                throw error(response);
            }
            JsonNode json = http.json(response);
            String amount = http.requireText(json, "balance", response.body());
            String currency = http.requireText(json, "currency", response.body());
            return Balance.ofMoney(new BigDecimal(amount), Currency.getInstance(currency), http.clock().instant());
        });
    }

    /** The parser of status callbacks; it verifies {@code X-Twilio-Signature} with the auth token. */
    @Override
    public Optional<ReceiptParser> receipts() {
        return Optional.of(receipts);
    }

    private String accountPath(String suffix) {
        return "2010-04-01/Accounts/" + URLEncoder.encode(accountSid, StandardCharsets.UTF_8) + suffix;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "TwilioProvider{accountSid=" + accountSid + ", baseUrl=" + http.baseUrl()
                + (messagingServiceSid == null ? "" : ", messagingServiceSid=" + messagingServiceSid) + '}';
    }
}
