package org.smsbridge.providers.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smsbridge.BatchResult;
import org.smsbridge.CredentialCheck;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.providers.BatchRules;
import org.smsbridge.providers.MockApi;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviders;

/**
 * Aliyun Dysms against MockWebServer. Fixtures follow the Dysms API reference:
 * SendSms (help.aliyun.com/document_detail/101414, "返回示例":
 * {@code {"Code":"OK","Message":"OK","BizId":"9006197469364984****","RequestId":"F655A8D5-B967-440B-8683-DAD6FF8DE990"}}),
 * SendBatchSms (help.aliyun.com/document_detail/102364, parameters PhoneNumberJson, SignNameJson,
 * TemplateCode, TemplateParamJson), QuerySmsSign (help.aliyun.com/document_detail/121210, answer
 * {@code SignName}, {@code SignStatus} 0 审核中 / 1 审核通过 / 2 审核失败) and the error codes of
 * help.aliyun.com/document_detail/101346 (business errors come with HTTP 200 and a {@code Code};
 * OpenAPI gateway errors such as {@code InvalidAccessKeyId.NotFound} with HTTP 404 and
 * {@code HostId}/{@code Recommend}).
 */
class AliyunSmsProviderIT {
    static final String KEY_ID = "LTAI5tTestKeyId0001";
    static final String SECRET = "aliyunSecret_7f3c9e1b2d4a";
    static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");
    /** SendSms 返回示例 (help.aliyun.com/document_detail/101414): Code OK, Message OK, BizId, RequestId. */
    static final String OK = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\","
            + "\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\"}";

    private MockApi api;
    private AliyunSmsProvider aliyun;

    static ProviderConfig.Builder config(MockApi api) {
        return ProviderConfig.builder().put("accessKeyId", KEY_ID).secret("accessKeySecret", SECRET)
                .put("signName", "阿里云短信测试").put("baseUrl", api.baseUrl()).put("requestTimeout", "PT2S");
    }

    static AliyunSmsProvider provider(ProviderConfig config) {
        AtomicInteger n = new AtomicInteger();
        return AliyunSmsProvider.create(config, Clock.fixed(NOW, ZoneOffset.UTC), () -> "nonce-" + n.incrementAndGet());
    }

    @BeforeEach
    void start() {
        api = MockApi.start();
        aliyun = provider(config(api).build());
    }

    @AfterEach
    void stop() {
        aliyun.close();
        api.close();
    }

    private static OutgoingSms template(String to, Map<String, String> params) {
        return OutgoingSms.of(SmsMessage.builder().to(to).templateId("SMS_71390007").templateParams(params)
                .reference("order-42").build());
    }

