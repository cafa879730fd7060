package org.smsbridge.providers.plivo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
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

/**
 * Signature V3 vectors of the fact sheet §0.6, computed with the algorithm of plivo/plivo-python
 * {@code plivo/utils/signature_v3.py} ({@code construct_post_url}, {@code get_signature_v3}) and
 * re-checked here with Python's hmac: token {@code MY_AUTH_TOKEN}, nonce
 * {@code 05429567804466091622}, POST params From/MessageUUID/Status. Plivo publishes no V3 vector.
 */
class PlivoReceiptParserTest {
    static final String TOKEN = "MY_AUTH_TOKEN";
    static final String NONCE = "05429567804466091622";
    static final Map<String, String> PARAMS = Map.of("From", "14155550100",
            "MessageUUID", "3a5a6f40-0d9a-11ee-a1b2-0242ac110002", "Status", "delivered");

    private final PlivoReceiptParser parser = new PlivoReceiptParser(TOKEN);

    @ParameterizedTest
    @CsvSource({
        "POST, https://example.com/sms/status, true, 8LLtk9Qv0P6JjOcAhRa2UlN3cWqLXX0RpGiy0jqlFG8=",
        "POST, https://example.com/sms/status?b=2&a=1, true, 1bPkSVQbATxjSuPNg8LKbveovN8GizOWUdyNG/62Anc=",
        "GET, https://example.com/sms/status?b=2&a=1, false, RiQSy5kRZvKggR20vj0JlPKdYqwLmwLwzBd32WAV+RI="})
    void computesTheV3Vectors(String method, String url, boolean withParams, String expected) {
        assertThat(parser.sign(method, url, withParams ? PARAMS : Map.of(), NONCE)).isEqualTo(expected);
    }

    @Test
    void buildsTheBaseStringLikeTheSdk() {
        assertThat(PlivoReceiptParser.baseString("POST", "https://example.com/sms/status?b=2&a=1", PARAMS))
                .isEqualTo("https://example.com/sms/status?a=1&b=2.From14155550100MessageUUID"
                        + "3a5a6f40-0d9a-11ee-a1b2-0242ac110002Statusdelivered");
    }

