package org.smsbridge.providers.tencent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
import org.smsbridge.providers.internal.ProviderHttp;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviders;

/**
 * Tencent Cloud SMS against MockWebServer. Fixtures follow the SendSms reference
 * (cloud.tencent.com/document/api/382/55981, version 2021-01-11, "示例1 发送短信" answer:
 * {@code {"Response":{"SendStatusSet":[{"SerialNo":"5000:1045710669157053657849499619","PhoneNumber":"+8618511122233",
 * "Fee":1,"SessionContext":"test","Code":"Ok","Message":"send success","IsoCode":"CN"}],"RequestId":"a0aabda6-..."}}}),
 * the common error format of API 3.0 (cloud.tencent.com/document/api/382/52075:
 * {@code {"Response":{"Error":{"Code":"AuthFailure.SignatureFailure","Message":"The provided credentials could not be
 * validated. Please check your signature is correct."},"RequestId":"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6"}}}), and
 * SmsPackagesStatistics (cloud.tencent.com/document/api/382/55983, example with SmsSdkAppId, Limit, Offset,
 * BeginTime 2021040113, EndTime 2021043023 and {@code SmsPackagesStatisticsSet}).
 */
class TencentSmsProviderIT {
    static final String SECRET_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
    static final String SECRET_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";
    static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");

    private MockApi api;
    private TencentSmsProvider tencent;

    static ProviderConfig.Builder config(MockApi api) {
        return ProviderConfig.builder().put("secretId", SECRET_ID).secret("secretKey", SECRET_KEY)
                .put("smsSdkAppId", "1400006666").put("signName", "腾讯云").put("baseUrl", api.baseUrl())
                .put("requestTimeout", "PT2S");
    }

    /** One SendStatusSet row as in the SendSms example (cloud.tencent.com/document/api/382/55981). */
    static String ok(String serial, String number, int fee) {
        return "{\"SerialNo\":\"" + serial + "\",\"PhoneNumber\":\"" + number + "\",\"Fee\":" + fee
                + ",\"SessionContext\":\"order-42\",\"Code\":\"Ok\",\"Message\":\"send success\",\"IsoCode\":\"CN\"}";
    }

    static String answer(String... statuses) {
        return "{\"Response\":{\"SendStatusSet\":[" + String.join(",", statuses)
                + "],\"RequestId\":\"a0aabda6-cf91-4f3e-a81f-9198114a2279\"}}";
    }

    /** The API 3.0 error envelope (cloud.tencent.com/document/api/382/52075): Response.Error.Code/Message. */
    static String error(String code, String message) {
        return "{\"Response\":{\"Error\":{\"Code\":\"" + code + "\",\"Message\":\"" + message
                + "\"},\"RequestId\":\"ed93f3cb-f35e-473f-b9f3-0d451b8b79c6\"}}";
    }

