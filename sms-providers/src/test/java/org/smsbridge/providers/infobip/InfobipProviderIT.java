package org.smsbridge.providers.infobip;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.smsbridge.providers.ProviderContract.RECIPIENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
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
import org.smsbridge.Balance;
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
 * Infobip against MockWebServer. Fixtures follow infobip-api-java-client {@code SmsApiTest}
 * (request {@code {"messages":[{"from":"InfoSMS","destinations":[{"to":"41793026727"}],"text":"..."}]}},
 * response {@code {"bulkId":"2034072219640523072","messages":[{"to":"41793026727","messageId":
 * "2250be2d4219-3af1-78856-aabe-1362af1edfd2","status":{"groupId":1,"groupName":"PENDING","id":26,
 * "name":"PENDING_ACCEPTED","description":"Message sent to next instance"}}]}}) and
 * {@code ApiErrorResponsesTest} (request errors).
 */
class InfobipProviderIT {
    static final String KEY = "0123456789abcdef0123456789abcdef-01234567-89ab-cdef-0123-456789abcdef";
    static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");

    static String pending(String... ids) {
        StringBuilder s = new StringBuilder("{\"bulkId\":\"2034072219640523072\",\"messages\":[");
        for (int i = 0; i < ids.length; i++) {
            s.append(i == 0 ? "" : ",").append("{\"to\":\"306912345678\",\"messageId\":\"").append(ids[i])
                    .append("\",\"status\":{\"groupId\":1,\"groupName\":\"PENDING\",\"id\":26,\"name\":"
                            + "\"PENDING_ACCEPTED\",\"description\":\"Message sent to next instance\"}}");
        }
        return s.append("]}").toString();
    }

    static String requestError(String messageId, String text) {
        return "{\"requestError\":{\"serviceException\":{\"messageId\":\"" + messageId + "\",\"text\":\"" + text
                + "\"}}}";
    }

    private MockApi api;
    private InfobipProvider infobip;

