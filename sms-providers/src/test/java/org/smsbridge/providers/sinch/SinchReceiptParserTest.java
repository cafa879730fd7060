package org.smsbridge.providers.sinch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsException;
import org.smsbridge.providers.internal.Signatures;
import org.smsbridge.spi.WebhookRequest;

class SinchReceiptParserTest {
    static final Instant NOW = Instant.parse("2026-11-24T14:00:00Z");
    static final String SECRET = "sinch-webhook-secret";

    /**
     * Published vector of sinch/sinch-sdk-dotnet {@code Sinch.Tests/Conversation/WebhooksTests.cs}
     * ValidateRequest: secret {@code foo_secret1234}, nonce {@code 01FJA8B4A7BM43YGWSG9GBV067},
     * timestamp {@code 1634579353}, signature {@code 6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=}
     * (Conversation API; the SMS API signs the same way, "{body}.{nonce}.{timestamp}").
     */
    static final String SDK_BODY = "{\"app_id\":\"\",\"accepted_time\":\"2021-10-18T17:49:13.813615Z\",\"project_id\":"
            + "\"e2df3a34-a71b-4448-9db5-a8d2baad28e4\",\"contact_create_notification\":{\"contact\":{\"id\":"
            + "\"01FJA8B466Y0R2GNXD78MD9SM1\",\"channel_identities\":[{\"channel\":\"SMS\",\"identity\":\"48123456789\","
            + "\"app_id\":\"\"}],\"display_name\":\"New Test Contact\",\"email\":\"new.contact@email.com\","
            + "\"external_id\":\"\",\"metadata\":\"\",\"language\":\"EN_US\"}},\"message_metadata\":\"\"}";

    @Test
    void computesThePublishedSdkVector() {
        SinchReceiptParser p = new SinchReceiptParser("foo_secret1234", Clock.systemUTC());
        assertThat(p.sign(Signatures.HMAC_SHA256, SDK_BODY, "01FJA8B4A7BM43YGWSG9GBV067", "1634579353"))
                .isEqualTo("6bpJoRmFoXVjfJIVglMoJzYXxnoxRujzR4k2GOXewOE=");
    }

    /** Per-recipient report, fields of the API reference "Delivery report" (recipient_delivery_report_sms). */
    static String recipientReport(String batchId, String status, int code) {
        return "{\"type\":\"recipient_delivery_report_sms\",\"batch_id\":\"" + batchId + "\",\"recipient\":\"306912345678\","
                + "\"code\":" + code + ",\"status\":\"" + status + "\",\"at\":\"2026-11-24T14:00:08.930Z\","
                + "\"operator_status_at\":\"2026-11-24T14:00:00Z\",\"client_reference\":\"order-7\"}";
    }

    static WebhookRequest signed(String body, String secret, long ts, String algorithm) {
        String nonce = "01FJA8B4A7BM43YGWSG9GBV067";
        String sig = new SinchReceiptParser(secret, Clock.systemUTC()).sign(algorithm, body, nonce, Long.toString(ts));
        return WebhookRequest.builder("POST", "https://shop.example/sms/receipts/sinch")
                .header("Content-Type", "application/json").header(SinchReceiptParser.SIGNATURE, sig)
                .header(SinchReceiptParser.NONCE, nonce).header(SinchReceiptParser.TIMESTAMP, Long.toString(ts))
                .header(SinchReceiptParser.ALGORITHM, algorithm).body(body).build();
    }