    @BeforeEach
    void start() {
        api = MockApi.start();
        tencent = TencentSmsProvider.create(config(api).build(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        tencent.close();
        api.close();
    }

    private static OutgoingSms template(String to, Map<String, String> params) {
        return OutgoingSms.of(SmsMessage.builder().to(to).templateId("1110").templateParams(params)
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

    /** Checks the TC3 headers of a request against a fresh signature of what arrived; returns the body. */
    private static JsonNode verified(RecordedRequest r, String action) {
        assertThat(r.getMethod()).isEqualTo("POST");
        assertThat(r.getTarget()).isEqualTo("/");
        assertThat(r.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=utf-8");
        assertThat(r.getHeaders().get("X-TC-Action")).isEqualTo(action);
        assertThat(r.getHeaders().get("X-TC-Version")).isEqualTo("2021-01-11");
        assertThat(r.getHeaders().get("X-TC-Region")).isEqualTo("ap-guangzhou");
        assertThat(r.getHeaders().get("X-TC-Timestamp")).isEqualTo(Long.toString(NOW.getEpochSecond()));
        String body = MockApi.body(r);
        assertThat(r.getHeaders().get("Authorization")).isEqualTo(Tc3Signer.authorization(SECRET_ID, SECRET_KEY, "sms",
                r.getHeaders().get("Host"), "application/json; charset=utf-8", NOW.getEpochSecond(), body))
                .startsWith("TC3-HMAC-SHA256 Credential=" + SECRET_ID + "/2026-11-24/sms/tc3_request, "
                        + "SignedHeaders=content-type;host, Signature=");
        return ProviderHttp.tryJson(body);
    }

    @Test
    void sendsATemplateWithATc3SignedJsonPost() throws Exception {
        api.enqueue(200, answer(ok("5000:1045710669157053657849499619", "+8613711112222", 1)));
        Map<String, String> params = new LinkedHashMap<>();
        params.put("2", "5");
        params.put("1", "4370");
        SendResult r = tencent.submit(template("+8613711112222", params)).get(10, TimeUnit.SECONDS);

        JsonNode body = verified(api.take(), "SendSms");
        assertThat(ProviderHttp.write(body)).isEqualTo("{\"PhoneNumberSet\":[\"+8613711112222\"],\"SmsSdkAppId\":"
                + "\"1400006666\",\"TemplateId\":\"1110\",\"SignName\":\"腾讯云\",\"TemplateParamSet\":[\"4370\",\"5\"],"
                + "\"SessionContext\":\"order-42\"}");
        assertThat(r.messageId()).isEqualTo("5000:1045710669157053657849499619");
        assertThat(r.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(r.reference()).contains("order-42");
        assertThat(r.provider()).isEqualTo("tencent");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+306912345678|Γιώργος",
        "+84912345678|Nguyễn Văn Anh",
        "+447911123456|Mr Smith"
    })
    void sendsInternationalNumbersWithTheSenderIdAndUnicodeParameters(String to, String name) throws Exception {
        api.enqueue(200, answer(ok("2019:1", to, 2)));
        SendResult r = tencent.submit(OutgoingSms.of(SmsMessage.builder().to(to).from("ACME").templateId("1110")
                .putTemplateParam("name", name).build())).get(10, TimeUnit.SECONDS);
        JsonNode body = verified(api.take(), "SendSms");
        assertThat(body.get("PhoneNumberSet").get(0).asText()).isEqualTo(to);
        assertThat(body.get("SenderId").asText()).isEqualTo("ACME");
        assertThat(body.get("TemplateParamSet").get(0).asText()).isEqualTo(name);
        assertThat(r.segments()).isEqualTo(2);
    }

    @Test
    void sendsABatchInOneRequestAndReportsEachNumber() throws Exception {
        // Per-number Code in SendStatusSet; LimitExceeded.PhoneNumberDailyLimit: "单个手机号日下发短信条数超过设定的上限"
        api.enqueue(200, answer(ok("5000:1", "+8613711112222", 1),
                "{\"SerialNo\":\"\",\"PhoneNumber\":\"+8613711113333\",\"Fee\":0,\"SessionContext\":\"\",\"Code\":"
                        + "\"LimitExceeded.PhoneNumberDailyLimit\",\"Message\":\"the number of SMS messages sent from a "
                        + "single mobile number every day exceeds the upper limit\",\"IsoCode\":\"CN\"}"));
        BatchResult b = tencent.submitBatch(List.of(template("+8613711112222", Map.of("1", "4370")),
                template("+8613711113333", Map.of("1", "4370")))).get(10, TimeUnit.SECONDS);
        JsonNode body = verified(api.take(), "SendSms");
        assertThat(body.get("PhoneNumberSet")).hasSize(2);
        assertThat(b.successCount()).isEqualTo(1);
        assertThat(b.entries().get(0).result().orElseThrow().messageId()).isEqualTo("5000:1");
        SmsException e = b.entries().get(1).error().orElseThrow();
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.providerCode()).contains("LimitExceeded.PhoneNumberDailyLimit");
    }

    @Test
    void aBatchWithDifferentParametersFailsTheFutureWithConfigurationBeforeAnyRequest() {
        SmsException e = BatchRules.refusedBeforeAnyRequest(tencent.submitBatch(List.of(
                template("+8613711112222", Map.of("1", "1")), template("+8613711113333", Map.of("1", "2")))), api);
        assertThat(e.getMessage()).contains("message 1 differs from message 0 in its template parameters",
                "separate batches");
    }

    @Test
    void aBatchMixingMainlandAndInternationalNumbersFailsTheFutureWithConfigurationBeforeAnyRequest() {
        // SendSms: "单次请求最多支持200个手机号且要求全为境内手机号或全为境外手机号".
        SmsException e = BatchRules.refusedBeforeAnyRequest(tencent.submitBatch(List.of(
                template("+8613711112222", Map.of("1", "1")), template("+306912345678", Map.of("1", "1")))), api);
        assertThat(e.getMessage()).contains("either mainland China (+86) numbers or international numbers, not both",
                "message 0 is mainland, message 1 is international", "in separate batches");
    }

    @Test
    void aBatchOfMoreThan200FailsTheFutureAndAnEmptyOneCompletesEmpty() throws Exception {
        BatchRules.assertSizeRules(tencent::submitBatch, 200, "SendSms request",
                template("+8613711112222", Map.of("1", "1")), api);
    }

    @Test
    void aNullMessageInABatchIsRefusedAtOnce() {
        assertThatThrownBy(() -> tencent.submitBatch(java.util.Arrays.asList(template("+8613711112222", Map.of()),
                null))).isInstanceOf(NullPointerException.class).hasMessageContaining("batch[1] is null");
        assertThat(api.server().getRequestCount()).isZero();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "AuthFailure.SignatureFailure, AUTHENTICATION, false",
        "AuthFailure.SecretIdNotFound, AUTHENTICATION, false",
        "AuthFailure.SignatureExpire, AUTHENTICATION, false",
        "FailedOperation.InsufficientBalanceInSmsPackage, INSUFFICIENT_BALANCE, false",
        "LimitExceeded.PhoneNumberThirtySecondLimit, RATE_LIMITED, true",
        "RequestLimitExceeded, RATE_LIMITED, true",
        "InvalidParameterValue.IncorrectPhoneNumber, INVALID_NUMBER, false",
        "FailedOperation.PhoneNumberInBlacklist, OPTED_OUT, false",
        "FailedOperation.ContainSensitiveWord, BLOCKED_KEYWORD, false",
        "FailedOperation.SignatureIncorrectOrUnapproved, INVALID_SENDER, false",
        "FailedOperation.TemplateIncorrectOrUnapproved, INVALID_CONTENT, false",
        "UnauthorizedOperation.SmsSdkAppIdVerifyFail, CONFIGURATION, false",
        "InternalError.Timeout, PROVIDER_UNAVAILABLE, true",
        "FailedOperation.SomethingNew, PROVIDER_ERROR, false"
    })
    void classifiesRequestErrorsAndKeepsTheProviderCode(String code, ErrorKind kind, boolean retryable) {
        api.enqueue(200, error(code, "The provided credentials could not be validated."));
        SmsException e = failure(tencent.submit(template("+8613711112222", Map.of("1", "4370"))));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.isRetryable()).isEqualTo(retryable);
        assertThat(e.providerCode()).contains(code);
        assertThat(e.getMessage()).contains(code).doesNotContain(SECRET_KEY);
    }

    @Test
    void classifiesAPerNumberErrorOfASingleSend() {
        api.enqueue(200, answer("{\"SerialNo\":\"\",\"PhoneNumber\":\"+8613711112222\",\"Fee\":0,\"Code\":"
                + "\"FailedOperation.InsufficientBalanceInSmsPackage\",\"Message\":\"insufficient package balance\"}"));
        SmsException e = failure(tencent.submit(template("+8613711112222", Map.of())));
        assertThat(e.kind()).isEqualTo(ErrorKind.INSUFFICIENT_BALANCE);
        assertThat(e.providerCode()).contains("FailedOperation.InsufficientBalanceInSmsPackage");
    }

    @Test
    void failsTheFutureWithTheSmsExceptionItselfNotAWrapper() throws Exception {
        api.enqueue(200, answer("{\"SerialNo\":\"\",\"PhoneNumber\":\"+8613711112222\",\"Fee\":0,\"Code\":"
                + "\"InvalidParameterValue.IncorrectPhoneNumber\",\"Message\":\"incorrect number format\"}"));
        api.enqueue(200, error("AuthFailure.SignatureFailure", "The provided credentials could not be validated."));
        Throwable perNumber = tencent.submit(template("+8613711112222", Map.of())).handle((r, e) -> e)
                .get(10, TimeUnit.SECONDS);
        Throwable whole = tencent.submit(template("+8613711112222", Map.of())).handle((r, e) -> e)
                .get(10, TimeUnit.SECONDS);
        assertThat(perNumber).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_NUMBER));
        assertThat(whole).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
    }

