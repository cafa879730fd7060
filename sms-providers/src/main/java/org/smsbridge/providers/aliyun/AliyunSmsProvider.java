package org.smsbridge.providers.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
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
 * Alibaba Cloud SMS (Dysms, {@code dysmsapi.aliyuncs.com}, API version 2017-05-25): sends approved
 * templates with {@code SendSms} and {@code SendBatchSms}, signs every request with the RPC
 * signature (HMAC-SHA1), checks credentials with {@code QuerySmsSign} and parses the SmsReport
 * delivery receipts that Aliyun pushes over HTTP (or that a host takes from its MNS queue).
 *
 * <p>Templates only: a message needs {@code templateId} (the template code, e.g.
 * {@code SMS_71390007}) and named {@code templateParams} matching the template's {@code ${name}}
 * variables. Every message is sent with a registered sign name (签名): the message's
 * {@code metadata("signName")}, else its {@code from}, else the setting {@value #SIGN_NAME}.
 *
 * <pre>{@code
 * SmsProvider aliyun = SmsProviders.create("aliyun", ProviderConfig.builder()
 *         .put("accessKeyId", "LTAI5t...")
 *         .secret("accessKeySecret", secret)
 *         .put("signName", "阿里云短信测试")
 *         .build());
 * SmsClient sms = SmsClient.builder().provider(aliyun).build();
 * sms.message().to("+8613800138000").templateId("SMS_71390007").putTemplateParam("code", "4370").send();
 * }</pre>
 *
 * <p>Thread-safe: one instance (one HTTP client) serves the whole application; {@link #close()}
 * releases it.
 */
public final class AliyunSmsProvider implements SmsProvider {
    /** The provider name, {@value}. */
    public static final String NAME = "aliyun";
    /** Setting: the AccessKey ID. Required. */
    public static final String ACCESS_KEY_ID = "accessKeyId";
    /** Setting: the AccessKey secret. Required; secret. */
    public static final String ACCESS_KEY_SECRET = "accessKeySecret";
    /** Setting: the registered sign name (签名) used when a message names none. Required. */
    public static final String SIGN_NAME = "signName";
    /** Setting: the region; default {@value #DEFAULT_REGION}. */
    public static final String REGION_ID = "regionId";
    /**
     * Setting: a secret that receipt callbacks must carry as the {@code token} query parameter
     * ({@code https://shop.example/sms/receipts/aliyun?token=...}); optional, secret.
     */
    public static final String RECEIPT_TOKEN = "receiptToken";
    /** Default of {@value #REGION_ID}. */
    public static final String DEFAULT_REGION = "cn-hangzhou";
    /** The default endpoint; change it with the {@code baseUrl} setting. */
    public static final String DEFAULT_BASE_URL = "https://dysmsapi.aliyuncs.com/";
    /** The metadata key that chooses another registered sign name for one message. */
    public static final String SIGN_NAME_METADATA = "signName";
    /** Most numbers in one {@code SendBatchSms} request. */
    public static final int MAX_BATCH = 100;

    static final String API_VERSION = "2017-05-25";
    private static final Logger LOG = LoggerFactory.getLogger(AliyunSmsProvider.class);
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
            Capability.TEMPLATES_ONLY, Capability.UNICODE, Capability.BATCH, Capability.DELIVERY_RECEIPTS,
            Capability.CONCATENATION));
    private static final SenderRules SENDER_RULES = SenderRules.builder()
            .allowedTypes(SenderId.Type.ALPHANUMERIC)
            .note("Aliyun sends a registered sign name (签名), by default the signName setting; a Chinese sign "
                    + "name for one message goes into metadata signName")
            .build();

    private final String accessKeyId;
    private final String accessKeySecret;
    private final String signName;
    private final String regionId;
    private final ProviderHttp http;
    private final Supplier<String> nonces;
    private final AliyunReceiptParser receipts;

    private AliyunSmsProvider(ProviderConfig config, Clock clock, Supplier<String> nonces) {
        Objects.requireNonNull(config, "config");
        config.requireAll(ACCESS_KEY_ID, ACCESS_KEY_SECRET, SIGN_NAME);
        this.accessKeyId = config.require(ACCESS_KEY_ID).strip();
        this.accessKeySecret = config.require(ACCESS_KEY_SECRET);
        this.signName = config.require(SIGN_NAME).strip();
        if (signName.isEmpty()) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + SIGN_NAME + " of provider 'aliyun' is "
                    + "blank; use the sign name (签名) approved in the Aliyun SMS console");
        }
        this.regionId = config.get(REGION_ID).orElse(DEFAULT_REGION).strip();
        this.nonces = nonces;
        this.http = ProviderHttp.create(NAME, config, DEFAULT_BASE_URL, clock, accessKeySecret,
                config.get(RECEIPT_TOKEN).orElse(null));
        this.receipts = new AliyunReceiptParser(config.get(RECEIPT_TOKEN).orElse(null));
    }

    /**
     * Creates the provider from its settings ({@value #ACCESS_KEY_ID}, {@value #ACCESS_KEY_SECRET},
     * {@value #SIGN_NAME}, optional {@value #REGION_ID}, {@value #RECEIPT_TOKEN}, {@code baseUrl},
     * {@code connectTimeout}, {@code requestTimeout}).
     *
     * @param config the settings
     * @return an Aliyun provider with its own HTTP client; close it when done
     * @throws SmsException CONFIGURATION naming every missing or malformed setting
     */
    public static AliyunSmsProvider create(ProviderConfig config) {
        return new AliyunSmsProvider(config, Clock.systemUTC(), () -> UUID.randomUUID().toString());
    }

    /** For tests: a fixed clock and nonces. */
    static AliyunSmsProvider create(ProviderConfig config, Clock clock, Supplier<String> nonces) {
        return new AliyunSmsProvider(config, clock, nonces);
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
        Map<String, String> params;
        try {
            String template = requireTemplate(sms);
            params = common("SendSms");
            params.put("PhoneNumbers", number(sms.to()));
            params.put("SignName", signNameOf(sms));
            params.put("TemplateCode", template);
            if (!sms.templateParams().isEmpty()) {
                params.put("TemplateParam", ProviderHttp.write(paramsJson(sms.templateParams())));
            }
            sms.reference().ifPresent(r -> params.put("OutId", r));
        } catch (SmsException e) {
            return CompletableFuture.failedFuture(e);
        }
        LOG.debug("aliyun SendSms to {} template {}", PhoneNumbers.mask(sms.to()), params.get("TemplateCode"));
        return http.exchange(post(params), r -> result(sms, bizId(r)));
    }

    /**
     * Sends up to {@value #MAX_BATCH} template messages in one {@code SendBatchSms} request. All must
     * use the same template; each keeps its own number, sign name and parameters. Aliyun answers
     * with one {@code BizId} for the whole request, so every result carries that id (receipts name it
     * together with the number).
     *
     * @param batch the messages, each already validated (e.g. by {@code OutgoingSms.of})
     * @return one entry per message in input order, or a future failed with {@link SmsException}
     *         when the request was refused (then no message was sent): CONFIGURATION, before any
     *         request, for more than {@value #MAX_BATCH} messages, a text message or mixed
     *         templates; an empty batch completes with an empty result
     * @throws NullPointerException if the list or one of its messages is null
     */
    public CompletableFuture<BatchResult> submitBatch(List<OutgoingSms> batch) {
        return Batches.submit(NAME, batch, MAX_BATCH, "SendBatchSms request", this::sendBatch);
    }

    private CompletableFuture<BatchResult> sendBatch(List<OutgoingSms> batch) {
        String template = requireTemplate(batch.get(0));
        ArrayNode numbers = ProviderHttp.JSON.createArrayNode();
        ArrayNode signs = ProviderHttp.JSON.createArrayNode();
        ArrayNode values = ProviderHttp.JSON.createArrayNode();
        for (int i = 0; i < batch.size(); i++) {
            OutgoingSms sms = batch.get(i);
            if (!template.equals(requireTemplate(sms))) {
                throw SmsException.builder(ErrorKind.CONFIGURATION, "a SendBatchSms batch needs one template for "
                        + "every message; message 0 uses " + template + ", message " + i + " uses "
                        + sms.templateId().orElse("") + "; nothing was sent. Send them in separate batches")
                        .provider(NAME).build();
            }
            numbers.add(number(sms.to()));
            signs.add(signNameOf(sms));
            values.add(paramsJson(sms.templateParams()));
        }
        Map<String, String> params = common("SendBatchSms");
        params.put("PhoneNumberJson", ProviderHttp.write(numbers));
        params.put("SignNameJson", ProviderHttp.write(signs));
        params.put("TemplateCode", template);
        params.put("TemplateParamJson", ProviderHttp.write(values));
        LOG.debug("aliyun SendBatchSms of {} messages, template {}", batch.size(), params.get("TemplateCode"));
        return http.exchange(post(params), r -> {
            String id = bizId(r);
            List<BatchResult.Entry> out = new ArrayList<>(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                out.add(BatchResult.Entry.success(i, batch.get(i).message(), result(batch.get(i), id)));
            }
            return new BatchResult(out);
        });
    }

    /**
     * Checks the AccessKey and the default sign name with {@code QuerySmsSign}, the cheapest signed
     * read of the SMS API. Rejected keys, a missing RAM permission or an unknown sign name complete
     * with an invalid check; an unreachable endpoint fails the future.
     */
    @Override
    public CompletableFuture<CredentialCheck> verifyCredentials() {
        Map<String, String> params = common("QuerySmsSign");
        params.put("SignName", signName);
        CompletableFuture<CredentialCheck> out = new CompletableFuture<>();
        http.query(post(params), r -> {
            JsonNode json = answer(r);
            String status = ProviderHttp.text(json, "SignStatus").orElse("?");
            String meaning = "1".equals(status) ? "approved" : "0".equals(status) ? "under review"
                    : "2".equals(status) ? "rejected" : "in status " + status;
            return CredentialCheck.valid("AccessKey " + accessKeyId + " accepted; sign name '" + signName + "' is "
                    + meaning, http.clock().instant());
        }).whenComplete((check, error) -> {
            if (error == null) {
                out.complete(check);
                return;
            }
            SmsException e = http.transportError(error);
            if (e.kind() == ErrorKind.AUTHENTICATION || e.kind() == ErrorKind.CONFIGURATION
                    || e.kind() == ErrorKind.INVALID_SENDER) {
                out.complete(CredentialCheck.invalid(e.kind(), e.getMessage(), http.clock().instant()));
            } else {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /**
     * The parser of SmsReport receipts (HTTP batch push, a JSON array; or one MNS message body, a
     * JSON object). Aliyun does not sign them; when {@value #RECEIPT_TOKEN} is set, the callback URL
     * must carry it as {@code ?token=}.
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
        return "AliyunSmsProvider{accessKeyId=" + accessKeyId + ", signName=" + signName + ", region=" + regionId
                + ", " + http.baseUrl() + '}';
    }

    private Map<String, String> common(String action) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccessKeyId", accessKeyId);
        p.put("Action", action);
        p.put("Format", "JSON");
        p.put("RegionId", regionId);
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", nonces.get());
        p.put("SignatureVersion", "1.0");
        p.put("Timestamp", TIMESTAMP.format(http.clock().instant().truncatedTo(ChronoUnit.SECONDS)));
        p.put("Version", API_VERSION);
        return p;
    }

    private HttpRequest post(Map<String, String> params) {
        return http.request("/")
                .header("Content-Type", Forms.CONTENT_TYPE)
                .POST(HttpRequest.BodyPublishers.ofString(AliyunSignature.signedQuery("POST", params, accessKeySecret)))
                .build();
    }

    private static String requireTemplate(OutgoingSms sms) {
        return sms.templateId().orElseThrow(() -> new SmsException(ErrorKind.CONFIGURATION, "provider 'aliyun' "
                + "sends only approved templates; use templateId(\"SMS_...\") and template parameters instead of "
                + "text(...)"));
    }

    private String signNameOf(OutgoingSms sms) {
        String fromMetadata = sms.metadata().get(SIGN_NAME_METADATA);
        if (fromMetadata != null && !fromMetadata.isBlank()) {
            return fromMetadata.strip();
        }
        return sms.from().map(SenderId::value).orElse(signName);
    }

    /** Mainland numbers without +86 (as Dysms wants them), others as country code + number. */
    static String number(String e164) {
        return e164.startsWith("+86") ? e164.substring(3) : Submissions.digitsOnly(e164);
    }

    private static ObjectNode paramsJson(Map<String, String> values) {
        ObjectNode o = ProviderHttp.object();
        values.forEach(o::put);
        return o;
    }

    private JsonNode answer(HttpResponse<String> r) {
        JsonNode json = ProviderHttp.tryJson(r.body());
        String code = json == null ? null : ProviderHttp.text(json, "Code").orElse(null);
        if (HttpErrors.isSuccess(r.statusCode()) && "OK".equals(code)) {
            return json;
        }
        if (code == null) {
            if (HttpErrors.isSuccess(r.statusCode())) {
                http.json(r);
                throw SmsException.builder(ErrorKind.PROVIDER_ERROR, "aliyun answered without a Code: '"
                        + http.excerpt(r.body()) + "'").provider(NAME).build();
            }
            ErrorKind kind = HttpErrors.kindForStatus(r.statusCode());
            throw HttpErrors.fromResponse(http, r, kind, null, r.body(), HttpErrors.hint(kind)).build();
        }
        ErrorKind fallback = HttpErrors.isSuccess(r.statusCode()) ? ErrorKind.PROVIDER_ERROR
                : HttpErrors.kindForStatus(r.statusCode());
        ErrorKind kind = AliyunErrors.kindOf(code, fallback);
        String message = ProviderHttp.text(json, "Message").orElse("");
        SmsException.Builder b = HttpErrors.fromResponse(http, r, kind, code, message, HttpErrors.hint(kind))
                .retryable(AliyunErrors.retryable(code, kind));
        if (HttpErrors.retryAfter(r.headers(), http.clock()).isEmpty()) {
            AliyunErrors.flowControlWindow(code, message).ifPresent(b::retryAfter);
        }
        throw b.build();
    }

    private String bizId(HttpResponse<String> r) {
        JsonNode json = answer(r);
        return http.requireText(json, "BizId", r.body());
    }

    private SendResult result(OutgoingSms sms, String bizId) {
        SendResult.Builder b = SendResult.builder()
                .messageId(bizId)
                .to(sms.to())
                .status(MessageStatus.QUEUED)
                .segments(sms.segments())
                .encoding(Submissions.encoding(sms))
                .provider(NAME)
                .submittedAt(http.clock().instant());
        sms.reference().ifPresent(b::reference);
        return b.build();
    }
}