    @BeforeEach
    void start() {
        api = MockApi.start();
        infobip = InfobipProvider.create(config().build(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        infobip.close();
        api.close();
    }

    ProviderConfig.Builder config() {
        return ProviderConfig.builder().secret("apiKey", KEY).put("baseUrl", api.baseUrl());
    }

    static OutgoingSms sms(String to, String text) {
        return OutgoingSms.of(SmsMessage.builder().to(to).from("ACME").text(text).build());
    }

    private static SmsException failure(CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(10, TimeUnit.SECONDS));
        assertThat(t).hasCauseInstanceOf(SmsException.class);
        return (SmsException) t.getCause();
    }

    private static JsonNode json(RecordedRequest r) {
        return ProviderHttp.tryJson(MockApi.body(r));
    }

    @Test
    void sendsAGsmTextAsTheDocumentedJson() throws Exception {
        api.enqueue(200, pending("2250be2d4219-3af1-78856-aabe-1362af1edfd2"));
        SendResult r = infobip.submit(sms(RECIPIENT, "Your car is ready")).get(5, TimeUnit.SECONDS);
        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getTarget()).isEqualTo("/sms/2/text/advanced");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("App " + KEY);
        assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json");
        assertThat(MockApi.body(req)).isEqualTo("{\"messages\":[{\"from\":\"ACME\",\"destinations\":[{\"to\":"
                + "\"306912345678\"}],\"text\":\"Your car is ready\"}]}");
        assertThat(r.messageId()).isEqualTo("2250be2d4219-3af1-78856-aabe-1362af1edfd2");
        assertThat(r.status()).isEqualTo(MessageStatus.SENT);
        assertThat(r.submittedAt()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"您的验证码是 4370", "Το αυτοκίνητό σας είναι έτοιμο", "Xe của bạn đã sẵn sàng"})
    void sendsUnicodeTextsAsUtf8Json(String text) throws Exception {
        api.enqueue(200, pending("m1"));
        SendResult r = infobip.submit(sms(RECIPIENT, text)).get(5, TimeUnit.SECONDS);
        assertThat(json(api.take()).at("/messages/0/text").asText()).isEqualTo(text);
        assertThat(r.encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void sendsNotifyUrlWithSecretCallbackDataAndValidity() throws Exception {
        try (InfobipProvider p = InfobipProvider.create(config().put("notifyUrl", "https://shop.example/dlr")
                .secret("receiptSecret", "s3cret value").build(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            api.enqueue(200, pending("m2"));
            p.submit(OutgoingSms.of(SmsMessage.builder().to(RECIPIENT).from("ACME").text("Hi").reference("order-7")
                    .validUntil(NOW.plus(Duration.ofHours(3))).build())).get(5, TimeUnit.SECONDS);
            JsonNode m = json(api.take()).at("/messages/0");
            assertThat(m.get("notifyUrl").asText()).isEqualTo("https://shop.example/dlr?secret=s3cret%20value");
            assertThat(m.get("notifyContentType").asText()).isEqualTo("application/json");
            assertThat(m.get("callbackData").asText()).isEqualTo("order-7");
            assertThat(m.get("validityPeriod").asLong()).isEqualTo(180);
        }
    }

    @Test
    void sendsABatchInOneRequestAndKeepsTheOrder() throws Exception {
        api.enqueue(200, pending("b1", "b2", "b3"));
        BatchResult b = infobip.submitBatch(List.of(sms("+306912345678", "Hi Ann"), sms("+306912345679", "Γεια σου"),
                sms("+84912345678", "Xin chào"))).get(5, TimeUnit.SECONDS);
        JsonNode body = json(api.take());
        assertThat(body.get("messages")).hasSize(3);
        assertThat(body.at("/messages/2/destinations/0/to").asText()).isEqualTo("84912345678");
        assertThat(b.allSucceeded()).isTrue();
        assertThat(b.sent()).extracting(SendResult::messageId).containsExactly("b1", "b2", "b3");
        assertThat(b.sent().get(1).encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void failsOnlyTheMessagesInfobipRejectsInABatch() throws Exception {
        // Status REJECTED_NOT_ENOUGH_CREDITS (group 5 REJECTED), response-status-and-error-codes doc
        String body = pending("c1", "c2").replaceFirst("\\{\"groupId\":1,\"groupName\":\"PENDING\",\"id\":26,\"name\":"
                + "\"PENDING_ACCEPTED\",\"description\":\"Message sent to next instance\"}", "{\"groupId\":5,"
                + "\"groupName\":\"REJECTED\",\"id\":12,\"name\":\"REJECTED_NOT_ENOUGH_CREDITS\",\"description\":"
                + "\"Not enough credits\"}");
        api.enqueue(200, body);
        BatchResult b = infobip.submitBatch(List.of(sms("+306912345678", "a"), sms("+306912345679", "b")))
                .get(5, TimeUnit.SECONDS);
        assertThat(b.failureCount()).isEqualTo(1);
        SmsException e = b.entries().get(0).error().orElseThrow();
        assertThat(e.kind()).isEqualTo(ErrorKind.INSUFFICIENT_BALANCE);
        assertThat(e.providerCode()).contains("REJECTED_NOT_ENOUGH_CREDITS");
        assertThat(b.entries().get(1).result()).isPresent();
    }

    @Test
    void failsEveryEntryOfABatchWhenTheRequestFails() throws Exception {
        api.enqueue(401, requestError("UNAUTHORIZED", "Invalid login details"));
        BatchResult b = infobip.submitBatch(List.of(sms("+306912345678", "a"), sms("+306912345679", "b")))
                .get(5, TimeUnit.SECONDS);
        assertThat(b.failureCount()).isEqualTo(2);
        assertThat(b.failed()).allSatisfy(e -> assertThat(e.error().orElseThrow().kind())
                .isEqualTo(ErrorKind.AUTHENTICATION));
    }

    @ParameterizedTest(name = "{0} {1} → {3}")
    @CsvSource(delimiter = '|', value = {
        "401|UNAUTHORIZED|Invalid login details|AUTHENTICATION",
        "403|FORBIDDEN|Forbidden|AUTHENTICATION",
        "429|TOO_MANY_REQUESTS|Too many requests|RATE_LIMITED",
        "500|GENERAL_ERROR|Something went wrong. Please contact support.|PROVIDER_UNAVAILABLE",
        "400|BAD_REQUEST|Bad request|PROVIDER_ERROR"})
    void classifiesRequestErrors(int status, String code, String text, ErrorKind kind) {
        api.enqueue(status, requestError(code, text));
        SmsException e = failure(infobip.submit(sms(RECIPIENT, "Hi")));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.providerCode()).contains(code);
        assertThat(e.getMessage()).contains(text).doesNotContain(KEY);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"messages[0].destinations[0].to, INVALID_NUMBER", "messages[0].from, INVALID_SENDER",
        "messages[0].text, INVALID_CONTENT"})
    void classifiesValidationErrorsByField(String field, ErrorKind kind) {
        api.enqueue(400, "{\"requestError\":{\"serviceException\":{\"messageId\":\"BAD_REQUEST\",\"text\":\"Bad request\","
                + "\"validationErrors\":{\"" + field + "\":[\"invalid value\"]}}}}");
        SmsException e = failure(infobip.submit(sms(RECIPIENT, "Hi")));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(field);
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"REJECTED_DESTINATION, INVALID_NUMBER", "REJECTED_SOURCE, INVALID_SENDER", "REJECTED_DND, OPTED_OUT",
        "REJECTED_FLOODING_FILTER, RATE_LIMITED", "REJECTED_NOT_ENOUGH_CREDITS, INSUFFICIENT_BALANCE",
        "REJECTED_SOMETHING_NEW, PROVIDER_ERROR"})
    void classifiesImmediateRejections(String name, ErrorKind kind) {
        api.enqueue(200, "{\"messages\":[{\"to\":\"306912345678\",\"messageId\":\"x\",\"status\":{\"groupId\":5,"
                + "\"groupName\":\"REJECTED\",\"id\":6,\"name\":\"" + name + "\",\"description\":\"rejected\"}}]}");
        SmsException e = failure(infobip.submit(sms(RECIPIENT, "Hi")));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.providerCode()).contains(name);
    }

    @Test
    void honoursRetryAfter() {
        api.enqueue(429, requestError("TOO_MANY_REQUESTS", "Too many requests"), "Retry-After: 7");
        assertThat(failure(infobip.submit(sms(RECIPIENT, "Hi"))).retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void timesOut() {
        try (InfobipProvider p = InfobipProvider.create(config().put("requestTimeout", "500").build())) {
            api.enqueue(200, pending("warm"));
            p.submit(sms(RECIPIENT, "warm up the connection")).join(); // a cold connect may exceed the timeout
            api.enqueueDelayed(3_000, 200, pending("late"));
            assertThat(failure(p.submit(sms(RECIPIENT, "Hi"))).kind()).isEqualTo(ErrorKind.TIMEOUT);
        }
    }

    @Test
    void reportsMalformedOrMismatchedAnswersAsProviderError() {
        api.enqueue(200, "{\"messages\":[{\"messageId\":");
        assertThat(failure(infobip.submit(sms(RECIPIENT, "Hi"))).kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        api.enqueue(200, pending("a", "b"));
        assertThat(failure(infobip.submit(sms(RECIPIENT, "Hi"))).getMessage()).contains("2 messages for 1");
    }

    @Test
    void readsTheBalanceAndVerifiesCredentials() throws Exception {
        api.enqueue(200, "{\"balance\":47.79134,\"currency\":\"EUR\"}");
        Balance b = infobip.balance().get(5, TimeUnit.SECONDS);
        RecordedRequest req = api.take();
        assertThat(req.getTarget()).isEqualTo("/account/1/balance");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("App " + KEY);
        assertThat(b.amount()).isEqualByComparingTo("47.79134");
        api.enqueue(401, requestError("UNAUTHORIZED", "Invalid login details"));
        CredentialCheck c = infobip.verifyCredentials().get(5, TimeUnit.SECONDS);
        assertThat(c.failureKind()).contains(ErrorKind.AUTHENTICATION);
    }

    @Test
    void anOversizedBatchFailsTheFutureWithConfigurationAndAnEmptyOneCompletesEmpty() throws Exception {
        BatchRules.assertSizeRules(infobip::submitBatch, 1000, "request", sms(RECIPIENT, "x"), api);
    }

    @Test
    void neverShowsTheKeyInToString() {
        assertThat(infobip.toString()).doesNotContain(KEY);
    }
}
