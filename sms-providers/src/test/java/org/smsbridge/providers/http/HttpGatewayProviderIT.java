package org.smsbridge.providers.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsbridge.Balance;
import org.smsbridge.CredentialCheck;
import org.smsbridge.ErrorKind;
import org.smsbridge.SendResult;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.providers.MockApi;
import org.smsbridge.providers.internal.ProviderHttp;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviders;
import org.smsbridge.text.Encoding;

/**
 * The generic gateway against MockWebServer playing three typical small vendors. The "enterprise
 * code + account + password" form API and its JSON answer ({@code {"code":0,"msg":"提交成功",
 * "data":{"msgid":"..."}}}, {@code code} −4 for 余额不足) are modelled on the HTTP interfaces that
 * Chinese SMS resellers document in their 接口文档 (form fields such as {@code account}, {@code pswd},
 * {@code mobile}, {@code msg}; GBK or UTF-8), the plain-text answer {@code 0,<time>,<msgid>} on the
 * comma-separated replies of older 短信网关 interfaces; neither is one specific vendor's contract.
 */
class HttpGatewayProviderIT {
    static final String PASSWORD = "pw-Secret-8812";
    static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");
    static final String ACCEPTED = "{\"code\":0,\"msg\":\"提交成功\",\"data\":{\"msgid\":\"2311241400001\"}}";

    private MockApi api;

