package org.smsbridge.providers.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.smsbridge.providers.ProviderContract.RECIPIENT;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
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
import org.smsbridge.Balance;
import org.smsbridge.CredentialCheck;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.providers.MockApi;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.text.Encoding;

/**
 * Vonage against MockWebServer. Fixtures follow Nexmo/api-specification {@code definitions/sms.yml}
 * ("message-count": "1", "messages": [{"to": "447700900000", "message-id": "0A0000000123ABCD1",
 * "status": "0", "remaining-balance": "3.14159265", "message-price": "0.03330000", "network":
 * "12345", "client-ref": "my-personal-reference"}]; all numbers are strings; errors use the same
 * envelope with "error-text") and developer.vonage.com/account/code-snippets/account-balance
 * ({@code curl "https://rest.nexmo.com/account/get-balance" -u "$VONAGE_API_KEY:$VONAGE_API_SECRET"}).
 */
class VonageProviderIT {
    static final String KEY = "a1b2c3d4";
    static final String SECRET = "Abcdef0123456789";

    static String accepted(String... ids) {
        StringBuilder s = new StringBuilder("{\"message-count\":\"" + ids.length + "\",\"messages\":[");
        for (int i = 0; i < ids.length; i++) {
            s.append(i == 0 ? "" : ",").append("{\"to\":\"306912345678\",\"message-id\":\"").append(ids[i])
                    .append("\",\"status\":\"0\",\"remaining-balance\":\"3.14159265\",\"message-price\":\"0.03330000\","
                            + "\"network\":\"20205\",\"client-ref\":\"order-7\"}");
        }
        return s.append("]}").toString();
    }

    static String rejected(String status, String text) {
        return "{\"message-count\":\"1\",\"messages\":[{\"status\":\"" + status + "\",\"error-text\":\"" + text + "\"}]}";
    }

    private MockApi api;
    private VonageProvider vonage;

