package org.smsbridge.providers.vonage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.MessageStatus;
import org.smsbridge.providers.internal.Signatures;
import org.smsbridge.providers.internal.StatusMapping;
import org.smsbridge.providers.internal.Webhooks;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.WebhookRequest;

/**
 * Parses Vonage SMS delivery receipts (sms.yml {@code DeliveryReceipt}: {@code msisdn}, {@code to},
 * {@code network-code}, {@code messageId}, {@code price}, {@code status}, {@code scts},
 * {@code err-code}, {@code api-key}, {@code message-timestamp}, {@code client-ref}), sent as GET
 * query, form POST or JSON POST. With a signature secret, the receipt must carry {@code sig} and
 * {@code timestamp} (signed webhooks) and is rejected when the signature does not match or the
 * timestamp is more than 5 minutes away. Thread-safe.
 */
final class VonageReceiptParser implements ReceiptParser {
    /** DLR {@code status} values (sms.yml): delivered, expired, failed, rejected, accepted, buffered, unknown. */
    static final StatusMapping STATUS = StatusMapping.builder()
            .map(MessageStatus.DELIVERED, "delivered")
            .map(MessageStatus.EXPIRED, "expired")
            .map(MessageStatus.FAILED, "failed")
            .map(MessageStatus.REJECTED, "rejected")
            .map(MessageStatus.SENT, "accepted", "buffered")
            .build();
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String signatureSecret;
    private final VonageSignature method;
    private final Clock clock;
    private final VonageParts parts;

    VonageReceiptParser(String signatureSecret, VonageSignature method, Clock clock, VonageParts parts) {
        this.signatureSecret = signatureSecret;
        this.method = method;
        this.clock = clock;
        this.parts = parts;
    }

    boolean isSigned() {
        return signatureSecret != null;
    }

    VonageParts parts() {
        return parts;
    }

    @Override
    public List<DeliveryReceipt> parse(WebhookRequest request) {
        Webhooks.requireRequest(VonageProvider.NAME, request);
        Map<String, String> params = Webhooks.isJson(request)
                ? Webhooks.flatFields(Webhooks.jsonBody(VonageProvider.NAME, request))
                : Webhooks.parameters(request);
        if (signatureSecret != null) {
            verify(params);
        }
        String id = value(params, "messageId").or(() -> value(params, "message-id"))
                .orElseThrow(() -> Webhooks.notAReceipt(VonageProvider.NAME, "no messageId", request.body()));
        String status = value(params, "status")
                .orElseThrow(() -> Webhooks.notAReceipt(VonageProvider.NAME, "no status", request.body()));
        MessageStatus unified = STATUS.of(status);
        String messageId = id;
        Optional<VonageParts.Combined> combined = parts.record(id, unified);
        if (combined.isPresent()) {
            messageId = combined.get().primaryId();
            unified = combined.get().status();
        }
        DeliveryReceipt.Builder b = DeliveryReceipt.builder(messageId, unified).provider(VonageProvider.NAME)
                .rawFields(params);
        if (!messageId.equals(id)) {
            b.putRawField("partMessageId", id);
        }
        value(params, "err-code").filter(c -> !c.equals("0")).ifPresent(b::errorCode);
        value(params, "msisdn").filter(m -> m.matches("[1-9][0-9]{6,14}")).ifPresent(m -> b.to("+" + m));
        value(params, "message-timestamp").flatMap(VonageReceiptParser::utc).ifPresent(b::doneAt);
        return List.of(b.build());
    }

    private void verify(Map<String, String> params) {
        String sig = value(params, "sig").orElseThrow(() -> new org.smsbridge.SmsException(
                org.smsbridge.ErrorKind.AUTHENTICATION, "vonage receipt rejected: parameter sig is missing, but a "
                + "signature secret is configured; enable signed webhooks in the Vonage dashboard or remove "
                + VonageProvider.SIGNATURE_SECRET));
        if (!Signatures.constantTimeEqualsHex(method.sign(params, signatureSecret), sig)) {
            throw Webhooks.badSignature(VonageProvider.NAME, "parameter sig");
        }
        long ts;
        try {
            ts = Long.parseLong(value(params, "timestamp").orElse(""));
        } catch (NumberFormatException e) {
            throw Webhooks.badSignature(VonageProvider.NAME, "parameter timestamp");
        }
        Webhooks.requireFresh(VonageProvider.NAME, Instant.ofEpochSecond(ts), clock, Webhooks.DEFAULT_TOLERANCE);
    }

    /** {@code message-timestamp} such as {@code 2020-01-01 12:00:00}, taken as UTC [?]. */
    static Optional<Instant> utc(String s) {
        try {
            return Optional.of(LocalDateTime.parse(s.strip(), TIMESTAMP).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<String> value(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    @Override
    public String toString() {
        return "VonageReceiptParser{signed=" + isSigned() + ", method=" + method + '}';
    }
}
