package org.smsbridge.providers.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsException;
import org.smsbridge.providers.internal.Forms;
import org.smsbridge.spi.WebhookRequest;

/**
 * Signature vectors from twilio/twilio-java {@code src/test/java/com/twilio/security/RequestValidatorTest.java}
 * (fact sheet §0.1): auth token {@code 12345}, URL {@code https://mycompany.com/myapp.php?foo=1&bar=2},
 * params Digits/CallSid/To/Caller/From, expected {@code RSOYDt4T1cUTdK1PDd93/VVr8B8=}.
 */
class TwilioReceiptParserTest {
    private static final String TOKEN = "12345";
    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    // "params.put("Digits", "1234"); params.put("CallSid", "CA1234567890ABCDE"); params.put("To", "+18005551212");
    //  params.put("Caller", "+14158675309"); params.put("From", "+14158675309");" — RequestValidatorTest
    private static final Map<String, String> SDK_PARAMS = Map.of("Digits", "1234", "CallSid", "CA1234567890ABCDE",
            "To", "+18005551212", "Caller", "+14158675309", "From", "+14158675309");
    private static final String SDK_SIGNATURE = "RSOYDt4T1cUTdK1PDd93/VVr8B8=";

    private final TwilioReceiptParser parser = new TwilioReceiptParser(TOKEN);

    @Test
    void computesTheSignatureOfTheSdkTestVector() {
        assertThat(parser.sign(URL, SDK_PARAMS)).isEqualTo(SDK_SIGNATURE);
    }

    @ParameterizedTest
    @CsvSource({
        // "testValidateRemovesPortHttps": URL with :1234 validates against the port-less signature
        "https://mycompany.com:1234/myapp.php?foo=1&bar=2, RSOYDt4T1cUTdK1PDd93/VVr8B8=",
        // "testValidateAddsPortHttps": header signed over https://mycompany.com:443/...
        "https://mycompany.com/myapp.php?foo=1&bar=2, kvajT1Ptam85bY51eRf/AJRuM3w=",
        // "testValidateAddsPortHttp": header signed over http://mycompany.com:80/...
        "http://mycompany.com/myapp.php?foo=1&bar=2, 0ZXoZLH/DfblKGATFgpif+LLRf4=",
        // "testValidateRemovesPortHttp": http URL with :1234, header signed with the port kept
        "http://mycompany.com:1234/myapp.php?foo=1&bar=2, Zmvh+3yNM1Phv2jhDCwEM3q5ebU="
    })
    void acceptsTheSdkPortVariants(String url, String signature) {
        assertThat(TwilioReceiptParser.urlVariants(url).stream().anyMatch(u -> parser.sign(u, SDK_PARAMS)
                .equals(signature))).isTrue();
    }

    @Test
    void acceptsJsonBodyBoundThroughBodySha256() {
        // "testValidateBody": body {"property": "value", "boolean": true}, hash 0a1ff763..., signed URL
        // https://mycompany.com/myapp.php?foo=1&bar=2&bodySHA256=<hash> → a9nBmqA0ju/hNViExpshrM61xv4=
        String body = "{\"property\": \"value\", \"boolean\": true}";
        String url = URL + "&bodySHA256=0a1ff7634d9ab3b95db5c9a2dfe9416e41502b283a80c7cf19632632f96e6620";
        assertThat(parser.sign(url, Map.of())).isEqualTo("a9nBmqA0ju/hNViExpshrM61xv4=");
        WebhookRequest tampered = WebhookRequest.builder("POST", url).header("Content-Type", "application/json")
                .header("X-Twilio-Signature", "a9nBmqA0ju/hNViExpshrM61xv4=")
                .body("{\"property\": \"other\", \"boolean\": true}").build();
        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
    }

    /**
     * A realistic delivered callback. Twilio "Track the Message Status of Outbound Messages":
     * "Twilio sends a POST request to the StatusCallback URL ... MessageStatus ... MessageSid ...
     * ErrorCode"; RawDlrDoneDate added 2023-02-14 (Twilio changelog, format YYMMDDhhmm).
     */
    static Map<String, String> deliveredCallback(String sid, String status) {
        return Map.of("MessageSid", sid, "SmsSid", sid, "MessageStatus", status, "SmsStatus", status,
                "AccountSid", "AC0123456789abcdef0123456789abcdef", "From", "+15017122661", "To", "+306912345678",
                "ApiVersion", "2010-04-01", "RawDlrDoneDate", "2311241405");
    }