    @BeforeEach
    void start() {
        api = MockApi.start();
        vonage = VonageProvider.create(config().build(), Clock.fixed(VonageReceiptParserTest.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        vonage.close();
        api.close();
    }

    ProviderConfig.Builder config() {
        return ProviderConfig.builder().secret("apiKey", KEY).secret("apiSecret", SECRET).put("baseUrl", api.baseUrl());
    }

    private static OutgoingSms sms(String text) {
        return OutgoingSms.of(SmsMessage.builder().to(RECIPIENT).from("ACME").text(text).reference("order-7").build());
    }

    private static SmsException failure(CompletableFuture<?> f) {
        Throwable t = catchThrowable(() -> f.get(10, TimeUnit.SECONDS));
        assertThat(t).hasCauseInstanceOf(SmsException.class);
        return (SmsException) t.getCause();
    }

    @Test
    void sendsAGsmTextAsTheDocumentedFormPost() throws Exception {
        api.enqueue(200, accepted("0A0000000123ABCD1"));
        SendResult r = vonage.submit(sms("Your car is ready")).get(5, TimeUnit.SECONDS);
        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getTarget()).isEqualTo("/sms/json");
        assertThat(req.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(MockApi.form(req)).containsExactly(Map.entry("api_key", KEY), Map.entry("api_secret", SECRET),
                Map.entry("from", "ACME"), Map.entry("to", "306912345678"), Map.entry("text", "Your car is ready"),
                Map.entry("client-ref", "order-7"));
        assertThat(r.messageId()).isEqualTo("0A0000000123ABCD1");
        assertThat(r.status()).isEqualTo(MessageStatus.SENT);
        assertThat(r.price()).hasValueSatisfying(p -> assertThat(p.amount()).isEqualByComparingTo("0.0333"));
        assertThat(r.encoding()).isEqualTo(Encoding.GSM_7);
    }

    @ParameterizedTest
    @CsvSource({"'您的验证码是 4370'", "'Το αυτοκίνητό σας είναι έτοιμο'", "'Xe của bạn đã sẵn sàng'"})
    void sendsUnicodeTextsWithTypeUnicode(String text) throws Exception {
        api.enqueue(200, accepted("0B"));
        SendResult r = vonage.submit(sms(text)).get(5, TimeUnit.SECONDS);
        Map<String, String> form = MockApi.form(api.take());
        assertThat(form).containsEntry("type", "unicode").containsEntry("text", text);
        assertThat(r.encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void countsPartsAndAddsTheirPricesAndFoldsTheirReceipts() throws Exception {
        api.enqueue(200, accepted("P1", "P2", "P3"));
        SendResult r = vonage.submit(sms("x".repeat(400))).get(5, TimeUnit.SECONDS);
        assertThat(r.segments()).isEqualTo(3);
        assertThat(r.messageId()).isEqualTo("P1");
        assertThat(r.price()).hasValueSatisfying(p -> assertThat(p.amount()).isEqualByComparingTo("0.0999"));
        var parser = vonage.receipts().orElseThrow();
        for (String part : List.of("P3", "P2")) {
            parser.parse(VonageReceiptParserTest.post(VonageReceiptParserTest.dlr(part, "delivered", "0")));
        }
        DeliveryReceipt last = parser.parse(VonageReceiptParserTest.post(VonageReceiptParserTest.dlr("P1",
                "delivered", "0"))).get(0);
        assertThat(last.messageId()).isEqualTo("P1");
        assertThat(last.status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void aLongTextWithARejectedLaterPartIsNotRetryableAndNamesTheAcceptedPart() {
        api.enqueue(200, "{\"message-count\":\"2\",\"messages\":[{\"message-id\":\"P1\",\"status\":\"0\"},"
                + "{\"status\":\"9\",\"error-text\":\"Quota Exceeded - rejected\"}]}");
        SmsException e = failure(vonage.submit(sms("x".repeat(300))));
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.kind()).as("INSUFFICIENT_BALANCE would make the outbox resend after a top-up")
                .isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(e.providerCode()).contains("9");
        assertThat(e.provider()).contains("vonage");
        assertThat(e.getMessage()).contains("part 1 of 2 was accepted (id P1)",
                "part 2 was rejected (code 9, INSUFFICIENT_BALANCE): Quota Exceeded - rejected",
                "not retryable: a retry would send part 1 again").doesNotContain(SECRET);
    }

    @Test
    void namesEveryAcceptedPartWhenSeveralWereAccepted() {
        api.enqueue(200, "{\"message-count\":\"3\",\"messages\":[{\"message-id\":\"P1\",\"status\":\"0\"},"
                + "{\"message-id\":\"P2\",\"status\":\"0\"},{\"status\":\"1\",\"error-text\":\"Throttled\"}]}");
        SmsException e = failure(vonage.submit(sms("x".repeat(400))));
        assertThat(e.isRetryable()).as("a throttled last part must not resend parts 1 and 2").isFalse();
        assertThat(e.providerCode()).contains("1");
        assertThat(e.getMessage()).contains("parts 1 and 2 of 3 were accepted (ids P1, P2)", "part 3 was rejected",
                "a retry would send parts 1 and 2 again");
    }

    @Test
    void aLongTextWithEveryPartRejectedKeepsTheStatusKind() {
        api.enqueue(200, "{\"message-count\":\"2\",\"messages\":[{\"status\":\"9\",\"error-text\":\"Quota\"},"
                + "{\"status\":\"9\",\"error-text\":\"Quota\"}]}");
        SmsException e = failure(vonage.submit(sms("x".repeat(300))));
        assertThat(e.kind()).isEqualTo(ErrorKind.INSUFFICIENT_BALANCE);
        assertThat(e.providerCode()).contains("9");
    }

    @Test
    void sendsCallbackAndTtlFromTheValidity() throws Exception {
        try (VonageProvider p = VonageProvider.create(config().put("callback", "https://shop.example/sms/dlr").build(),
                Clock.fixed(VonageReceiptParserTest.NOW, ZoneOffset.UTC))) {
            api.enqueue(200, accepted("0C"));
            p.submit(OutgoingSms.of(SmsMessage.builder().to(RECIPIENT).from("+447700900001").text("Hi")
                    .validUntil(VonageReceiptParserTest.NOW.plus(Duration.ofHours(2))).build())).get(5, TimeUnit.SECONDS);
            assertThat(MockApi.form(api.take())).containsEntry("callback", "https://shop.example/sms/dlr")
                    .containsEntry("ttl", "7200000").containsEntry("from", "447700900001");
        }
    }

    @ParameterizedTest(name = "status {0} → {1}")
    @CsvSource(delimiter = '|', value = {
        "1|RATE_LIMITED|Throttled",
        "2|PROVIDER_ERROR|Missing to param",
        "3|INVALID_NUMBER|Invalid to address",
        "4|AUTHENTICATION|Bad Credentials",
        "5|PROVIDER_UNAVAILABLE|Internal Error",
        "6|INVALID_NUMBER|Unroutable message - rejected",
        "7|OPTED_OUT|Number barred",
        "8|AUTHENTICATION|Partner account barred",
        "9|INSUFFICIENT_BALANCE|Partner quota exceeded",
        "12|MESSAGE_TOO_LONG|Message too long",
        "15|INVALID_SENDER|Illegal Sender Address - rejected",
        "29|CONFIGURATION|Non White-listed Destination - rejected",
        "33|INVALID_NUMBER|Number de-activated",
        "99|PROVIDER_ERROR|Something new"})
    void classifiesVonageStatusCodes(String status, ErrorKind kind, String text) {
        api.enqueue(200, rejected(status, text));
        SmsException e = failure(vonage.submit(sms("Hi")));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.isRetryable()).isEqualTo(kind.isRetryable());
        assertThat(e.providerCode()).contains(status);
        assertThat(e.getMessage()).contains(text).doesNotContain(SECRET);
    }

    @Test
    void honoursRetryAfterOnHttp429() {
        api.enqueue(429, "{\"type\":\"https://developer.vonage.com/api-errors#throttled\",\"title\":\"Throttled\"}",
                "Retry-After: 5");
        SmsException e = failure(vonage.submit(sms("Hi")));
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
    }

    @Test
    void timesOut() {
        try (VonageProvider p = VonageProvider.create(config().put("requestTimeout", "500").build())) {
            api.enqueue(200, accepted("warm"));
            p.submit(sms("warm up the connection")).join(); // a cold connect may itself exceed the timeout
            api.enqueueDelayed(3_000, 200, accepted("late"));
            assertThat(failure(p.submit(sms("Hi"))).kind()).isEqualTo(ErrorKind.TIMEOUT);
        }
    }

    @Test
    void reportsMalformedAndEmptyAnswersAsProviderError() {
        api.enqueue(200, "{\"message-count\":\"1\",\"messages\":");
        assertThat(failure(vonage.submit(sms("Hi"))).kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        api.enqueue(200, "{\"message-count\":\"0\",\"messages\":[]}");
        assertThat(failure(vonage.submit(sms("Hi"))).getMessage()).contains("no messages");
        api.enqueue(200, "{\"messages\":[{\"status\":\"0\"}]}");
        assertThat(failure(vonage.submit(sms("Hi"))).getMessage()).contains("message-id");
    }

    @Test
    void readsTheBalanceWithBasicAuth() throws Exception {
        api.enqueue(200, "{\"value\":10.28,\"autoReload\":false}");
        Balance b = vonage.balance().get(5, TimeUnit.SECONDS);
        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(req.getTarget()).isEqualTo("/account/get-balance");
        assertThat(req.getHeaders().get("Authorization"))
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString((KEY + ":" + SECRET).getBytes()));
        assertThat(b.amount()).isEqualByComparingTo("10.28");
        assertThat(b.currency()).contains(VonageProvider.EUR);
    }

    @Test
    void verifiesCredentialsWithTheBalanceCall() throws Exception {
        api.enqueue(200, "{\"value\":10.28,\"autoReload\":false}");
        CredentialCheck ok = vonage.verifyCredentials().get(5, TimeUnit.SECONDS);
        assertThat(ok.isValid()).isTrue();
        assertThat(ok.balance()).isPresent();
        api.enqueue(401, "{\"type\":\"https://developer.nexmo.com/api-errors#unauthorized\",\"title\":\"Unauthorized\","
                + "\"detail\":\"You did not provide correct credentials.\"}");
        CredentialCheck bad = vonage.verifyCredentials().get(5, TimeUnit.SECONDS);
        assertThat(bad.isValid()).isFalse();
        assertThat(bad.failureKind()).contains(ErrorKind.AUTHENTICATION);
        assertThat(bad.detail()).doesNotContain(SECRET);
    }

    @Test
    void reportsABalanceWithoutValueAsProviderError() {
        api.enqueue(200, "{\"value\":\"ten\"}");
        assertThat(failure(vonage.balance()).kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
    }

    @Test
    void namesEveryMissingSetting() {
        assertThatThrownBy(() -> VonageProvider.create(ProviderConfig.empty()))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.getMessage()).contains("apiKey", "apiSecret"));
    }

    @Test
    void neverShowsSecretsInToString() {
        assertThat(vonage.toString()).doesNotContain(SECRET).doesNotContain(KEY);
    }
}
