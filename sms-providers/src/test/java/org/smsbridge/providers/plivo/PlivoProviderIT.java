package org.smsbridge.providers.plivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.smsbridge.providers.ProviderContract.RECIPIENT;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Base64;
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
 * Plivo against MockWebServer. Fixtures follow plivo/plivo-python tests
 * {@code tests/resources/test_messages.py} (URL {@code https://api.plivo.com/v1/Account/MAXXXXXXXXXXXXXXXXXX/Message/},
 * HTTP 202) and plivo.com/docs/messaging/api/message ("message": "message(s) queued",
 * "message_uuid": ["..."], "api_id": "..."); error bodies {@code {"api_id":"...","error":"..."}} [?].
 */
class PlivoProviderIT {
    static final String AUTH_ID = "MAXXXXXXXXXXXXXXXXXX";
    static final String TOKEN = "ZDg4YzFmZTNhYmQwNmE4NWI1ODAxMjM0NTY3ODkw";

    static String queued(String... uuids) {
        StringBuilder s = new StringBuilder("{\"api_id\":\"97a0a8a2-7f1d-11e1-8ea7-1231380bc196\",\"message\":"
                + "\"message(s) queued\",\"message_uuid\":[");
        for (int i = 0; i < uuids.length; i++) {
            s.append(i == 0 ? "" : ",").append('"').append(uuids[i]).append('"');
        }
        return s.append("]}").toString();
    }

    static String error(String text) {
        return "{\"api_id\":\"c4e5a7d2-0d9a-11ee-a1b2-0242ac110002\",\"error\":\"" + text + "\"}";
    }

    private MockApi api;
    private PlivoProvider plivo;

    @BeforeEach
    void start() {
        api = MockApi.start();
        plivo = PlivoProvider.create(config().build());
    }

    @AfterEach
    void stop() {
        plivo.close();
        api.close();
    }

    ProviderConfig.Builder config() {
        return ProviderConfig.builder().put("authId", AUTH_ID).secret("authToken", TOKEN).put("baseUrl", api.baseUrl());
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
    void sendsAGsmTextAsTheDocumentedJson() throws Exception {
        try (PlivoProvider p = PlivoProvider.create(config().put("statusUrl", "https://shop.example/plivo").build())) {
            api.enqueue(202, queued("db3ce55a-7f1d-11e1-8ea7-1231380bc196"));
            SendResult r = p.submit(sms(RECIPIENT, "Your car is ready")).get(5, TimeUnit.SECONDS);
            RecordedRequest req = api.take();
            assertThat(req.getMethod()).isEqualTo("POST");
            assertThat(req.getTarget()).isEqualTo("/v1/Account/" + AUTH_ID + "/Message/");
            assertThat(req.getHeaders().get("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString((AUTH_ID + ":" + TOKEN).getBytes()));
            assertThat(MockApi.body(req)).isEqualTo("{\"src\":\"ACME\",\"dst\":\"306912345678\",\"text\":"
                    + "\"Your car is ready\",\"type\":\"sms\",\"url\":\"https://shop.example/plivo\",\"method\":\"POST\"}");
            assertThat(r.messageId()).isEqualTo("db3ce55a-7f1d-11e1-8ea7-1231380bc196");
            assertThat(r.status()).isEqualTo(MessageStatus.QUEUED);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"您的验证码是 4370", "Το αυτοκίνητό σας είναι έτοιμο", "Xe của bạn đã sẵn sàng"})
    void sendsUnicodeTexts(String text) throws Exception {
        api.enqueue(202, queued("u1"));
        SendResult r = plivo.submit(sms(RECIPIENT, text)).get(5, TimeUnit.SECONDS);
        assertThat(ProviderHttp.tryJson(MockApi.body(api.take())).get("text").asText()).isEqualTo(text);
        assertThat(r.encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void sendsRecipientsOfTheSameTextInOneBulkRequest() throws Exception {
        // The two requests go out concurrently: answer each by its recipients, not by arrival order.
        api.server().setDispatcher(new mockwebserver3.Dispatcher() {
            @Override
            public mockwebserver3.MockResponse dispatch(mockwebserver3.RecordedRequest request) {
                boolean bulk = MockApi.body(request).contains("<");
                return new mockwebserver3.MockResponse.Builder().code(202)
                        .addHeader("Content-Type", "application/json")
                        .body(bulk ? queued("a1", "a2") : queued("b1")).build();
            }
        });
        BatchResult b = plivo.submitBatch(List.of(sms("+306912345678", "Hi"), sms("+84912345678", "Xin chào"),
                sms("+306912345679", "Hi"))).get(5, TimeUnit.SECONDS);
        JsonNode first = ProviderHttp.tryJson(MockApi.body(api.take()));
        JsonNode second = ProviderHttp.tryJson(MockApi.body(api.take()));
        JsonNode bulk = first.get("text").asText().equals("Hi") ? first : second;
        assertThat(bulk.get("dst").asText()).isEqualTo("306912345678<306912345679");
        assertThat(b.allSucceeded()).isTrue();
        assertThat(b.entries().get(0).result().orElseThrow().to()).isEqualTo("+306912345678");
        assertThat(b.entries().get(2).result().orElseThrow().to()).isEqualTo("+306912345679");
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
        "401|Could not verify your access level for that URL.|AUTHENTICATION",
        "400|Insufficient credit in account|INSUFFICIENT_BALANCE",
        "400|dst parameter is invalid|INVALID_NUMBER",
        "400|src parameter not present|INVALID_SENDER",
        "400|text parameter not present|INVALID_CONTENT",
        "429|too many requests|RATE_LIMITED",
        "500|internal server error|PROVIDER_UNAVAILABLE",
        "404|not found|PROVIDER_ERROR"})
    void classifiesErrors(int status, String text, ErrorKind kind) {
        api.enqueue(status, error(text));
        SmsException e = failure(plivo.submit(sms(RECIPIENT, "Hi")));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.getMessage()).contains(text).doesNotContain(TOKEN);
    }

    @Test
    void honoursRetryAfter() {
        api.enqueue(429, error("too many requests"), "Retry-After: 3");
        assertThat(failure(plivo.submit(sms(RECIPIENT, "Hi"))).retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void timesOut() {
        try (PlivoProvider p = PlivoProvider.create(config().put("requestTimeout", "500").build())) {
            api.enqueue(202, queued("warm"));
            p.submit(sms(RECIPIENT, "warm up the connection")).join();
            api.enqueueDelayed(3_000, 202, queued("late"));
            assertThat(failure(p.submit(sms(RECIPIENT, "Hi"))).kind()).isEqualTo(ErrorKind.TIMEOUT);
        }
    }

    @Test
    void reportsMalformedOrMismatchedAnswersAsProviderError() {
        api.enqueue(202, "{\"message_uuid\":");
        assertThat(failure(plivo.submit(sms(RECIPIENT, "Hi"))).kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        api.enqueue(202, queued());
        assertThat(failure(plivo.submit(sms(RECIPIENT, "Hi"))).getMessage()).contains("0 message ids for 1");
    }

    @Test
    void readsTheAccountForBalanceAndCredentials() throws Exception {
        // Account object (plivo.com/docs/account/api/account): "cash_credits": "7.40000", "auth_id", "name" [?]
        String account = "{\"account_type\":\"standard\",\"auth_id\":\"" + AUTH_ID + "\",\"auto_recharge\":false,"
                + "\"cash_credits\":\"7.40000\",\"name\":\"ACME Garage\",\"resource_uri\":\"/v1/Account/" + AUTH_ID + "/\"}";
        api.enqueue(200, account);
        Balance b = plivo.balance().get(5, TimeUnit.SECONDS);
        assertThat(api.take().getTarget()).isEqualTo("/v1/Account/" + AUTH_ID + "/");
        assertThat(b.amount()).isEqualByComparingTo("7.4");
        api.enqueue(200, account);
        CredentialCheck ok = plivo.verifyCredentials().get(5, TimeUnit.SECONDS);
        assertThat(ok.isValid()).isTrue();
        assertThat(ok.detail()).contains("ACME Garage");
        api.enqueue(401, error("Could not verify your access level for that URL."));
        assertThat(plivo.verifyCredentials().get(5, TimeUnit.SECONDS).failureKind()).contains(ErrorKind.AUTHENTICATION);
    }

    @Test
    void rejectsAMalformedAuthId() {
        assertThatThrownBy(() -> PlivoProvider.create(config().put("authId", "XX123").build()))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
    }

    @Test
    void anOversizedBatchFailsTheFutureWithConfigurationAndAnEmptyOneCompletesEmpty() throws Exception {
        BatchRules.assertSizeRules(plivo::submitBatch, 1000, "request", sms(RECIPIENT, "x"), api);
    }

    @Test
    void neverShowsTheTokenInToString() {
        assertThat(plivo.toString()).contains(AUTH_ID).doesNotContain(TOKEN);
    }
}
