package org.smsbridge.providers.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smsbridge.providers.ProviderContract.RECIPIENT;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsbridge.Balance;
import org.smsbridge.CredentialCheck;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsEventListener;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.providers.MockApi;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProviders;
import org.smsbridge.text.Encoding;

/**
 * Twilio against MockWebServer answering as the Message, Account and Balance resources do. Fixture
 * bodies follow twilio.com/docs/messaging/api/message-resource ("Create a Message resource":
 * {@code POST /2010-04-01/Accounts/{AccountSid}/Messages.json}, response 201 with {@code sid},
 * {@code status: "queued"}, {@code num_segments: "1"}, {@code price: null}) and the error format of
 * twilio.com/docs/usage/twilios-response ({@code {"code": 21211, "message": "...", "more_info":
 * "https://www.twilio.com/docs/errors/21211", "status": 400}}).
 */
class TwilioProviderIT {
    static final String SID = "AC0123456789abcdef0123456789abcdef";
    static final String TOKEN = "tok_9f8e7d6c5b4a39281706f5e4d3c2b1a0";
    static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");

    /** A 201 Message resource as Twilio returns it on create (shape of the docs' example). */
    static String created(String sid, String status, String segments) {
        return "{\"sid\":\"" + sid + "\",\"account_sid\":\"" + SID + "\",\"messaging_service_sid\":null,"
                + "\"from\":\"+15017122661\",\"to\":\"+306912345678\",\"body\":\"Hi\",\"status\":\"" + status + "\","
                + "\"num_segments\":\"" + segments + "\",\"num_media\":\"0\",\"direction\":\"outbound-api\","
                + "\"api_version\":\"2010-04-01\",\"price\":null,\"price_unit\":\"USD\",\"error_code\":null,"
                + "\"error_message\":null,\"uri\":\"/2010-04-01/Accounts/" + SID + "/Messages/" + sid + ".json\","
                + "\"date_created\":\"Tue, 24 Nov 2026 14:00:00 +0000\",\"date_sent\":null,"
                + "\"date_updated\":\"Tue, 24 Nov 2026 14:00:00 +0000\",\"subresource_uris\":{\"media\":\"/2010-04-01/"
                + "Accounts/" + SID + "/Messages/" + sid + "/Media.json\"}}";
    }

    /** A Twilio REST error body. */
    static String error(int code, String message, int status) {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\",\"more_info\":\"https://www.twilio.com/docs/"
                + "errors/" + code + "\",\"status\":" + status + "}";
    }

    private MockApi api;
    private TwilioProvider twilio;

    @BeforeEach
    void start() {
        api = MockApi.start();
        twilio = provider(config().build());
    }

    @AfterEach
    void stop() {
        twilio.close();
        api.close();
    }

    ProviderConfig.Builder config() {
        return ProviderConfig.builder().put("accountSid", SID).secret("authToken", TOKEN).put("baseUrl", api.baseUrl())
                .put("requestTimeout", "PT2S");
    }

    private static TwilioProvider provider(ProviderConfig c) {
        return TwilioProvider.create(c, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static OutgoingSms sms(String text) {
        return OutgoingSms.of(SmsMessage.builder().to(RECIPIENT).from("ACME").text(text).reference("order-7")
                .build());
    }

    private static SmsException failure(CompletableFuture<?> f) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> f.get(10, TimeUnit.SECONDS));
        assertThat(t).isNotNull().hasCauseInstanceOf(SmsException.class);
        return (SmsException) t.getCause();
    }

