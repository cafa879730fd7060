package org.smsbridge.providers.vonage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsException;
import org.smsbridge.providers.internal.Forms;
import org.smsbridge.spi.WebhookRequest;

class VonageReceiptParserTest {
    static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");
    static final String SECRET = "sig_secret_0123456789abcdef";
    private static final String URL = "https://shop.example/sms/receipts/vonage";

    // Vonage/vonage-java-sdk RequestSigningTest: params a=alphabet, b=bananas, timestamp=2100, secret abcde
    private static final Map<String, String> SDK_PARAMS = Map.of("a", "alphabet", "b", "bananas", "timestamp", "2100");

    @Test
    void buildsTheCanonicalStringOfTheSdkVector() {
        assertThat(VonageSignature.canonical(SDK_PARAMS)).isEqualTo("&a=alphabet&b=bananas&timestamp=2100");
        assertThat(VonageSignature.canonical(Map.of("a=", "x&y", "sig", "ignored"))).isEqualTo("&a_=x_y");
    }

    @Test
    void computesTheSdkMd5HashVector() {
        assertThat(VonageSignature.MD5HASH.sign(SDK_PARAMS, "abcde")).isEqualTo("7d43241108912b32cc315b48ce681acf");
    }

    @Test
    void computesTheSdkHmacSha256Vector() {
        assertThat(VonageSignature.SHA256.sign(SDK_PARAMS, "abcde"))
                .isEqualTo("8d1b0428276b6a070578225914c3502cc0687a454dfbbbb370c76a14234cb546");
    }

    @Test
    void dropsBlankValuesLikeTheSdk() {
        // RequestSigningTest: b = null is left out → "&a=alphabet&timestamp=2100" → a3368bf7...
        assertThat(VonageSignature.MD5HASH.sign(Map.of("a", "alphabet", "b", "", "timestamp", "2100"), "abcde"))
                .isEqualTo("a3368bf718ba104dcb392d8877e8eb2b");
    }

    /**
     * A delivered receipt as in sms.yml {@code DeliveryReceipt} (example values: msisdn 447700900000,
     * to "AcmeInc", network-code 23410, messageId 0A0000001234567B, price 0.03330000, status
     * delivered, scts 2001011400, err-code 0, message-timestamp "2020-01-01 12:00:00").
     */
    static Map<String, String> dlr(String messageId, String status, String errCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("msisdn", "306912345678");
        p.put("to", "ACME");
        p.put("network-code", "20205");
        p.put("messageId", messageId);
        p.put("price", "0.03330000");
        p.put("status", status);
        p.put("scts", "2611241400");
        p.put("err-code", errCode);
        p.put("api-key", "a1b2c3d4");
        p.put("message-timestamp", "2026-11-24 14:00:05");
        return p;
    }

    static Map<String, String> signed(Map<String, String> params, VonageSignature method, String secret, long ts) {
        Map<String, String> p = new LinkedHashMap<>(params);
        p.put("timestamp", Long.toString(ts));
        p.put("nonce", "7f1b1b2e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");
        // Vonage sends HMAC digests in upper-case hex (sms.yml example sig "1A20E4E2...").
        p.put("sig", method.sign(p, secret).toUpperCase(Locale.ROOT));
        return p;
    }

    static WebhookRequest post(Map<String, String> params) {
        return WebhookRequest.builder("POST", URL).header("Content-Type", "application/x-www-form-urlencoded")
                .body(Forms.encode(params)).build();
    }

    private static VonageReceiptParser parser(String secret, VonageSignature method) {
        return new VonageReceiptParser(secret, method, Clock.fixed(NOW, ZoneOffset.UTC), new VonageParts());
    }

