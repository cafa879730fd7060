package org.smsbridge.providers.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsbridge.BatchResult;
import org.smsbridge.CredentialCheck;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.SenderId;
import org.smsbridge.SmsException;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.providers.internal.Batches;
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
 * Tencent Cloud SMS (API 3.0, {@code sms.tencentcloudapi.com}, version 2021-01-11): sends approved
 * templates with {@code SendSms} (up to {@value #MAX_BATCH} numbers a request), signs every request
 * with TC3-HMAC-SHA256, checks credentials with {@code SmsPackagesStatistics} and parses the SMS
 * status callbacks ("短信下发状态回调").
 *
 * <p>Templates only: a message needs {@code templateId} (e.g. {@code 1110}) and
 * {@code templateParams} for the template's {@code {1}}, {@code {2}} ... in order (keys {@code "1"},
 * {@code "2"}, ... or any keys in insertion order). Mainland China numbers need a registered sign
 * name (签名): the message's {@code metadata("signName")}, else the setting {@value #SIGN_NAME}.
 * For other countries the message's {@code from} is sent as {@code SenderId} when given.
 *
 * <pre>{@code
 * SmsProvider tencent = SmsProviders.create("tencent", ProviderConfig.builder()
 *         .put("secretId", "AKID...")
 *         .secret("secretKey", key)
 *         .put("smsSdkAppId", "1400006666")
 *         .put("signName", "腾讯云")
 *         .build());
 * SmsClient sms = SmsClient.builder().provider(tencent).build();
 * sms.message().to("+8613711112222").templateId("1110").putTemplateParam("1", "4370").send();
 * }</pre>
 *
 * <p>Thread-safe: one instance (one HTTP client) serves the whole application; {@link #close()}
 * releases it.
 */
public final class TencentSmsProvider implements SmsProvider {
    /** The provider name, {@value}. */
    public static final String NAME = "tencent";
    /** Setting: the API SecretId. Required. */
    public static final String SECRET_ID = "secretId";
    /** Setting: the API SecretKey. Required; secret. */
    public static final String SECRET_KEY = "secretKey";
    /** Setting: the SMS application's SdkAppId, e.g. {@code 1400006666}. Required. */
    public static final String SMS_SDK_APP_ID = "smsSdkAppId";
    /** Setting: the registered sign name (签名) for mainland China numbers. */
    public static final String SIGN_NAME = "signName";
    /** Setting: the API region; default {@value #DEFAULT_REGION}. */
    public static final String REGION = "region";
    /**
     * Setting: a secret that status callbacks must carry as the {@code token} query parameter
     * ({@code https://shop.example/sms/receipts/tencent?token=...}); optional, secret.
     */
    public static final String RECEIPT_TOKEN = "receiptToken";
    /** Default of {@value #REGION}. */
    public static final String DEFAULT_REGION = "ap-guangzhou";
    /** The default endpoint; change it with the {@code baseUrl} setting. */
    public static final String DEFAULT_BASE_URL = "https://sms.tencentcloudapi.com/";
    /** The metadata key that chooses another registered sign name for one message. */
    public static final String SIGN_NAME_METADATA = "signName";
    /** Most numbers in one {@code SendSms} request. */
    public static final int MAX_BATCH = 200;

    static final String API_VERSION = "2021-01-11";
    static final String SERVICE = "sms";
    static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(TencentSmsProvider.class);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("yyyyMMddHH").withZone(ZoneOffset.UTC);
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.TEMPLATES_ONLY, Capability.UNICODE, Capability.BATCH, Capability.DELIVERY_RECEIPTS,
            Capability.CONCATENATION, Capability.ALPHANUMERIC_SENDER));
    private static final SenderRules SENDER_RULES = SenderRules.builder()
            .allowedTypes(SenderId.Type.ALPHANUMERIC, SenderId.Type.NUMERIC)
            .note("Tencent sends the from sender only as SenderId to numbers outside mainland China; mainland "
                    + "messages carry the registered sign name (签名) of the signName setting")
            .build();

    private final String secretId;
    private final String secretKey;
    private final String appId;
    private final String signName;
    private final String region;
    private final String host;
    private final ProviderHttp http;
    private final TencentReceiptParser receipts;

    private TencentSmsProvider(ProviderConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        config.requireAll(SECRET_ID, SECRET_KEY, SMS_SDK_APP_ID);
        this.secretId = config.require(SECRET_ID).strip();
        this.secretKey = config.require(SECRET_KEY);
        this.appId = config.require(SMS_SDK_APP_ID).strip();
        this.signName = config.get(SIGN_NAME).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        this.region = config.get(REGION).orElse(DEFAULT_REGION).strip();
        this.http = ProviderHttp.create(NAME, config, DEFAULT_BASE_URL, clock, secretKey,
                config.get(RECEIPT_TOKEN).orElse(null));
        URI base = http.baseUrl();
        this.host = base.getHost() + (base.getPort() < 0 ? "" : ":" + base.getPort());
        this.receipts = new TencentReceiptParser(config.get(RECEIPT_TOKEN).orElse(null));
    }

    /**
     * Creates the provider from its settings ({@value #SECRET_ID}, {@value #SECRET_KEY},
     * {@value #SMS_SDK_APP_ID}, optional {@value #SIGN_NAME}, {@value #REGION},
     * {@value #RECEIPT_TOKEN}, {@code baseUrl}, {@code connectTimeout}, {@code requestTimeout}).
     *
     * @param config the settings
     * @return a Tencent provider with its own HTTP client; close it when done
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static TencentSmsProvider create(ProviderConfig config) {
        return new TencentSmsProvider(config, Clock.systemUTC());
    }

    /** For tests: a fixed clock. */
    static TencentSmsProvider create(ProviderConfig config, Clock clock) {
        return new TencentSmsProvider(config, clock);
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

    @Override
    public CompletableFuture<SendResult> submit(OutgoingSms sms) {
        Objects.requireNonNull(sms, "sms");
        // Completed by hand so that the future fails with the SmsException itself, not a CompletionException.
        CompletableFuture<SendResult> out = new CompletableFuture<>();
        send(List.of(sms)).whenComplete((batch, error) -> {
            if (error != null) {
                out.completeExceptionally(http.transportError(error));
                return;
            }
            BatchResult.Entry e = batch.entries().get(0);
            if (e.error().isPresent()) {
                out.completeExceptionally(e.error().get());
            } else {
                out.complete(e.result().orElseThrow());
            }
        });
        return out;
    }

    /**
     * Sends up to {@value #MAX_BATCH} template messages in one {@code SendSms} request. Tencent takes
     * one template, one parameter list and one sign name per request, so every message must share
     * them; each number is accepted or refused on its own.
     *
     * @param batch the messages, each already validated (e.g. by {@code OutgoingSms.of})
     * @return one entry per message in input order (a refused number is a failed entry with the
     *         provider's code), or a future failed with {@link SmsException} when the whole request
     *         was refused: CONFIGURATION, before any request, when the batch has more than
     *         {@value #MAX_BATCH} messages, mixes mainland China (+86) and international numbers
     *         (Tencent takes only one or the other per request), or its messages differ in
     *         template, parameters or sign name; an empty batch completes with an empty result
     * @throws NullPointerException if the list or one of its messages is null
     */
    public CompletableFuture<BatchResult> submitBatch(List<OutgoingSms> batch) {
        return Batches.submit(NAME, batch, MAX_BATCH, "SendSms request", checked -> {
            checkOneRequest(checked);
            return send(checked);
        });
    }

    /** The rules of one SendSms request, checked before it is made. */
    private static void checkOneRequest(List<OutgoingSms> batch) {
        OutgoingSms first = batch.get(0);
        boolean firstMainland = first.to().startsWith("+86");
        for (int i = 1; i < batch.size(); i++) {
            OutgoingSms sms = batch.get(i);
            if (sms.to().startsWith("+86") != firstMainland) {
                throw batchRule("a Tencent SendSms request takes either mainland China (+86) numbers or international "
                        + "numbers, not both; message 0 is " + (firstMainland ? "mainland" : "international")
                        + ", message " + i + " is " + (firstMainland ? "international" : "mainland")
                        + "; nothing was sent. Send mainland and international numbers in separate batches");
            }
            String differs = !sms.templateId().equals(first.templateId()) ? "template"
                    : !sms.templateParams().equals(first.templateParams()) ? "template parameters"
                    : !Objects.equals(sms.metadata().get(SIGN_NAME_METADATA), first.metadata().get(SIGN_NAME_METADATA))
                            ? "sign name" : null;
            if (differs != null) {
                throw batchRule("a Tencent SendSms request needs the same template, template parameters and sign "
                        + "name for every number; message " + i + " differs from message 0 in its " + differs
                        + "; nothing was sent. Send differing messages in separate batches");
            }
        }
    }

    private static SmsException batchRule(String message) {
        return SmsException.builder(ErrorKind.CONFIGURATION, message).provider(NAME).build();
    }

    private CompletableFuture<BatchResult> send(List<OutgoingSms> batch) {
        OutgoingSms first = batch.get(0);
        ObjectNode body = ProviderHttp.object();
        try {
            String template = first.templateId().orElseThrow(() -> new SmsException(ErrorKind.CONFIGURATION,
                    "provider 'tencent' sends only approved templates; use templateId(\"1110\") and template "
                    + "parameters instead of text(...)"));
            ArrayNode numbers = body.putArray("PhoneNumberSet");
            boolean mainland = false;
            for (OutgoingSms sms : batch) {
                numbers.add(sms.to());
                mainland |= sms.to().startsWith("+86");
            }
            body.put("SmsSdkAppId", appId);
            body.put("TemplateId", template);
            String sign = Optional.ofNullable(first.metadata().get(SIGN_NAME_METADATA)).map(String::strip)
                    .filter(s -> !s.isEmpty()).orElse(signName);
            if (sign != null) {
                body.put("SignName", sign);
            } else if (mainland) {
                throw new SmsException(ErrorKind.CONFIGURATION, "provider 'tencent' needs a registered sign name "
                        + "(签名) for mainland China numbers; set the signName setting to a sign name approved in the "
                        + "Tencent Cloud SMS console");
            }
            ArrayNode values = body.putArray("TemplateParamSet");
            orderedParams(first.templateParams()).forEach(values::add);
            first.reference().ifPresent(r -> body.put("SessionContext", r));
            if (!mainland) {
                first.from().ifPresent(f -> body.put("SenderId", f.value()));
            }
        } catch (SmsException e) {
            return CompletableFuture.failedFuture(e);
        }
        LOG.debug("tencent SendSms to {}{} template {}", PhoneNumbers.mask(first.to()),
                batch.size() > 1 ? " and " + (batch.size() - 1) + " more" : "", body.get("TemplateId").asText());
        return http.exchange(signed("SendSms", ProviderHttp.write(body)), r -> results(batch, r));
    }

    /**
     * Checks SecretId, SecretKey and SdkAppId with {@code SmsPackagesStatistics} (a read of the
     * application's SMS packages, the cheapest signed call that also proves the SdkAppId). Rejected
     * keys or an unknown SdkAppId complete with an invalid check; an unreachable endpoint fails the
     * future.
     */
    @Override
    public CompletableFuture<CredentialCheck> verifyCredentials() {
        java.time.Instant now = http.clock().instant();
        ObjectNode body = ProviderHttp.object();
        body.put("SmsSdkAppId", appId);
        body.put("Limit", 1);
        body.put("Offset", 0);
        body.put("BeginTime", HOUR.format(now.minus(Duration.ofDays(30))));
        body.put("EndTime", HOUR.format(now));
        CompletableFuture<CredentialCheck> out = new CompletableFuture<>();
        http.query(signed("SmsPackagesStatistics", ProviderHttp.write(body)), r -> {
            response(r);
            return CredentialCheck.valid("SecretId " + secretId + " and SdkAppId " + appId + " accepted",
                    http.clock().instant());
        }).whenComplete((check, error) -> {
            if (error == null) {
                out.complete(check);
                return;
            }
            SmsException e = http.transportError(error);
            if (e.kind() == ErrorKind.AUTHENTICATION || e.kind() == ErrorKind.CONFIGURATION) {
                out.complete(CredentialCheck.invalid(e.kind(), e.getMessage(), http.clock().instant()));
            } else {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /**
     * The parser of SMS status callbacks (a JSON array of reports). Tencent does not sign them; when
     * {@value #RECEIPT_TOKEN} is set, the callback URL must carry it as {@code ?token=}.
     */
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
        return "TencentSmsProvider{secretId=" + secretId + ", smsSdkAppId=" + appId + ", region=" + region + ", "
                + http.baseUrl() + '}';
    }

    /** Template parameters in template order: numeric keys by number, otherwise insertion order. */
    static List<String> orderedParams(Map<String, String> params) {
        boolean numeric = !params.isEmpty() && params.keySet().stream().allMatch(k -> k.matches("[0-9]{1,9}"));
        if (!numeric) {
            return List.copyOf(params.values());
        }
        TreeMap<Integer, String> byNumber = new TreeMap<>();
        params.forEach((k, v) -> byNumber.put(Integer.parseInt(k), v));
        return List.copyOf(byNumber.values());
    }

    private HttpRequest signed(String action, String payload) {
        long timestamp = http.clock().instant().getEpochSecond();
        return http.request("/")
                .header("Content-Type", CONTENT_TYPE)
                .header("X-TC-Action", action)
                .header("X-TC-Version", API_VERSION)
                .header("X-TC-Timestamp", Long.toString(timestamp))
                .header("X-TC-Region", region)
                .header("Authorization", Tc3Signer.authorization(secretId, secretKey, SERVICE, host, CONTENT_TYPE,
                        timestamp, payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload))
                .build();
    }

    /** The {@code Response} object of a successful answer; throws the classified error otherwise. */
    private JsonNode response(HttpResponse<String> r) {
        JsonNode json = ProviderHttp.tryJson(r.body());
        JsonNode response = json == null ? null : json.get("Response");
        if (response == null || !response.isObject()) {
            if (!HttpErrors.isSuccess(r.statusCode())) {
                ErrorKind kind = HttpErrors.kindForStatus(r.statusCode());
                throw HttpErrors.fromResponse(http, r, kind, null, r.body(), HttpErrors.hint(kind)).build();
            }
            http.json(r);
            throw SmsException.builder(ErrorKind.PROVIDER_ERROR, "tencent answered without a Response object: '"
                    + http.excerpt(r.body()) + "'").provider(NAME).build();
        }
        JsonNode error = response.get("Error");
        if (error != null && error.isObject()) {
            String code = ProviderHttp.text(error, "Code").orElse("UnknownError");
            ErrorKind fallback = HttpErrors.isSuccess(r.statusCode()) ? ErrorKind.PROVIDER_ERROR
                    : HttpErrors.kindForStatus(r.statusCode());
            ErrorKind kind = TencentErrors.kindOf(code, fallback);
            throw HttpErrors.fromResponse(http, r, kind, code, ProviderHttp.text(error, "Message").orElse(""),
                    HttpErrors.hint(kind)).build();
        }
        if (!HttpErrors.isSuccess(r.statusCode())) {
            ErrorKind kind = HttpErrors.kindForStatus(r.statusCode());
            throw HttpErrors.fromResponse(http, r, kind, null, r.body(), HttpErrors.hint(kind)).build();
        }
        return response;
    }

    private BatchResult results(List<OutgoingSms> batch, HttpResponse<String> r) {
        JsonNode set = response(r).get("SendStatusSet");
        if (set == null || !set.isArray() || set.size() != batch.size()) {
            throw SmsException.builder(ErrorKind.PROVIDER_ERROR, "tencent answer has no SendStatusSet with "
                    + batch.size() + " entries: '" + http.excerpt(r.body()) + "'").provider(NAME).build();
        }
        List<BatchResult.Entry> entries = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            OutgoingSms sms = batch.get(i);
            JsonNode status = statusFor(set, i, sms.to());
            String code = ProviderHttp.text(status, "Code").orElse("");
            if (!"Ok".equalsIgnoreCase(code)) {
                ErrorKind kind = TencentErrors.kindOf(code.isEmpty() ? "UnknownError" : code, ErrorKind.PROVIDER_ERROR);
                SmsException e = HttpErrors.fromResponse(http, r, kind, code.isEmpty() ? null : code,
                        ProviderHttp.text(status, "Message").orElse(""), HttpErrors.hint(kind)).build();
                entries.add(BatchResult.Entry.failure(i, sms.message(), e));
                continue;
            }
            SendResult.Builder b = SendResult.builder()
                    .messageId(http.requireText(status, "SerialNo", r.body()))
                    .to(sms.to())
                    .status(MessageStatus.QUEUED)
                    .segments(Math.max(sms.segments(), status.path("Fee").asInt(0)))
                    .encoding(Submissions.encoding(sms))
                    .provider(NAME)
                    .submittedAt(http.clock().instant());
            sms.reference().ifPresent(b::reference);
            entries.add(BatchResult.Entry.success(i, sms.message(), b.build()));
        }
        return new BatchResult(entries);
    }

    /** The status of the number at {@code index}: same position when the number matches, else by number. */
    private static JsonNode statusFor(JsonNode set, int index, String number) {
        JsonNode same = set.get(index);
        if (number.equals(ProviderHttp.text(same, "PhoneNumber").orElse(number))) {
            return same;
        }
        for (JsonNode s : set) {
            if (number.equals(ProviderHttp.text(s, "PhoneNumber").orElse(""))) {
                return s;
            }
        }
        return same;
    }
}