    @Test
    void sendsAGsmTextAsTheDocumentedFormPost() throws Exception {
        api.enqueue(201, created("SM0123456789abcdef0123456789abcdef", "queued", "1"));
        SendResult r = twilio.submit(sms("Your car is ready")).get(5, TimeUnit.SECONDS);

        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("POST");
        assertThat(req.getTarget()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(req.getHeaders().get("Authorization")).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes()));
        assertThat(req.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(MockApi.form(req)).containsExactly(Map.entry("To", "+306912345678"), Map.entry("From", "ACME"),
                Map.entry("Body", "Your car is ready"));

        assertThat(r.messageId()).isEqualTo("SM0123456789abcdef0123456789abcdef");
        assertThat(r.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(r.segments()).isEqualTo(1);
        assertThat(r.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(r.reference()).contains("order-7");
        assertThat(r.submittedAt()).isEqualTo(NOW);
        assertThat(r.price()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"您的验证码是 4370，5分钟内有效", "Το αυτοκίνητό σας είναι έτοιμο για παραλαβή",
        "Xe của bạn đã sẵn sàng, vui lòng đến nhận"})
    void sendsUnicodeTextsUnchangedInUtf8(String text) throws Exception {
        api.enqueue(201, created("SM1", "queued", "1"));
        SendResult r = twilio.submit(sms(text)).get(5, TimeUnit.SECONDS);
        assertThat(MockApi.form(api.take())).containsEntry("Body", text);
        assertThat(r.encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void reportsSegmentsAndPriceWhenTwilioGivesThem() throws Exception {
        String body = created("SM2", "sent", "3").replace("\"price\":null", "\"price\":\"-0.02250\"");
        api.enqueue(201, body);
        SendResult r = twilio.submit(sms("x".repeat(400))).get(5, TimeUnit.SECONDS);
        assertThat(r.segments()).isEqualTo(3);
        assertThat(r.status()).isEqualTo(MessageStatus.SENT);
        assertThat(r.price()).hasValueSatisfying(p -> {
            assertThat(p.amount()).isEqualByComparingTo("-0.02250");
            assertThat(p.currency().getCurrencyCode()).isEqualTo("USD");
        });
    }

    @Test
    void sendsATemplateAsContentSidWithContentVariables() throws Exception {
        api.enqueue(201, created("SM3", "queued", "0"));
        OutgoingSms t = OutgoingSms.of(SmsMessage.builder().to(RECIPIENT).from("ACME")
                .templateId("HX0123456789abcdef0123456789abcdef").putTemplateParam("1", "Ann")
                .putTemplateParam("2", "ΑΒΓ-1234").build());
        SendResult r = twilio.submit(t).get(5, TimeUnit.SECONDS);
        Map<String, String> form = MockApi.form(api.take());
        assertThat(form).containsEntry("ContentSid", "HX0123456789abcdef0123456789abcdef")
                .containsEntry("ContentVariables", "{\"1\":\"Ann\",\"2\":\"ΑΒΓ-1234\"}").doesNotContainKey("Body");
        assertThat(r.segments()).isEqualTo(1); // num_segments "0" is replaced by our own count
    }

    @Test
    void usesTheMessagingServiceWhenTheMessageHasNoSenderAndSendsCallbackAndValidity() throws Exception {
        try (TwilioProvider p = provider(config().put("messagingServiceSid", "MG0123456789abcdef0123456789abcdef")
                .put("statusCallback", "https://shop.example/sms/receipts/twilio").build())) {
            assertThat(p.senderRules().senderRequired()).isFalse();
            api.enqueue(201, created("SM4", "accepted", "0"));
            OutgoingSms m = OutgoingSms.of(SmsMessage.builder().to(RECIPIENT).text("Hi")
                    .validUntil(NOW.plus(Duration.ofHours(1))).build());
            SendResult r = p.submit(m).get(5, TimeUnit.SECONDS);
            assertThat(MockApi.form(api.take())).containsExactly(Map.entry("To", RECIPIENT),
                    Map.entry("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"), Map.entry("Body", "Hi"),
                    Map.entry("StatusCallback", "https://shop.example/sms/receipts/twilio"),
                    Map.entry("ValidityPeriod", "3600"));
            assertThat(r.status()).isEqualTo(MessageStatus.QUEUED);
        }
    }

    @Test
    void capsTheValidityPeriodAtTwilioMaximum() {
        OutgoingSms m = OutgoingSms.of(SmsMessage.builder().to(RECIPIENT).from("ACME").text("Hi")
                .validUntil(NOW.plus(Duration.ofDays(3))).build());
        // twilio.com/docs/api/errors/21624: "Validity period can only be set to integers between 1 and 36,000"
        assertThat(twilio.form(m)).containsEntry("ValidityPeriod", "36000");
    }

    @ParameterizedTest(name = "{0} → {2}")
    @CsvSource(delimiter = '|', value = {
        "20003|401|AUTHENTICATION|Authenticate",
        "20404|404|AUTHENTICATION|The requested resource /2010-04-01/Accounts/AC.../Messages.json was not found",
        "21211|400|INVALID_NUMBER|The 'To' number 5551234 is not a valid phone number.",
        "21614|400|INVALID_NUMBER|'To' number is not a valid mobile number",
        "21212|400|INVALID_SENDER|The 'From' number +15005550001 is not a valid phone number, shortcode, or alphanumeric sender ID.",
        "21606|400|INVALID_SENDER|The From phone number +15005550006 is not a valid, SMS-capable inbound phone number or short code for your account.",
        "21610|400|OPTED_OUT|Attempt to send to unsubscribed recipient",
        "21408|400|CONFIGURATION|Permission to send an SMS has not been enabled for the region indicated by the 'To' number: +306912345678.",
        "21608|400|CONFIGURATION|The number +306912345678 is unverified. Trial accounts cannot send messages to unverified numbers",
        "20005|401|INSUFFICIENT_BALANCE|Account not active",
        "21617|400|MESSAGE_TOO_LONG|The concatenated message body exceeds the 1600 character limit.",
        "30007|400|INVALID_CONTENT|Message filtered",
        "20429|429|RATE_LIMITED|Too Many Requests",
        "20500|500|PROVIDER_UNAVAILABLE|Internal Server Error",
        "99999|400|PROVIDER_ERROR|Something new"})
    void classifiesTwilioErrorCodes(int code, int status, ErrorKind kind, String message) {
        api.enqueue(status, error(code, message, status));
        SmsException e = failure(twilio.submit(sms("Hi")));
        assertThat(e.kind()).isEqualTo(kind);
        assertThat(e.isRetryable()).isEqualTo(kind.isRetryable());
        assertThat(e.providerCode()).contains(Integer.toString(code));
        assertThat(e.provider()).contains("twilio");
        assertThat(e.getMessage()).contains("HTTP " + status).doesNotContain(TOKEN);
    }

    @Test
    void honoursRetryAfterInSeconds() {
        api.enqueue(429, error(20429, "Too Many Requests", 429), "Retry-After: 30");
        SmsException e = failure(twilio.submit(sms("Hi")));
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.retryAfter()).contains(Duration.ofSeconds(30));
    }

    @Test
    void honoursRetryAfterAsHttpDate() {
        api.enqueue(429, error(20429, "Too Many Requests", 429), "Retry-After: Tue, 24 Nov 2026 14:02:00 GMT");
        SmsException e = failure(twilio.submit(sms("Hi")));
        assertThat(e.retryAfter()).contains(Duration.ofMinutes(2));
    }

    @Test
    void treatsA503WithHtmlBodyAsUnavailable() {
        api.enqueueRaw(503, "text/html", "<html><body>Service Unavailable</body></html>");
        SmsException e = failure(twilio.submit(sms("Hi")));
        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.providerCode()).isEmpty();
    }

    @Test
    void timesOutWhenTwilioDoesNotAnswerInTime() {
        try (TwilioProvider p = provider(config().put("requestTimeout", "500").build())) {
            api.enqueue(201, created("SM4", "queued", "1"));
            p.submit(sms("warm up the connection")).join(); // a cold connect may itself exceed the timeout
            api.enqueueDelayed(3_000, 201, created("SM5", "queued", "1"));
            SmsException e = failure(p.submit(sms("Hi")));
            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(e.isRetryable()).isTrue();
        }
    }

    @Test
    void sendThroughSmsClientSendsOnTheCallersThreadAndStopsAtTheClientsSendTimeout() throws Exception {
        try (TwilioProvider p = provider(config().put("requestTimeout", "PT30S").build())) {
            List<String> failures = new CopyOnWriteArrayList<>();
            SmsClient sms = SmsClient.builder().provider(p).sendTimeout(Duration.ofMillis(700))
                    .addEventListener(new SmsEventListener() {
                        @Override
                        public void failed(OutgoingSms s, SmsException e, Duration took) {
                            failures.add(e.kind() + " on " + Thread.currentThread().getName());
                        }
                    }).build();
            api.enqueue(201, created("SM6", "queued", "1"));
            assertThat(sms.message().to(RECIPIENT).from("ACME").text("Your car is ready").send().messageId())
                    .isEqualTo("SM6");
            assertThat(MockApi.form(api.take())).containsEntry("Body", "Your car is ready");

            api.enqueueDelayed(3_000, 201, created("SM7", "queued", "1"));
            assertThatThrownBy(() -> sms.message().to(RECIPIENT).from("ACME").text("Hi").send())
                    .isInstanceOfSatisfying(SmsException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
                        assertThat(e.getMessage()).contains("may or may not have been sent");
                    });
            // reported by the thread that waited: the exchange ran on it, cut at the send timeout (700 ms)
            assertThat(failures).containsExactly("TIMEOUT on " + Thread.currentThread().getName());
        }
    }

    @Test
    void reportsADroppedConnectionAsUnavailable() {
        api.enqueueDisconnect();
        SmsException e = failure(twilio.submit(sms("Hi")));
        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
    }

    @Test
    void reportsMalformedJsonAsProviderErrorWithAnExcerpt() {
        api.enqueue(201, "{\"sid\": \"SM1\", \"status\": ");
        SmsException e = failure(twilio.submit(sms("Hi")));
        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(e.getMessage()).contains("not JSON").contains("{\"sid\": \"SM1\"");
        assertThat(e.getCause()).isNull();
    }

    @Test
    void reportsAnAnswerWithoutSidAsProviderError() {
        api.enqueue(201, "{\"status\":\"queued\",\"sid\":null}");
        SmsException e = failure(twilio.submit(sms("Hi")));
        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(e.getMessage()).contains("lacks 'sid'");
    }

    @Test
    void reportsAJsonArrayInsteadOfAnObjectAsProviderError() {
        api.enqueue(201, "[1,2,3]");
        SmsException e = failure(twilio.submit(sms("Hi")));
        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
    }

    @Test
    void verifiesCredentialsOnTheAccountResource() throws Exception {
        // Account resource (twilio.com/docs/iam/api/account): "status": "active", "friendly_name"
        api.enqueue(200, "{\"sid\":\"" + SID + "\",\"friendly_name\":\"ACME Garage\",\"status\":\"active\","
                + "\"type\":\"Full\",\"date_created\":\"Thu, 01 Jan 2026 00:00:00 +0000\"}");
        CredentialCheck c = twilio.verifyCredentials().get(5, TimeUnit.SECONDS);
        RecordedRequest req = api.take();
        assertThat(req.getMethod()).isEqualTo("GET");
        assertThat(req.getTarget()).isEqualTo("/2010-04-01/Accounts/" + SID + ".json");
        assertThat(req.getHeaders().get("Authorization")).startsWith("Basic ");
        assertThat(c.isValid()).isTrue();
        assertThat(c.detail()).contains("ACME Garage");
    }

    @Test
    void reportsRejectedCredentialsAsAnInvalidCheck() throws Exception {
        api.enqueue(401, error(20003, "Authenticate", 401));
        CredentialCheck c = twilio.verifyCredentials().get(5, TimeUnit.SECONDS);
        assertThat(c.isValid()).isFalse();
        assertThat(c.failureKind()).contains(ErrorKind.AUTHENTICATION);
        assertThat(c.detail()).doesNotContain(TOKEN);
    }

    @Test
    void reportsASuspendedAccountAsAnInvalidCheck() throws Exception {
        api.enqueue(200, "{\"sid\":\"" + SID + "\",\"friendly_name\":\"ACME\",\"status\":\"suspended\"}");
        CredentialCheck c = twilio.verifyCredentials().get(5, TimeUnit.SECONDS);
        assertThat(c.isValid()).isFalse();
        assertThat(c.detail()).contains("suspended");
    }

    @Test
    void reportsAnUnreachableApiAsAnInvalidCheckOfThatKind() throws Exception {
        api.enqueueRaw(502, "text/plain", "Bad Gateway");
        CredentialCheck c = twilio.verifyCredentials().get(5, TimeUnit.SECONDS);
        assertThat(c.failureKind()).contains(ErrorKind.PROVIDER_UNAVAILABLE);
    }

    @Test
    void readsTheBalance() throws Exception {
        // support.twilio.com "Check Your Twilio Account Balance": {"currency": "USD", "balance": "12.29", "account_sid": ...}
        api.enqueue(200, "{\"currency\": \"USD\", \"balance\": \"12.29\", \"account_sid\": \"" + SID + "\"}");
        Balance b = twilio.balance().get(5, TimeUnit.SECONDS);
        assertThat(api.take().getTarget()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Balance.json");
        assertThat(b.amount()).isEqualByComparingTo(new BigDecimal("12.29"));
        assertThat(b.currency()).hasValueSatisfying(c -> assertThat(c.getCurrencyCode()).isEqualTo("USD"));
        assertThat(b.checkedAt()).isEqualTo(NOW);
    }

    @Test
    void reportsAMalformedBalanceAsProviderError() {
        api.enqueue(200, "{\"currency\": \"USD\", \"balance\": \"lots\"}");
        assertThat(failure(twilio.balance()).kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
    }

    @Test
    void isFoundByTheServiceLoader() {
        try (var p = SmsProviders.create("twilio", config().build())) {
            assertThat(p).isInstanceOf(TwilioProvider.class);
        }
    }

    @Test
    void namesEveryMissingSetting() {
        assertThatThrownBy(() -> TwilioProvider.create(ProviderConfig.empty()))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("accountSid", "authToken");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.twilio.com/", "http://10.0.0.5:8080/", "ftp://api.twilio.com/", "api.twilio.com"})
    void rejectsBaseUrlsThatAreNotHttpsOrLoopback(String url) {
        assertThatThrownBy(() -> provider(config().put("baseUrl", url).build()))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
    }

    @Test
    void rejectsAMalformedAccountSid() {
        assertThatThrownBy(() -> provider(config().put("accountSid", "12345").build()))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.getMessage()).contains("AC"));
    }

    @Test
    void neverShowsTheTokenInToString() {
        assertThat(twilio.toString()).contains(SID).doesNotContain(TOKEN);
    }
}