    private static SinchReceiptParser parser(String secret) {
        return new SinchReceiptParser(secret, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void parsesASignedRecipientReport() {
        DeliveryReceipt d = parser(SECRET).parse(signed(recipientReport("01FC66621XXXXX119Z8PMV1QPQ", "Delivered", 0),
                SECRET, NOW.getEpochSecond(), Signatures.HMAC_SHA256)).get(0);
        assertThat(d.messageId()).isEqualTo("01FC66621XXXXX119Z8PMV1QPQ");
        assertThat(d.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(d.to()).contains("+306912345678");
        assertThat(d.doneAt()).contains(Instant.parse("2026-11-24T14:00:08.930Z"));
        assertThat(d.errorCode()).isEmpty();
    }

    @Test
    void acceptsHmacSha512() {
        assertThat(parser(SECRET).parse(signed(recipientReport("B1", "Failed", 402), SECRET, NOW.getEpochSecond(),
                Signatures.HMAC_SHA512)).get(0).errorCode()).contains("402");
    }

    @Test
    void splitsAFullBatchReportPerRecipient() {
        String body = "{\"type\":\"delivery_report_sms\",\"batch_id\":\"B2\",\"total_message_count\":3,\"statuses\":["
                + "{\"code\":0,\"status\":\"Delivered\",\"count\":2,\"recipients\":[\"306912345678\",\"306912345679\"]},"
                + "{\"code\":402,\"status\":\"Failed\",\"count\":1,\"recipients\":[\"84912345678\"]}]}";
        List<DeliveryReceipt> r = parser(null).parse(WebhookRequest.builder("POST", "https://shop.example/s")
                .header("Content-Type", "application/json").body(body).build());
        assertThat(r).extracting(d -> d.to().orElseThrow()).containsExactly("+306912345678", "+306912345679",
                "+84912345678");
        assertThat(r.get(2).status()).isEqualTo(MessageStatus.FAILED);
        assertThat(r.get(2).errorCode()).contains("402");
    }

    @Test
    void combinesASummaryReportIntoOneStatus() {
        String body = "{\"type\":\"delivery_report_sms\",\"batch_id\":\"B3\",\"total_message_count\":2,\"statuses\":["
                + "{\"code\":0,\"status\":\"Delivered\",\"count\":1},{\"code\":401,\"status\":\"Dispatched\",\"count\":1}]}";
        List<DeliveryReceipt> r = parser(null).parse(WebhookRequest.builder("POST", "https://shop.example/s")
                .body(body).build());
        assertThat(r).singleElement().satisfies(d -> assertThat(d.status()).isEqualTo(MessageStatus.SENT));
    }

    @Test
    void rejectsATamperedBody() {
        WebhookRequest ok = signed(recipientReport("B4", "Failed", 402), SECRET, NOW.getEpochSecond(),
                Signatures.HMAC_SHA256);
        WebhookRequest tampered = WebhookRequest.builder("POST", ok.url()).headers(ok.headers())
                .body(ok.body().replace("Failed", "Delivered")).build();
        assertThatThrownBy(() -> parser(SECRET).parse(tampered)).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
    }

    @Test
    void rejectsAnotherSecret() {
        WebhookRequest other = signed(recipientReport("B5", "Delivered", 0), "other", NOW.getEpochSecond(),
                Signatures.HMAC_SHA256);
        assertThatThrownBy(() -> parser(SECRET).parse(other)).isInstanceOfSatisfying(SmsException.class, e -> {
            assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
            assertThat(e.getMessage()).doesNotContain(SECRET);
        });
    }

    @Test
    void rejectsAMissingSignatureAndAStaleTimestamp() {
        WebhookRequest unsigned = WebhookRequest.builder("POST", "https://shop.example/s")
                .header("Content-Type", "application/json").body(recipientReport("B6", "Delivered", 0)).build();
        assertThatThrownBy(() -> parser(SECRET).parse(unsigned)).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.getMessage()).contains("x-sinch-webhook-signature is missing"));
        WebhookRequest stale = signed(recipientReport("B7", "Delivered", 0), SECRET, NOW.getEpochSecond() - 3600,
                Signatures.HMAC_SHA256);
        assertThatThrownBy(() -> parser(SECRET).parse(stale)).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.getMessage()).contains("timestamp"));
    }

    @Test
    void rejectsCallbacksThatAreNoDeliveryReport() {
        for (String body : List.of("{\"type\":\"mo_text\",\"batch_id\":\"x\"}", "{\"type\":\"delivery_report_sms\"}",
                "{\"type\":\"delivery_report_sms\",\"batch_id\":\"x\",\"statuses\":[]}", "[]")) {
            assertThatThrownBy(() -> parser(null).parse(WebhookRequest.builder("POST", "https://s.example/")
                    .body(body).build())).isInstanceOfSatisfying(SmsException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT));
        }
    }
}