    private static SmsException failure(CompletableFuture<?> f) {
        try {
            f.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(SmsException.class);
            return (SmsException) e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("future should have failed");
    }

    /** Every signed field except Signature, and checks Signature against a fresh computation. */
    private static Map<String, String> verifiedForm(RecordedRequest r) {
        Map<String, String> form = new LinkedHashMap<>(MockApi.form(r));
        String signature = form.remove("Signature");
        assertThat(signature).isEqualTo(AliyunSignature.sign("POST", form, SECRET));
        return form;
    }

    @Test
    void sendsATemplateAsASignedFormPostToTheRoot() throws Exception {
        api.enqueue(200, OK);
        SendResult r = aliyun.submit(template("+8613800138000", Map.of("code", "4370"))).get(10, TimeUnit.SECONDS);

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getTarget()).isEqualTo("/");
        assertThat(req.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(MockApi.body(req)).startsWith("Signature=");
        assertThat(verifiedForm(req)).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("AccessKeyId", KEY_ID), Map.entry("Action", "SendSms"), Map.entry("Format", "JSON"),
                Map.entry("RegionId", "cn-hangzhou"), Map.entry("SignatureMethod", "HMAC-SHA1"),
                Map.entry("SignatureNonce", "nonce-1"), Map.entry("SignatureVersion", "1.0"),
                Map.entry("Timestamp", "2026-11-24T14:00:00Z"), Map.entry("Version", "2017-05-25"),
                Map.entry("PhoneNumbers", "13800138000"), Map.entry("SignName", "阿里云短信测试"),
                Map.entry("TemplateCode", "SMS_71390007"), Map.entry("TemplateParam", "{\"code\":\"4370\"}"),
                Map.entry("OutId", "order-42")));
        assertThat(r.messageId()).isEqualTo("900619746936498440^0");
        assertThat(r.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(r.provider()).isEqualTo("aliyun");
        assertThat(r.reference()).contains("order-42");
        assertThat(r.to()).isEqualTo("+8613800138000");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+8613800138000|13800138000|王先生",
        "+306912345678|306912345678|Γιώργος",
        "+84912345678|84912345678|Nguyễn Văn Anh",
        "+447911123456|447911123456|Mr Smith"
    })
    void sendsInternationalNumbersWithCountryCodeAndUnicodeParameters(String to, String expected, String name)
            throws Exception {
        api.enqueue(200, OK);
        aliyun.submit(template(to, Map.of("name", name))).get(10, TimeUnit.SECONDS);
        Map<String, String> form = verifiedForm(api.take());
        assertThat(form).containsEntry("PhoneNumbers", expected)
                .containsEntry("TemplateParam", "{\"name\":\"" + name + "\"}");
    }

    @Test
    void usesTheSignNameOfTheMessageMetadataOrSenderBeforeTheSetting() throws Exception {
        api.enqueue(200, OK).enqueue(200, OK);
        aliyun.submit(OutgoingSms.of(SmsMessage.builder().to("+8613800138000").templateId("SMS_1")
                .putMetadata("signName", "车行通知").build())).get(10, TimeUnit.SECONDS);
        aliyun.submit(OutgoingSms.of(SmsMessage.builder().to("+8613800138000").templateId("SMS_1").from("ACME")
                .build())).get(10, TimeUnit.SECONDS);
        assertThat(verifiedForm(api.take())).containsEntry("SignName", "车行通知").doesNotContainKey("TemplateParam");
        assertThat(verifiedForm(api.take())).containsEntry("SignName", "ACME");
    }

    @Test
    void sendsABatchWithSendBatchSms() throws Exception {
        api.enqueue(200, OK);
        BatchResult b = aliyun.submitBatch(List.of(template("+8613800138000", Map.of("code", "1111")),
                template("+8613900139000", Map.of("code", "2222")))).get(10, TimeUnit.SECONDS);
        Map<String, String> form = verifiedForm(api.take());
        assertThat(form).containsEntry("Action", "SendBatchSms")
                .containsEntry("PhoneNumberJson", "[\"13800138000\",\"13900139000\"]")
                .containsEntry("SignNameJson", "[\"阿里云短信测试\",\"阿里云短信测试\"]")
                .containsEntry("TemplateCode", "SMS_71390007")
                .containsEntry("TemplateParamJson", "[{\"code\":\"1111\"},{\"code\":\"2222\"}]");
        assertThat(b.allSucceeded()).isTrue();
        assertThat(b.sent()).extracting(SendResult::messageId).containsOnly("900619746936498440^0");
        assertThat(b.sent()).extracting(SendResult::to).containsExactly("+8613800138000", "+8613900139000");
    }

    @Test
    void aBatchThatMixesTemplatesFailsTheFutureWithConfigurationBeforeAnyRequest() {
        SmsException e = BatchRules.refusedBeforeAnyRequest(aliyun.submitBatch(List.of(
                template("+8613800138000", Map.of()),
                OutgoingSms.of(SmsMessage.builder().to("+8613900139000").templateId("SMS_2").build()))), api);
        assertThat(e.getMessage()).contains("one template", "message 0 uses SMS_71390007, message 1 uses SMS_2",
                "separate batches");
    }

    @Test
    void aBatchWithATextMessageFailsTheFutureWithConfigurationLikeTheOtherBatchRules() {
        SmsException e = BatchRules.refusedBeforeAnyRequest(aliyun.submitBatch(List.of(
                template("+8613800138000", Map.of()),
                OutgoingSms.of(SmsMessage.builder().to("+8613900139000").text("Hello").build()))), api);
        assertThat(e.getMessage()).contains("sends only approved templates");
    }

    @Test
    void aBatchOfMoreThan100FailsTheFutureAndAnEmptyOneCompletesEmpty() throws Exception {
        BatchRules.assertSizeRules(aliyun::submitBatch, 100, "SendBatchSms request",
                template("+8613800138000", Map.of()), api);
    }

    @ParameterizedTest(name = "HTTP {0} {1} -> {2}")
    @CsvSource({
        "200, isv.BUSINESS_LIMIT_CONTROL, RATE_LIMITED, true",
        "200, isv.DAY_LIMIT_CONTROL, RATE_LIMITED, true",
        "200, isv.MOBILE_NUMBER_ILLEGAL, INVALID_NUMBER, false",
        "200, isv.AMOUNT_NOT_ENOUGH, INSUFFICIENT_BALANCE, false",
        "200, isv.OUT_OF_SERVICE, INSUFFICIENT_BALANCE, false",
        "404, InvalidAccessKeyId.NotFound, AUTHENTICATION, false",
        "400, SignatureDoesNotMatch, AUTHENTICATION, false",
        "400, SignatureNonceUsed, AUTHENTICATION, true",
        "200, isp.RAM_PERMISSION_DENY, AUTHENTICATION, false",
        "200, isv.SMS_SIGNATURE_ILLEGAL, INVALID_SENDER, false",
        "200, isv.SMS_CONTENT_ILLEGAL, BLOCKED_KEYWORD, false",
        "200, isv.TEMPLATE_MISSING_PARAMETERS, INVALID_CONTENT, false",
        "200, isv.PRODUCT_UN_SUBSCRIPT, CONFIGURATION, false",
        "500, isp.SYSTEM_ERROR, PROVIDER_UNAVAILABLE, true",
        "400, Throttling.User, RATE_LIMITED, true",
        "200, isv.SOMETHING_NEW, PROVIDER_ERROR, false",
        "503, SomethingElse, PROVIDER_UNAVAILABLE, true"
    })
    void classifiesErrorCodesAndKeepsTheProviderCode(int status, String code, ErrorKind kind, boolean retryable) {
        // Error shape of the Dysms reference ("错误码", help.aliyun.com/document_detail/101346):
        // {"RequestId":...,"HostId":"dysmsapi.aliyuncs.com","Code":"isv.BUSINESS_LIMIT_CONTROL","Message":"触发分钟级流控Permits:1","Recommend":...}
        api.enqueue(status, "{\"RequestId\":\"8906582E-6722-4D2E-A7B5-1A5D3F5A9B7E\",\"HostId\":\"dysmsapi.aliyuncs.com\","
                + "\"Code\":\"" + code + "\",\"Message\":\"触发分钟级流控Permits:1\",\"Recommend\":"
                + "\"https://api.aliyun.com/troubleshoot?q=" + code + "\"}");
        SmsException e = failure(aliyun.submit(template("+8613800138000", Map.of("code", "4370"))));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.providerCode()).contains(code);
        assertThat(e.provider()).contains("aliyun");
        assertThat(e.getMessage()).contains(code).doesNotContain(SECRET);
    }

    @Test
    void failsTheFutureWithTheSmsExceptionItselfNotAWrapper() throws Exception {
        api.enqueue(200, "{\"RequestId\":\"A9\",\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\",\"Message\":\"非法手机号\"}");
        Throwable t = aliyun.submit(template("+8613800138000", Map.of())).handle((r, e) -> e).get(10, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(SmsException.class);
    }

    @ParameterizedTest
    @CsvSource({"触发分钟级流控Permits:1, PT1M", "触发小时级流控Permits:5, PT1H", "触发天级流控Permits:10, PT24H"})
    void derivesTheRetryDelayFromAliyunsFlowControlMessage(String message, Duration expected) {
        // isv.BUSINESS_LIMIT_CONTROL: "对同一个手机号码发送短信验证码，支持1条/分钟，5条/小时，累计10条/天" (error-code page).
        api.enqueue(200, "{\"RequestId\":\"B1\",\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":\"" + message + "\"}");
        SmsException e = failure(aliyun.submit(template("+8613800138000", Map.of())));
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(expected);
    }

    @Test
    void honoursRetryAfterOnHttp429() {
        // Flow control of the OpenAPI gateway: Code "Throttling.User", "Request was denied due to user flow control."
        api.enqueue(429, "{\"Code\":\"Throttling.User\",\"Message\":\"Request was denied due to user flow control.\"}",
                "Retry-After: 7");
        SmsException e = failure(aliyun.submit(template("+8613800138000", Map.of())));
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void reportsAMalformedAnswerAsProviderErrorWithAnExcerpt() {
        api.enqueueRaw(200, "text/html", "<html><body>502 Bad Gateway</body></html>");
        SmsException e = failure(aliyun.submit(template("+8613800138000", Map.of())));
        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(e.getMessage()).contains("502 Bad Gateway");
    }

    @Test
    void reportsAnOkWithoutBizIdAsProviderError() {
        api.enqueue(200, "{\"Code\":\"OK\",\"Message\":\"OK\"}");
        SmsException e = failure(aliyun.submit(template("+8613800138000", Map.of())));
        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(e.getMessage()).contains("BizId");
    }

    @Test
    void timesOutWhenTheAnswerIsLate() {
        AliyunSmsProvider slow = provider(config(api).put("requestTimeout", "PT0.3S").build());
        api.enqueueDelayed(3000, 200, OK);
        SmsException e = failure(slow.submit(template("+8613800138000", Map.of())));
        slow.close();
        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void refusesPlainTextBecauseAliyunSendsOnlyTemplates() {
        assertThat(aliyun.capabilities()).contains(Capability.TEMPLATES_ONLY);
        SmsException direct = failure(aliyun.submit(OutgoingSms.of(SmsMessage.builder().to("+8613800138000")
                .text("您的验证码是 4370").build())));
        assertThat(direct.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(direct.getMessage()).contains("only approved templates");
        SmsClient client = SmsClient.builder().provider(aliyun).build();
        assertThatThrownBy(() -> client.message().to("+8613800138000").text("Hello").send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
        assertThat(api.server().getRequestCount()).isZero();
    }

    @Test
    void namesEveryMissingSetting() {
        assertThatThrownBy(() -> AliyunSmsProvider.create(ProviderConfig.builder().put("regionId", "cn-hangzhou").build()))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("accessKeyId", "accessKeySecret", "signName");
                });
    }

    @Test
    void refusesPlainHttpToARemoteHost() {
        assertThatThrownBy(() -> AliyunSmsProvider.create(config(api).put("baseUrl", "http://dysmsapi.aliyuncs.com/")
                .build())).isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("https");
                });
    }

    @Test
    void checksCredentialsWithQuerySmsSign() throws Exception {
        // QuerySmsSign 返回示例 (help.aliyun.com/document_detail/121210): SignName, SignStatus (1 = 审核通过), Reason, CreateDate.
        api.enqueue(200, "{\"RequestId\":\"3F1C2A4B-5D6E-4F70-8192-A3B4C5D6E7F8\",\"Code\":\"OK\",\"Message\":\"OK\","
                + "\"SignName\":\"阿里云短信测试\",\"SignStatus\":1,\"Reason\":\"\",\"CreateDate\":\"2026-01-05 10:00:00\"}");
        CredentialCheck c = aliyun.verifyCredentials().get(10, TimeUnit.SECONDS);
        assertThat(c.isValid()).isTrue();
        assertThat(c.detail()).contains("approved").doesNotContain(SECRET);
        assertThat(verifiedForm(api.take())).containsEntry("Action", "QuerySmsSign")
                .containsEntry("SignName", "阿里云短信测试");
    }

    @Test
    void reportsRejectedKeysAsAnInvalidCheck() throws Exception {
        // OpenAPI gateway error: HTTP 404 "InvalidAccessKeyId.NotFound", "Specified access key is not found."
        api.enqueue(404, "{\"RequestId\":\"A1\",\"HostId\":\"dysmsapi.aliyuncs.com\",\"Code\":\"InvalidAccessKeyId.NotFound\","
                + "\"Message\":\"Specified access key is not found.\"}");
        CredentialCheck c = aliyun.verifyCredentials().get(10, TimeUnit.SECONDS);
        assertThat(c.isValid()).isFalse();
        assertThat(c.failureKind()).contains(ErrorKind.AUTHENTICATION);
    }

    @Test
    void failsTheCredentialCheckFutureWhenAliyunIsDown() {
        api.enqueueRaw(503, "text/plain", "Service Unavailable");
        CompletableFuture<CredentialCheck> f = aliyun.verifyCredentials();
        assertThatThrownBy(f::join).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(SmsException.class);
    }

    @Test
    void isFoundByNameThroughTheServiceLoader() {
        try (SmsProvider p = SmsProviders.create("aliyun", config(api).build())) {
            assertThat(p).isInstanceOf(AliyunSmsProvider.class);
            assertThat(p.name()).isEqualTo("aliyun");
        }
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(aliyun.toString()).contains(KEY_ID).doesNotContain(SECRET);
    }
}