    /** A realistic status callback (form POST to the message's url). */
    static Map<String, String> callback(String uuid, String status, String errorCode) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("From", "ACME");
        p.put("To", "306912345678");
        p.put("Status", status);
        p.put("MessageUUID", uuid);
        p.put("ParentMessageUUID", uuid);
        p.put("PartInfo", "1 of 1");
        p.put("Units", "1");
        p.put("TotalRate", "0.0350");
        p.put("TotalAmount", "0.0350");
        p.put("MCC", "202");
        p.put("MNC", "05");
        p.put("ErrorCode", errorCode);
        return p;
    }

    static WebhookRequest signed(PlivoReceiptParser signer, String url, Map<String, String> params, String header) {
        return WebhookRequest.builder("POST", url).header("Content-Type", "application/x-www-form-urlencoded")
                .header(PlivoReceiptParser.NONCE, NONCE).header(PlivoReceiptParser.SIGNATURE, header)
                .body(Forms.encode(params)).build();
    }

    static WebhookRequest signed(PlivoReceiptParser signer, String url, Map<String, String> params) {
        return signed(signer, url, params, signer.sign("POST", url, params, NONCE));
    }

    @Test
    void parsesTheSignedVectorCallback() {
        WebhookRequest r = signed(parser, "https://example.com/sms/status", PARAMS,
                "8LLtk9Qv0P6JjOcAhRa2UlN3cWqLXX0RpGiy0jqlFG8=");
        DeliveryReceipt d = parser.parse(r).get(0);
        assertThat(d.messageId()).isEqualTo("3a5a6f40-0d9a-11ee-a1b2-0242ac110002");
        assertThat(d.status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void refusesARelativeUrlAsConfigurationNotAsAWrongSignature() {
        WebhookRequest r = signed(parser, "/sms/status", PARAMS);
        assertThatThrownBy(() -> parser.parse(r)).isInstanceOfSatisfying(SmsException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
            assertThat(e.getMessage()).contains("'/sms/status' is not the full public URL plivo called");
        });
    }

    @Test
    void acceptsAnyOfSeveralCommaSeparatedSignatures() {
        WebhookRequest r = signed(parser, "https://example.com/sms/status", PARAMS,
                "bm90LXRoaXMtb25l, 8LLtk9Qv0P6JjOcAhRa2UlN3cWqLXX0RpGiy0jqlFG8=");
        assertThat(parser.parse(r)).hasSize(1);
    }

    @Test
    void keepsErrorCodeAndRecipient() {
        String url = "https://shop.example/sms/receipts/plivo";
        DeliveryReceipt d = parser.parse(signed(parser, url, callback("u-1", "undelivered", "50"))).get(0);
        assertThat(d.status()).isEqualTo(MessageStatus.UNDELIVERED);
        assertThat(d.errorCode()).contains("50");
        assertThat(d.to()).contains("+306912345678");
        assertThat(parser.parse(signed(parser, url, callback("u-2", "delivered", "000"))).get(0).errorCode()).isEmpty();
    }

    @Test
    void foldsPartsIntoTheParentMessage() {
        String url = "https://shop.example/sms/receipts/plivo";
        Map<String, String> p1 = callback("part-1", "delivered", "000");
        p1.put("ParentMessageUUID", "parent");
        p1.put("PartInfo", "1 of 2");
        Map<String, String> p2 = callback("part-2", "delivered", "000");
        p2.put("ParentMessageUUID", "parent");
        p2.put("PartInfo", "2 of 2");
        DeliveryReceipt first = parser.parse(signed(parser, url, p1)).get(0);
        assertThat(first.messageId()).isEqualTo("parent");
        assertThat(first.status()).isEqualTo(MessageStatus.SENT);
        assertThat(parser.parse(signed(parser, url, p2)).get(0).status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void rejectsATamperedBody() {
        WebhookRequest ok = signed(parser, "https://example.com/sms/status", PARAMS,
                "8LLtk9Qv0P6JjOcAhRa2UlN3cWqLXX0RpGiy0jqlFG8=");
        WebhookRequest tampered = WebhookRequest.builder("POST", ok.url()).headers(ok.headers())
                .body(ok.body().replace("delivered", "failed")).build();
        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
    }

    @Test
    void rejectsAnotherTokensSignature() {
        WebhookRequest r = signed(new PlivoReceiptParser("OTHER_TOKEN"), "https://example.com/sms/status", PARAMS);
        assertThatThrownBy(() -> parser.parse(r)).isInstanceOfSatisfying(SmsException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
            assertThat(e.getMessage()).doesNotContain(TOKEN);
        });
    }

    @Test
    void rejectsMissingSignatureOrNonce() {
        WebhookRequest noSig = WebhookRequest.builder("POST", "https://example.com/sms/status")
                .header(PlivoReceiptParser.NONCE, NONCE).body(Forms.encode(PARAMS)).build();
        assertThatThrownBy(() -> parser.parse(noSig)).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.getMessage()).contains("X-Plivo-Signature-V3 is missing"));
        WebhookRequest noNonce = WebhookRequest.builder("POST", "https://example.com/sms/status")
                .header(PlivoReceiptParser.SIGNATURE, "8LLtk9Qv0P6JjOcAhRa2UlN3cWqLXX0RpGiy0jqlFG8=")
                .body(Forms.encode(PARAMS)).build();
        assertThatThrownBy(() -> parser.parse(noNonce)).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.getMessage()).contains("Nonce is missing"));
    }

    @Test
    void rejectsASignedCallbackWithoutMessageUuid() {
        WebhookRequest r = signed(parser, "https://example.com/x", Map.of("Status", "sent"));
        assertThatThrownBy(() -> parser.parse(r)).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT));
    }
}
