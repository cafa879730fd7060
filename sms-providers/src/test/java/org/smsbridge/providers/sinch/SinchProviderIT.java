package org.smsbridge.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.smsbridge.providers.ProviderContract.RECIPIENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsbridge.BatchResult;
import org.smsbridge.CredentialCheck;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.providers.BatchRules;
import org.smsbridge.providers.MockApi;
import org.smsbridge.providers.internal.ProviderHttp;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.text.Encoding;

/**
 * Sinch against MockWebServer. Fixtures follow developers.sinch.com/docs/sms/api-reference/sms/batches
 * ("Send": {@code POST /xms/v1/{service_plan_id}/batches}, BearerAuth, 201 with the batch object
 * {@code {"id":"01FC66621XXXXX119Z8PMV1QPQ","to":[...],"from":...,"canceled":false,"body":...,
 * "type":"mt_text","created_at":...}}) and its error format {@code {"code":"...","text":"..."}} [?].
 */
class SinchProviderIT {
    static final String PLAN = "jd63jf88477ll123ab4567cd89012ef3";
    static final String TOKEN = "0123456789abcdef0123456789abcdef";

    static String created(String id) {
        return "{\"id\":\"" + id + "\",\"to\":[\"306912345678\"],\"from\":\"ACME\",\"canceled\":false,\"body\":\"Hi\","
                + "\"type\":\"mt_text\",\"created_at\":\"2026-11-24T14:00:00.000Z\",\"modified_at\":"
                + "\"2026-11-24T14:00:00.000Z\",\"delivery_report\":\"none\",\"expire_at\":\"2026-11-27T14:00:00.000Z\","
                + "\"flash_message\":false}";
    }

    static String error(String code, String text) {
        return "{\"code\":\"" + code + "\",\"text\":\"" + text + "\"}";
    }

    private MockApi api;
    private SinchProvider sinch;

    @BeforeEach
    void start() {
        api = MockApi.start();
        sinch = SinchProvider.create(config().build());
    }

    @AfterEach
    void stop() {
        sinch.close();
        api.close();
    }

    ProviderConfig.Builder config() {
        return ProviderConfig.builder().put("servicePlanId", PLAN).secret("apiToken", TOKEN).put("baseUrl", api.baseUrl());
    }

    static OutgoingSms sms(String to, String text) {
        return OutgoingSms.of(SmsMessage.builder().to(to).from("ACME").text(text).build());
    }