    @Test
    void honoursRetryAfterOnHttp429() {
        api.enqueue(429, "{}", "Retry-After: 3");
        SmsException e = failure(tencent.submit(template("+8613711112222", Map.of())));
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void reportsMalformedAnswersAsProviderErrors() {
        api.enqueueRaw(200, "text/html", "<html>gateway error</html>");
        api.enqueue(200, "{\"Response\":{\"RequestId\":\"x\"}}");
        SmsException notJson = failure(tencent.submit(template("+8613711112222", Map.of())));
        assertThat(notJson.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(notJson.getMessage()).contains("gateway error");
        SmsException noSet = failure(tencent.submit(template("+8613711112222", Map.of())));
        assertThat(noSet.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(noSet.getMessage()).contains("SendStatusSet");
    }

    @Test
    void timesOutWhenTheAnswerIsLate() {
        TencentSmsProvider slow = TencentSmsProvider.create(config(api).put("requestTimeout", "PT0.3S").build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        api.enqueueDelayed(3000, 200, answer(ok("1", "+8613711112222", 1)));
        SmsException e = failure(slow.submit(template("+8613711112222", Map.of())));
        slow.close();
        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
    }

    @Test
    void needsASignNameForMainlandNumbers() {
        TencentSmsProvider noSign = TencentSmsProvider.create(config(api).remove("signName").build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
        SmsException e = failure(noSign.submit(template("+8613711112222", Map.of())));
        noSign.close();
        assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(e.getMessage()).contains("signName");
        assertThat(api.server().getRequestCount()).isZero();
    }

    @Test
    void refusesPlainTextBecauseTencentSendsOnlyTemplates() {
        assertThat(tencent.capabilities()).contains(Capability.TEMPLATES_ONLY);
        SmsClient client = SmsClient.builder().provider(tencent).build();
        assertThatThrownBy(() -> client.message().to("+8613711112222").text("您的验证码是 4370").send())
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("templates");
                });
        SmsException direct = failure(tencent.submit(OutgoingSms.of(SmsMessage.builder().to("+8613711112222")
                .text("Hi").build())));
        assertThat(direct.kind()).isEqualTo(ErrorKind.CONFIGURATION);
    }

    @Test
    void namesEveryMissingSetting() {
        assertThatThrownBy(() -> TencentSmsProvider.create(ProviderConfig.empty()))
                .isInstanceOfSatisfying(SmsException.class, e ->
                        assertThat(e.getMessage()).contains("secretId", "secretKey", "smsSdkAppId"));
    }

    @Test
    void checksCredentialsWithSmsPackagesStatistics() throws Exception {
        // SmsPackagesStatistics 示例 (tccli examples sms/v20210111): SmsPackagesStatisticsSet with PackageAmount, CurrentUsage.
        api.enqueue(200, "{\"Response\":{\"SmsPackagesStatisticsSet\":[{\"PackageCreateTime\":1617292800,"
                + "\"PackageExpiredTime\":1617292800,\"PackageEffectiveTime\":1619884800,\"PackageType\":1,"
                + "\"CurrentUsage\":1000,\"PackageId\":1000791745,\"PackageAmount\":1000}],"
                + "\"RequestId\":\"3314836f-0b10-45cb-b7be-593e84c1c197\"}}");
        CredentialCheck c = tencent.verifyCredentials().get(10, TimeUnit.SECONDS);
        assertThat(c.isValid()).isTrue();
        JsonNode body = verified(api.take(), "SmsPackagesStatistics");
        assertThat(ProviderHttp.write(body)).isEqualTo("{\"SmsSdkAppId\":\"1400006666\",\"Limit\":1,\"Offset\":0,"
                + "\"BeginTime\":\"2026102514\",\"EndTime\":\"2026112414\"}");
    }

    @Test
    void reportsRejectedCredentialsAsAnInvalidCheck() throws Exception {
        api.enqueue(200, error("AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your "
                + "SecretId is correct."));
        CredentialCheck c = tencent.verifyCredentials().get(10, TimeUnit.SECONDS);
        assertThat(c.isValid()).isFalse();
        assertThat(c.failureKind()).contains(ErrorKind.AUTHENTICATION);
        assertThat(c.detail()).contains("AuthFailure.SecretIdNotFound").doesNotContain(SECRET_KEY);
    }

    @Test
    void isFoundByNameThroughTheServiceLoader() {
        try (SmsProvider p = SmsProviders.create("tencent", config(api).build())) {
            assertThat(p).isInstanceOf(TencentSmsProvider.class);
        }
    }

    @Test
    void toStringShowsNoSecret() {
        assertThat(tencent.toString()).contains(SECRET_ID).doesNotContain(SECRET_KEY);
    }

    @Test
    void ordersNumberedTemplateParametersByNumberAndOthersByInsertion() {
        Map<String, String> numbered = new LinkedHashMap<>();
        numbered.put("10", "c");
        numbered.put("2", "b");
        numbered.put("1", "a");
        assertThat(TencentSmsProvider.orderedParams(numbered)).containsExactly("a", "b", "c");
        Map<String, String> named = new LinkedHashMap<>();
        named.put("code", "4370");
        named.put("minutes", "5");
        assertThat(TencentSmsProvider.orderedParams(named)).containsExactly("4370", "5");
    }
}