    @BeforeEach
    void start() {
        api = MockApi.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** The "enterprise code + account + password" vendor. */
    ProviderConfig.Builder vendor() {
        return ProviderConfig.builder()
                .put("url", api.baseUrl() + "sms/send")
                .put("enterpriseCode", "10086")
                .put("username", "carshop")
                .secret("password", PASSWORD)
                .put("param.ecode", "{enterpriseCode}")
                .put("param.account", "{username}")
                .put("param.pswd", "{password}")
                .put("param.mobile", "{to_national}")
                .put("param.msg", "{text}")
                .put("param.ts", "{timestamp}")
                .put("successPointer", "/code")
                .put("messageIdPointer", "/data/msgid")
                .put("errorMessagePointer", "/msg")
                .put("errorKind.-4", "INSUFFICIENT_BALANCE")
                .put("errorKind.-1", "AUTHENTICATION")
                .put("requestTimeout", "PT2S");
    }

    static HttpGatewayProvider create(ProviderConfig config) {
        return HttpGatewayProvider.create(config, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    static OutgoingSms sms(String to, String text) {
        return OutgoingSms.of(SmsMessage.builder().to(to).text(text).from("ACME").reference("order-42").build());
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

    @ParameterizedTest
    @ValueSource(strings = {"您的爱车已保养完毕，请到店取车。", "Το αυτοκίνητό σας είναι έτοιμο", "Xe của bạn đã sẵn sàng",
        "Your car is ready"})
    void postsTheConfiguredFormAndReadsTheMessageId(String text) throws Exception {
        api.enqueue(200, ACCEPTED);
        try (HttpGatewayProvider gw = create(vendor().build())) {
            SendResult r = gw.submit(sms("+8613800138000", text)).get(10, TimeUnit.SECONDS);
            RecordedRequest req = api.take();
            assertThat(req.getMethod()).isEqualTo("POST");
            assertThat(req.getTarget()).isEqualTo("/sms/send");
            assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded; charset=UTF-8");
            assertThat(MockApi.form(req)).containsExactly(Map.entry("ecode", "10086"), Map.entry("account", "carshop"),
                    Map.entry("pswd", PASSWORD), Map.entry("mobile", "13800138000"), Map.entry("msg", text),
                    Map.entry("ts", Long.toString(NOW.getEpochSecond())));
            assertThat(r.messageId()).isEqualTo("2311241400001");
            assertThat(r.provider()).isEqualTo("http");
            assertThat(r.encoding()).isEqualTo(text.startsWith("Your") ? Encoding.GSM_7 : Encoding.UCS_2);
            assertThat(r.reference()).contains("order-42");
        }
    }

    @Test
    void encodesTheFormInTheConfiguredCharset() throws Exception {
        api.enqueue(200, ACCEPTED);
        try (HttpGatewayProvider gw = create(vendor().put("charset", "GBK").build())) {
            gw.submit(sms("+8613800138000", "验证码")).get(10, TimeUnit.SECONDS);
            RecordedRequest req = api.take();
            assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/x-www-form-urlencoded; charset=GBK");
            // 验证码 in GBK is D1E9 D6A4 C2EB.
            assertThat(MockApi.body(req)).contains("&msg=%D1%E9%D6%A4%C2%EB&");
        }
    }

    @Test
    void signsWithAHashOfAccountPasswordAndTimestampInsteadOfSendingThePassword() throws Exception {
        api.enqueue(200, ACCEPTED);
        ProviderConfig c = vendor().remove("param.pswd")
                .put("hash.sign", "md5:{username}{password}{timestamp}")
                .put("hash.SIGN2", "SHA256:{username}{text}{timestamp}")
                .put("param.sign", "{sign}")
                .put("header.X-Sign", "{SIGN2}")
                .build();
        try (HttpGatewayProvider gw = create(c)) {
            gw.submit(sms("+8613800138000", "短信")).get(10, TimeUnit.SECONDS);
            RecordedRequest req = api.take();
            // md5("carshop" + "pw-Secret-8812" + "1795528800"), computed with Python's hashlib.
            assertThat(MockApi.form(req)).containsEntry("sign", "82ca78d561428e38a551e9a6e77db8da")
                    .doesNotContainKey("pswd");
            assertThat(MockApi.body(req)).doesNotContain(PASSWORD);
            assertThat(req.getHeaders().get("X-Sign"))
                    .isEqualTo("4B74C3A7C9B09CC39E9E715C02BBF5BB9EA3BA9CFB24F8C6B232EA6295CEA8CE");
        }
    }

    @Test
    void sendsAGetWithQueryParametersAndReadsAPlainTextAnswerWithRegexes() throws Exception {
        api.enqueueRaw(200, "text/plain", "0,20261124220000,MSG7781");
        ProviderConfig c = ProviderConfig.builder()
                .put("url", api.baseUrl() + "cgi/send?apikey={username}")
                .put("method", "get")
                .put("username", "k 1")
                .put("param.to", "{to_digits}")
                .put("param.sender", "{from}")
                .put("param.text", "{text}")
                .put("successRegex", "^0,")
                .put("messageIdRegex", "^0,\\d+,(\\w+)")
                .build();
        try (HttpGatewayProvider gw = create(c)) {
            SendResult r = gw.submit(sms("+306912345678", "Γεια σας & καλή μέρα")).get(10, TimeUnit.SECONDS);
            RecordedRequest req = api.take();
            assertThat(req.getMethod()).isEqualTo("GET");
            assertThat(req.getUrl().encodedPath()).isEqualTo("/cgi/send");
            assertThat(req.getUrl().queryParameter("apikey")).isEqualTo("k 1");
            assertThat(req.getUrl().queryParameter("to")).isEqualTo("306912345678");
            assertThat(req.getUrl().queryParameter("sender")).isEqualTo("ACME");
            assertThat(req.getUrl().queryParameter("text")).isEqualTo("Γεια σας & καλή μέρα");
            assertThat(r.messageId()).isEqualTo("MSG7781");
        }
    }

    @Test
    void postsAJsonTemplateWithHeaderAuthAndEscapesTheValues() throws Exception {
        api.enqueue(200, "{\"result\":\"OK\",\"id\":123456}");
        ProviderConfig c = ProviderConfig.builder()
                .put("url", api.baseUrl() + "v1/messages")
                .put("bodyType", "json")
                .put("jsonBody", "{\"to\":\"{to}\",\"from\":\"{from}\",\"text\":\"{text}\",\"ref\":\"{reference}\"}")
                .secret("authToken", "Bearer tok-abcdef123")
                .put("header.X-Client", "sms-bridge")
                .put("successPointer", "/result")
                .put("successValues", "OK,ACCEPTED")
                .put("messageIdPointer", "/id")
                .build();
        try (HttpGatewayProvider gw = create(c)) {
            SendResult r = gw.submit(sms("+84912345678", "Xin chào \"Anh\"\nline 2")).get(10, TimeUnit.SECONDS);
            RecordedRequest req = api.take();
            assertThat(req.getHeaders().get("Authorization")).isEqualTo("Bearer tok-abcdef123");
            assertThat(req.getHeaders().get("X-Client")).isEqualTo("sms-bridge");
            assertThat(req.getHeaders().get("Content-Type")).isEqualTo("application/json; charset=UTF-8");
            assertThat(MockApi.body(req)).isEqualTo("{\"to\":\"+84912345678\",\"from\":\"ACME\","
                    + "\"text\":\"Xin chào \\\"Anh\\\"\\nline 2\",\"ref\":\"order-42\"}");
            assertThat(ProviderHttp.tryJson(MockApi.body(req))).isNotNull();
            assertThat(r.messageId()).isEqualTo("123456");
        }
    }

    @Test
    void sendsBasicAuth() throws Exception {
        api.enqueue(200, "{}");
        ProviderConfig c = ProviderConfig.builder().put("url", api.baseUrl() + "send").put("auth", "basic")
                .put("username", "carshop").secret("password", PASSWORD).put("param.to", "{to}")
                .put("param.text", "{text}").build();
        try (HttpGatewayProvider gw = create(c)) {
            SendResult r = gw.submit(sms("+306912345678", "Hi")).get(10, TimeUnit.SECONDS);
            assertThat(api.take().getHeaders().get("Authorization")).isEqualTo("Basic "
                    + Base64.getEncoder().encodeToString(("carshop:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
            assertThat(r.messageId()).as("no messageIdPointer: the reference stands in").isEqualTo("order-42");
        }
    }

    @Test
    void mapsTheVendorsErrorCodeToAKind() {
        api.enqueue(200, "{\"code\":-4,\"msg\":\"余额不足\"}");
        api.enqueue(200, "{\"code\":-9,\"msg\":\"号码在黑名单\"}");
        try (HttpGatewayProvider gw = create(vendor().build())) {
            SmsException balance = failure(gw.submit(sms("+8613800138000", "Hi")));
            assertThat(balance.kind()).isEqualTo(ErrorKind.INSUFFICIENT_BALANCE);
            assertThat(balance.providerCode()).contains("-4");
            assertThat(balance.getMessage()).contains("余额不足");
            SmsException unknown = failure(gw.submit(sms("+8613800138000", "Hi")));
            assertThat(unknown.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
            assertThat(unknown.providerCode()).contains("-9");
        }
    }

    @Test
    void classifiesHttpStatusesAndHonoursRetryAfter() {
        api.enqueue(401, "{\"code\":401,\"msg\":\"unauthorized\"}");
        api.enqueue(429, "{\"code\":429,\"msg\":\"slow down\"}", "Retry-After: 12");
        api.enqueueRaw(503, "text/html", "<html>maintenance</html>");
        try (HttpGatewayProvider gw = create(vendor().build())) {
            assertThat(failure(gw.submit(sms("+8613800138000", "Hi"))).kind()).isEqualTo(ErrorKind.AUTHENTICATION);
            SmsException limited = failure(gw.submit(sms("+8613800138000", "Hi")));
            assertThat(limited.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
            assertThat(limited.retryAfter()).contains(Duration.ofSeconds(12));
            assertThat(limited.isRetryable()).isTrue();
            SmsException down = failure(gw.submit(sms("+8613800138000", "Hi")));
            assertThat(down.kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
            assertThat(down.isRetryable()).isTrue();
        }
    }

    @Test
    void reportsMalformedAnswersAsProviderErrorsWithoutTheSecret() {
        api.enqueueRaw(200, "text/html", "<html>error: bad pswd=" + PASSWORD + "</html>");
        api.enqueue(200, "{\"code\":0,\"data\":{}}");
        try (HttpGatewayProvider gw = create(vendor().build())) {
            SmsException notJson = failure(gw.submit(sms("+8613800138000", "Hi")));
            assertThat(notJson.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
            assertThat(notJson.getMessage()).contains("bad pswd=****").doesNotContain(PASSWORD);
            SmsException noId = failure(gw.submit(sms("+8613800138000", "Hi")));
            assertThat(noId.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
            assertThat(noId.getMessage()).contains("/data/msgid");
        }
    }

    @Test
    void timesOut() {
        api.enqueueDelayed(3000, 200, ACCEPTED);
        try (HttpGatewayProvider gw = create(vendor().put("requestTimeout", "PT0.3S").build())) {
            SmsException e = failure(gw.submit(sms("+8613800138000", "Hi")));
            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        }
    }

    @Test
    void asksForTheBalanceOnlyWhenConfigured() throws Exception {
        try (HttpGatewayProvider plain = create(vendor().build())) {
            assertThat(plain.capabilities()).doesNotContain(Capability.BALANCE);
            assertThat(failure(plain.balance()).kind()).isEqualTo(ErrorKind.CONFIGURATION);
        }
        api.enqueue(200, "{\"code\":0,\"data\":{\"balance\":\"1520\"}}");
        try (HttpGatewayProvider gw = create(vendor()
                .put("balanceUrl", api.baseUrl() + "sms/balance?account={username}&pswd={password}")
                .put("balancePointer", "/data/balance").build())) {
            assertThat(gw.capabilities()).contains(Capability.BALANCE);
            Balance b = gw.balance().get(10, TimeUnit.SECONDS);
            assertThat(b.unit()).isEqualTo(Balance.Unit.MESSAGES);
            assertThat(b.amount()).isEqualByComparingTo(new BigDecimal(1520));
            RecordedRequest req = api.take();
            assertThat(req.getMethod()).isEqualTo("GET");
            assertThat(req.getUrl().queryParameter("pswd")).isEqualTo(PASSWORD);
        }
    }

    @Test
    void readsAMoneyBalance() throws Exception {
        api.enqueue(200, "{\"code\":0,\"data\":{\"balance\":12.50}}");
        try (HttpGatewayProvider gw = create(vendor().put("balanceUrl", api.baseUrl() + "balance")
                .put("balancePointer", "/data/balance").put("balanceUnit", "money").put("balanceCurrency", "CNY")
                .build())) {
            Balance b = gw.balance().get(10, TimeUnit.SECONDS);
            assertThat(b.currency()).hasValueSatisfying(c -> assertThat(c.getCurrencyCode()).isEqualTo("CNY"));
            assertThat(b.amount()).isEqualByComparingTo("12.50");
        }
    }

    @Test
    void checksCredentialsWithTheBalanceOrTheVerifyUrl() throws Exception {
        api.enqueue(200, "{\"code\":0,\"data\":{\"balance\":\"7\"}}");
        api.enqueue(200, "{\"code\":-1,\"msg\":\"账号或密码错误\"}");
        api.enqueue(200, "{\"code\":0}");
        try (HttpGatewayProvider withBalance = create(vendor().put("balanceUrl", api.baseUrl() + "balance")
                .put("balancePointer", "/data/balance").build())) {
            CredentialCheck ok = withBalance.verifyCredentials().get(10, TimeUnit.SECONDS);
            assertThat(ok.isValid()).isTrue();
            assertThat(ok.balance()).isPresent();
            CredentialCheck bad = withBalance.verifyCredentials().get(10, TimeUnit.SECONDS);
            assertThat(bad.isValid()).isFalse();
            assertThat(bad.failureKind()).contains(ErrorKind.AUTHENTICATION);
            assertThat(bad.detail()).doesNotContain(PASSWORD);
        }
        try (HttpGatewayProvider withVerify = create(vendor().put("verifyUrl", api.baseUrl() + "account?u={username}")
                .build())) {
            assertThat(withVerify.verifyCredentials().get(10, TimeUnit.SECONDS).isValid()).isTrue();
        }
        try (HttpGatewayProvider neither = create(vendor().build())) {
            CredentialCheck c = neither.verifyCredentials().get(10, TimeUnit.SECONDS);
            assertThat(c.isValid()).isFalse();
            assertThat(c.failureKind()).contains(ErrorKind.CONFIGURATION);
            assertThat(c.detail()).contains("verifyUrl");
        }
    }

    @Test
    void isFoundByNameThroughTheServiceLoader() {
        try (SmsProvider p = SmsProviders.create("http", vendor().build())) {
            assertThat(p).isInstanceOf(HttpGatewayProvider.class);
        }
    }

    @Test
    void toStringShowsNoSecret() {
        try (HttpGatewayProvider gw = create(vendor().build())) {
            assertThat(gw.toString()).doesNotContain(PASSWORD).contains("POST", api.server().getHostName());
        }
    }

    @Test
    void findsTheNationalNumber() {
        assertThat(HttpGatewayProvider.national("+8613800138000")).isEqualTo("13800138000");
        assertThat(HttpGatewayProvider.national("+306912345678")).isEqualTo("6912345678");
        assertThat(HttpGatewayProvider.national("+84912345678")).isEqualTo("912345678");
    }
}