    private static SmsException failure(CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(10, TimeUnit.SECONDS));
        assertThat(t).hasCauseInstanceOf(SmsException.class);
        return (SmsException) t.getCause();
    }

    @Test
    void sendsAGsmTextAsTheDocumentedBatch() throws Exception {
        try (SinchProvider p = SinchProvider.create(config().put("callbackUrl", "https://shop.example/sinch").build())) {
            api.enqueue(201, created("01FC66621XXXXX119Z8PMV1QPQ"));
            SendResult r = p.submit(OutgoingSms.of(SmsMessage.builder().to(RECIPIENT).from("ACME")
                    .text("Your car is ready").reference("order-7").validUntil(Instant.parse("2026-11-27T14:00:00.5Z"))
                    .build())).get(5, TimeUnit.SECONDS);
            RecordedRequest req = api.take();
            assertThat(req.getMethod()).isEqualTo("POST");
            assertThat(req.getTarget()).isEqualTo("/xms/v1/" + PLAN + "/batches");
            assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(MockApi.body(req)).isEqualTo("{\"from\":\"ACME\",\"to\":[\"+306912345678\"],\"body\":"
                    + "\"Your car is ready\",\"type\":\"mt_text\",\"delivery_report\":\"per_recipient\",\"callback_url\":"
                    + "\"https://shop.example/sinch\",\"client_reference\":\"order-7\",\"expire_at\":\"2026-11-27T14:00:00Z\"}");
            assertThat(r.messageId()).isEqualTo("01FC66621XXXXX119Z8PMV1QPQ");
            assertThat(r.status()).isEqualTo(MessageStatus.QUEUED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"您的验证码是 4370", "Το αυτοκίνητό σας είναι έτοιμο", "Xe của bạn đã sẵn sàng"})
    void sendsUnicodeTexts(String text) throws Exception {
        api.enqueue(201, created("U1"));
        SendResult r = sinch.submit(sms(RECIPIENT, text)).get(5, TimeUnit.SECONDS);
        assertThat(ProviderHttp.tryJson(MockApi.body(api.take())).get("body").asText()).isEqualTo(text);
        assertThat(r.encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void sendsRecipientsOfTheSameTextInOneBatch() throws Exception {
        api.enqueue(201, created("G1"));
        BatchResult b = sinch.submitBatch(List.of(sms("+306912345678", "Hi"), sms("+306912345679", "Hi")))
                .get(5, TimeUnit.SECONDS);
        JsonNode body = ProviderHttp.tryJson(MockApi.body(api.take()));
        assertThat(body.get("to").toString()).isEqualTo("[\"+306912345678\",\"+306912345679\"]");
        assertThat(b.sent()).extracting(SendResult::messageId).containsExactly("G1", "G1");
        assertThat(b.sent()).extracting(SendResult::to).containsExactly("+306912345678", "+306912345679");
    }

    @ParameterizedTest(name = "{0} {1} → {3}")
    @CsvSource(delimiter = '|', value = {
        "401|unauthorized|Unauthorized|AUTHENTICATION",
        "403|forbidden|Forbidden|AUTHENTICATION",
        "429|too_many_requests|Too many requests|RATE_LIMITED",
        "400|syntax_invalid_parameter_format|Invalid to: 123|INVALID_NUMBER",
        "400|syntax_constraint_violation|Invalid from address|INVALID_SENDER",
        "400|syntax_constraint_violation|The body must not be empty|INVALID_CONTENT",
        "400|missing_parameter|Missing parameter: to|PROVIDER_ERROR",
        "503|service_unavailable|Service unavailable|PROVIDER_UNAVAILABLE"})
    void classifiesErrors(int status, String code, String text, ErrorKind kind) {
        api.enqueue(status, error(code, text));
        SmsException e = failure(sinch.submit(sms(RECIPIENT, "Hi")));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.providerCode()).contains(code);
        assertThat(e.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void honoursRetryAfter() {
        api.enqueue(429, error("too_many_requests", "Too many requests"), "Retry-After: 9");
        assertThat(failure(sinch.submit(sms(RECIPIENT, "Hi"))).retryAfter()).contains(Duration.ofSeconds(9));
    }

    @Test
    void timesOut() {
        try (SinchProvider p = SinchProvider.create(config().put("requestTimeout", "500").build())) {
            api.enqueue(201, created("warm"));
            p.submit(sms(RECIPIENT, "warm up the connection")).join();
            api.enqueueDelayed(3_000, 201, created("late"));
            assertThat(failure(p.submit(sms(RECIPIENT, "Hi"))).kind()).isEqualTo(ErrorKind.TIMEOUT);
        }
    }

    @Test
    void reportsMalformedAnswersAsProviderError() {
        api.enqueue(201, "{\"id\":");
        assertThat(failure(sinch.submit(sms(RECIPIENT, "Hi"))).kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        api.enqueue(201, "{\"to\":[]}");
        assertThat(failure(sinch.submit(sms(RECIPIENT, "Hi"))).getMessage()).contains("lacks 'id'");
    }

    @Test
    void verifiesCredentialsWithACheapList() throws Exception {
        api.enqueue(200, "{\"count\":0,\"page\":0,\"batches\":[],\"page_size\":1}");
        CredentialCheck ok = sinch.verifyCredentials().get(5, TimeUnit.SECONDS);
        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(req.getTarget()).isEqualTo("/xms/v1/" + PLAN + "/batches?page_size=1");
        assertThat(ok.isValid()).isTrue();
        api.enqueue(401, error("unauthorized", "Unauthorized"));
        assertThat(sinch.verifyCredentials().get(5, TimeUnit.SECONDS).failureKind()).contains(ErrorKind.AUTHENTICATION);
    }

    @Test
    void usesTheRegionalHostByDefaultAndRejectsUnknownRegions() {
        try (SinchProvider eu = SinchProvider.create(ProviderConfig.builder().put("servicePlanId", PLAN)
                .secret("apiToken", TOKEN).put("region", "EU").build())) {
            assertThat(eu.toString()).contains("https://eu.sms.api.sinch.com/");
        }
        assertThatThrownBy(() -> SinchProvider.create(config().put("region", "mars").build()))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.getMessage()).contains("us, eu"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "abc123|'abc123' (6 characters)",
        "jd63jf88-477ll123|'jd63jf88-477ll123' (17 characters, not only letters and digits)"})
    void aMalformedServicePlanIdIsRefusedWithTheActualRule(String planId, String shown) {
        assertThatThrownBy(() -> SinchProvider.create(config().put("servicePlanId", planId).build()))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("servicePlanId", "8 to 64 letters and digits",
                            "was " + shown);
                });
    }

    @Test
    void anOversizedBatchFailsTheFutureWithConfigurationAndAnEmptyOneCompletesEmpty() throws Exception {
        BatchRules.assertSizeRules(sinch::submitBatch, 1000, "request", sms(RECIPIENT, "x"), api);
    }

    @Test
    void neverShowsTheTokenInToString() {
        assertThat(sinch.toString()).doesNotContain(TOKEN);
    }
}