    @Test
    void parsesAnUnsignedFormReceiptWhenNoSecretIsConfigured() {
        List<DeliveryReceipt> r = parser(null, VonageSignature.MD5HASH).parse(post(dlr("0A0000001234567B",
                "delivered", "0")));
        assertThat(r).singleElement().satisfies(d -> {
            assertThat(d.messageId()).isEqualTo("0A0000001234567B");
            assertThat(d.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(d.errorCode()).isEmpty();
            assertThat(d.to()).contains("+306912345678");
            assertThat(d.doneAt()).contains(Instant.parse("2026-11-24T14:00:05Z"));
            assertThat(d.rawFields()).containsEntry("network-code", "20205");
        });
    }

    @Test
    void parsesAGetReceiptFromTheQueryString() {
        WebhookRequest get = WebhookRequest.builder("GET", URL + "?" + Forms.encode(dlr("0B1", "failed", "6")))
                .build();
        DeliveryReceipt d = parser(null, VonageSignature.MD5HASH).parse(get).get(0);
        assertThat(d.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(d.errorCode()).contains("6");
    }

    @ParameterizedTest
    @CsvSource({"MD5HASH", "MD5", "SHA1", "SHA256", "SHA512"})
    void acceptsCorrectlySignedReceiptsForEveryMethod(VonageSignature method) {
        Map<String, String> p = signed(dlr("0C1", "delivered", "0"), method, SECRET, NOW.getEpochSecond() - 30);
        assertThat(parser(SECRET, method).parse(post(p)).get(0).status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void acceptsASignedJsonReceipt() {
        Map<String, String> p = signed(dlr("0D1", "expired", "0"), VonageSignature.SHA256, SECRET,
                NOW.getEpochSecond());
        StringBuilder json = new StringBuilder("{");
        p.forEach((k, v) -> json.append(json.length() > 1 ? "," : "").append('"').append(k).append("\":\"")
                .append(v).append('"'));
        WebhookRequest r = WebhookRequest.builder("POST", URL).header("Content-Type", "application/json")
                .body(json.append('}').toString()).build();
        assertThat(parser(SECRET, VonageSignature.SHA256).parse(r).get(0).status()).isEqualTo(MessageStatus.EXPIRED);
    }

    @Test
    void rejectsATamperedReceipt() {
        Map<String, String> p = signed(dlr("0E1", "failed", "6"), VonageSignature.SHA256, SECRET, NOW.getEpochSecond());
        p.put("status", "delivered");
        assertThatThrownBy(() -> parser(SECRET, VonageSignature.SHA256).parse(post(p)))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
    }

    @Test
    void rejectsAReceiptSignedWithAnotherSecret() {
        Map<String, String> p = signed(dlr("0E2", "delivered", "0"), VonageSignature.SHA256, "other-secret",
                NOW.getEpochSecond());
        assertThatThrownBy(() -> parser(SECRET, VonageSignature.SHA256).parse(post(p)))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("sig").doesNotContain(SECRET);
                });
    }

    @Test
    void rejectsAnUnsignedReceiptWhenASecretIsConfigured() {
        assertThatThrownBy(() -> parser(SECRET, VonageSignature.SHA256).parse(post(dlr("0E3", "delivered", "0"))))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                    assertThat(e.getMessage()).contains("sig is missing");
                });
    }

    @Test
    void rejectsAReplayedReceiptWithAnOldTimestamp() {
        Map<String, String> p = signed(dlr("0E4", "delivered", "0"), VonageSignature.SHA256, SECRET,
                NOW.getEpochSecond() - 3600);
        assertThatThrownBy(() -> parser(SECRET, VonageSignature.SHA256).parse(post(p)))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.getMessage()).contains("timestamp"));
    }

    @Test
    void foldsThePartsOfAMultiPartMessageIntoOneStatus() {
        VonageParts parts = new VonageParts();
        parts.register(List.of("P1", "P2", "P3"));
        VonageReceiptParser p = new VonageReceiptParser(null, VonageSignature.MD5HASH, Clock.fixed(NOW,
                ZoneOffset.UTC), parts);
        DeliveryReceipt first = p.parse(post(dlr("P2", "delivered", "0"))).get(0);
        assertThat(first.messageId()).isEqualTo("P1");
        assertThat(first.status()).isEqualTo(MessageStatus.SENT);
        assertThat(first.rawFields()).containsEntry("partMessageId", "P2");
        assertThat(p.parse(post(dlr("P1", "delivered", "0"))).get(0).status()).isEqualTo(MessageStatus.SENT);
        assertThat(p.parse(post(dlr("P3", "delivered", "0"))).get(0).status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void aFailedPartFailsTheWholeMessage() {
        VonageParts parts = new VonageParts();
        parts.register(List.of("Q1", "Q2"));
        VonageReceiptParser p = new VonageReceiptParser(null, VonageSignature.MD5HASH, Clock.systemUTC(), parts);
        p.parse(post(dlr("Q1", "delivered", "0")));
        DeliveryReceipt last = p.parse(post(dlr("Q2", "failed", "8"))).get(0);
        assertThat(last.messageId()).isEqualTo("Q1");
        assertThat(last.status()).isEqualTo(MessageStatus.FAILED);
    }

    @Test
    void rejectsACallbackWithoutMessageIdAsInvalidContent() {
        Map<String, String> p = dlr("x", "delivered", "0");
        p.remove("messageId");
        assertThatThrownBy(() -> parser(null, VonageSignature.MD5HASH).parse(post(p)))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT));
    }

    @Test
    void rejectsAnUnknownSignatureMethodSetting() {
        assertThatThrownBy(() -> VonageSignature.of("sha3"))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
    }
}