    static WebhookRequest signed(TwilioReceiptParser p, String url, Map<String, String> params) {
        return WebhookRequest.builder("POST", url).header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Twilio-Signature", p.sign(url, params)).body(Forms.encode(params)).build();
    }

    @Test
    void parsesASignedDeliveredCallback() {
        String url = "https://shop.example/sms/receipts/twilio";
        List<DeliveryReceipt> r = parser.parse(signed(parser, url, deliveredCallback("SM123", "delivered")));
        assertThat(r).hasSize(1);
        assertThat(r.get(0).messageId()).isEqualTo("SM123");
        assertThat(r.get(0).status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(r.get(0).to()).contains("+306912345678");
        assertThat(r.get(0).provider()).contains("twilio");
        assertThat(r.get(0).rawFields()).containsEntry("RawDlrDoneDate", "2311241405");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/sms/receipts/twilio", "/sms/receipts/twilio?token=t0k3n", "shop.example/sms/receipts"})
    void refusesARelativeUrlAsConfigurationNotAsAWrongSignature(String relative) {
        // Signed as the host would compute it over what it passes: the URL, not the one Twilio called.
        WebhookRequest r = signed(parser, relative, deliveredCallback("SM123", "delivered"));
        assertThatThrownBy(() -> parser.parse(r)).isInstanceOfSatisfying(SmsException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
            assertThat(e.getMessage()).contains("is not the full public URL twilio called", "https://host/path?query")
                    .doesNotContain("t0k3n");
        });
    }

    @Test
    void keepsTheErrorCodeOfAnUndeliveredMessage() {
        Map<String, String> p = new java.util.HashMap<>(deliveredCallback("SM9", "undelivered"));
        p.put("ErrorCode", "30003"); // "Unreachable destination handset"
        List<DeliveryReceipt> r = parser.parse(signed(parser, "https://shop.example/r", p));
        assertThat(r.get(0).status()).isEqualTo(MessageStatus.UNDELIVERED);
        assertThat(r.get(0).errorCode()).contains("30003");
    }

    @Test
    void rejectsATamperedBody() {
        String url = "https://shop.example/sms/receipts/twilio";
        WebhookRequest ok = signed(parser, url, deliveredCallback("SM123", "failed"));
        WebhookRequest tampered = WebhookRequest.builder("POST", url).headers(ok.headers())
                .body(ok.body().replace("failed", "delivered")).build();
        assertThatThrownBy(() -> parser.parse(tampered)).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
    }

    @Test
    void rejectsASignatureMadeWithAnotherToken() {
        WebhookRequest other = signed(new TwilioReceiptParser("54321"), "https://shop.example/r",
                deliveredCallback("SM1", "delivered"));
        assertThatThrownBy(() -> parser.parse(other)).isInstanceOfSatisfying(SmsException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
            assertThat(e.getMessage()).contains("X-Twilio-Signature").doesNotContain(TOKEN);
        });
    }

    @Test
    void rejectsACallbackWithoutSignatureHeader() {
        WebhookRequest unsigned = WebhookRequest.builder("POST", "https://shop.example/r")
                .body(Forms.encode(deliveredCallback("SM1", "delivered"))).build();
        assertThatThrownBy(() -> parser.parse(unsigned)).isInstanceOfSatisfying(SmsException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
            assertThat(e.getMessage()).contains("X-Twilio-Signature is missing");
        });
    }

    @Test
    void rejectsASignedCallbackThatIsNoStatusCallback() {
        WebhookRequest r = signed(parser, "https://shop.example/r", Map.of("Foo", "bar"));
        assertThatThrownBy(() -> parser.parse(r)).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT));
    }

    @ParameterizedTest
    @CsvSource({"queued, QUEUED", "accepted, QUEUED", "scheduled, SCHEDULED", "sending, SENDING", "sent, SENT",
        "delivered, DELIVERED", "read, DELIVERED", "undelivered, UNDELIVERED", "failed, FAILED",
        "canceled, FAILED", "something_new, UNKNOWN"})
    void mapsEveryTwilioStatus(String twilio, MessageStatus expected) {
        assertThat(TwilioProvider.STATUS.of(twilio)).isEqualTo(expected);
    }
}
