package org.smsbridge.providers.sinch;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsException;
import org.smsbridge.providers.internal.ProviderHttp;
import org.smsbridge.providers.internal.Signatures;
import org.smsbridge.providers.internal.StatusMapping;
import org.smsbridge.providers.internal.Webhooks;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.WebhookRequest;

/**
 * Parses Sinch SMS delivery reports: {@code delivery_report_sms} (per batch, {@code statuses[]} with
 * {@code recipients} when the report is "full") and {@code recipient_delivery_report_sms} (per
 * recipient), developers.sinch.com/docs/sms/api-reference/sms/tag/Delivery-reports.
 *
 * <p>With a webhook secret, the callback must carry {@code x-sinch-webhook-signature} =
 * {@code Base64(HMAC(secret, rawBody + "." + nonce + "." + timestamp))} with the algorithm of
 * {@code x-sinch-webhook-signature-algorithm} ({@code HmacSHA256} default, or {@code HmacSHA512}),
 * nonce and timestamp (unix seconds, within 5 minutes) in their own headers, as the Sinch SDKs
 * validate it ({@code compute_signed_data} in sinch-sdk-python). Thread-safe.
 */
final class SinchReceiptParser implements ReceiptParser {
    static final String SIGNATURE = "x-sinch-webhook-signature";
    static final String NONCE = "x-sinch-webhook-signature-nonce";
    static final String TIMESTAMP = "x-sinch-webhook-signature-timestamp";
    static final String ALGORITHM = "x-sinch-webhook-signature-algorithm";

    /** Delivery report statuses (Sinch "Delivery report statuses"). */
    static final StatusMapping STATUS = StatusMapping.builder()
            .map(MessageStatus.QUEUED, "Queued")
            .map(MessageStatus.SENT, "Dispatched")
            .map(MessageStatus.DELIVERED, "Delivered")
            .map(MessageStatus.FAILED, "Failed", "Aborted", "Cancelled", "Deleted")
            .map(MessageStatus.REJECTED, "Rejected")
            .map(MessageStatus.EXPIRED, "Expired")
            .map(MessageStatus.UNKNOWN, "Unknown")
            .build();

    private final String secret;
    private final Clock clock;

    SinchReceiptParser(String secret, Clock clock) {
        this.secret = secret;
        this.clock = clock;
    }

    @Override
    public List<DeliveryReceipt> parse(WebhookRequest request) {
        Webhooks.requireRequest(SinchProvider.NAME, request);
        if (secret != null) {
            verify(request);
        }
        JsonNode json = Webhooks.jsonBody(SinchProvider.NAME, request);
        String type = ProviderHttp.text(json, "type").orElse("");
        String batchId = ProviderHttp.text(json, "batch_id")
                .orElseThrow(() -> Webhooks.notAReceipt(SinchProvider.NAME, "no batch_id", request.body()));
        if (type.equals("recipient_delivery_report_sms") || type.equals("recipient_delivery_report_mms")) {
            DeliveryReceipt.Builder b = receipt(batchId, ProviderHttp.text(json, "status").orElse(null),
                    json.path("code"), Webhooks.flatFields(json));
            ProviderHttp.text(json, "recipient").map(SinchReceiptParser::e164).ifPresent(b::to);
            ProviderHttp.text(json, "at").flatMap(SinchReceiptParser::instant).ifPresent(b::doneAt);
            return List.of(b.build());
        }
        if (!type.equals("delivery_report_sms") && !type.equals("delivery_report_mms")) {
            throw Webhooks.notAReceipt(SinchProvider.NAME, "type '" + type + "' is no delivery report", request.body());
        }
        JsonNode statuses = json.get("statuses");
        if (statuses == null || !statuses.isArray() || statuses.isEmpty()) {
            throw Webhooks.notAReceipt(SinchProvider.NAME, "no statuses", request.body());
        }
        List<DeliveryReceipt> out = new ArrayList<>();
        List<MessageStatus> all = new ArrayList<>();
        for (JsonNode s : statuses) {
            String status = ProviderHttp.text(s, "status").orElse(null);
            all.add(STATUS.of(status));
            JsonNode recipients = s.get("recipients");
            if (recipients != null && recipients.isArray()) {
                for (JsonNode r : recipients) {
                    DeliveryReceipt.Builder b = receipt(batchId, status, s.path("code"), Webhooks.flatFields(s));
                    b.to(e164(r.asText())).putRawField("recipient", r.asText());
                    out.add(b.build());
                }
            }
        }
        if (out.isEmpty()) {
            // "summary" report: counts only; one receipt for the batch with the combined status.
            out.add(DeliveryReceipt.builder(batchId, StatusMapping.combine(all)).provider(SinchProvider.NAME)
                    .rawFields(Webhooks.flatFields(json)).build());
        }
        return List.copyOf(out);
    }

    private static DeliveryReceipt.Builder receipt(String batchId, String status, JsonNode code,
            java.util.Map<String, String> raw) {
        MessageStatus unified = STATUS.of(status);
        DeliveryReceipt.Builder b = DeliveryReceipt.builder(batchId, unified).provider(SinchProvider.NAME)
                .rawFields(raw);
        if (unified.isFinal() && unified != MessageStatus.DELIVERED && code.isNumber() && code.asInt() != 0) {
            b.errorCode(code.asText());
        }
        return b;
    }

    private void verify(WebhookRequest request) {
        String signature = Webhooks.requireHeader(SinchProvider.NAME, request, SIGNATURE);
        String nonce = Webhooks.requireHeader(SinchProvider.NAME, request, NONCE);
        String timestamp = Webhooks.requireHeader(SinchProvider.NAME, request, TIMESTAMP);
        String algorithm = request.header(ALGORITHM).map(String::strip).orElse(Signatures.HMAC_SHA256);
        if (!algorithm.equals(Signatures.HMAC_SHA256) && !algorithm.equals(Signatures.HMAC_SHA512)) {
            throw Webhooks.badSignature(SinchProvider.NAME, "the algorithm '" + algorithm + "'");
        }
        String expected = sign(algorithm, request.body(), nonce, timestamp);
        if (!Signatures.constantTimeEquals(expected, signature)) {
            throw Webhooks.badSignature(SinchProvider.NAME, SIGNATURE);
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            throw new SmsException(ErrorKind.AUTHENTICATION, "sinch report rejected: " + TIMESTAMP
                    + " is not a number of seconds");
        }
        Webhooks.requireFresh(SinchProvider.NAME, Instant.ofEpochSecond(ts), clock, Webhooks.DEFAULT_TOLERANCE);
    }

    String sign(String algorithm, String body, String nonce, String timestamp) {
        return Signatures.base64(Signatures.hmac(algorithm, secret, body + "." + nonce + "." + timestamp));
    }

    private static String e164(String recipient) {
        return recipient.startsWith("+") ? recipient : "+" + recipient;
    }

    private static Optional<Instant> instant(String s) {
        try {
            return Optional.of(Instant.parse(s));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "SinchReceiptParser{signed=" + (secret != null) + '}';
    }
}
