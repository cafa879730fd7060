package org.smsbridge.providers.infobip;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
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
 * Parses Infobip delivery reports ({@code {"results":[{"messageId":..., "to":..., "doneAt":...,
 * "smsCount":1, "price":{...}, "status":{"groupName":"DELIVERED","name":"DELIVERED_TO_HANDSET"},
 * "error":{"id":0,"name":"NO_ERROR"}}]}}, infobip-api-java-client SmsApiTest
 * {@code shouldParseOutboundSmsMessageReport}). Infobip does not sign reports; with a receipt
 * secret, the URL must carry {@code secret=<value>} (compared in constant time). Thread-safe.
 */
final class InfobipReceiptParser implements ReceiptParser {
    /** Status group names (groups 0 ACCEPTED, 1 PENDING, 2 UNDELIVERABLE, 3 DELIVERED, 4 EXPIRED, 5 REJECTED). */
    static final StatusMapping GROUPS = StatusMapping.builder()
            .map(MessageStatus.QUEUED, "ACCEPTED", "OK")
            .map(MessageStatus.SENT, "PENDING")
            .map(MessageStatus.UNDELIVERED, "UNDELIVERABLE")
            .map(MessageStatus.DELIVERED, "DELIVERED")
            .map(MessageStatus.EXPIRED, "EXPIRED")
            .map(MessageStatus.REJECTED, "REJECTED")
            .build();
    private static final DateTimeFormatter DONE_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    private final String secret;

    InfobipReceiptParser(String secret) {
        this.secret = secret;
    }

    boolean hasSecret() {
        return secret != null;
    }

    /** Unified status of an Infobip status object; DELIVERED_TO_OPERATOR is not yet delivered. */
    static MessageStatus status(JsonNode status) {
        if ("DELIVERED_TO_OPERATOR".equals(ProviderHttp.text(status, "name").orElse(""))) {
            return MessageStatus.SENT;
        }
        return GROUPS.of(ProviderHttp.text(status, "groupName").orElse(null));
    }

    @Override
    public List<DeliveryReceipt> parse(WebhookRequest request) {
        Webhooks.requireRequest(InfobipProvider.NAME, request);
        if (secret != null) {
            String given = request.queryParameters().get("secret");
            if (given == null) {
                throw new SmsException(ErrorKind.AUTHENTICATION, "infobip report rejected: the URL has no secret "
                        + "parameter; the notifyUrl sent to Infobip carries it when receiptSecret is configured");
            }
            if (!Signatures.constantTimeEquals(secret, given)) {
                throw Webhooks.badSignature(InfobipProvider.NAME, "the secret parameter of the URL");
            }
        }
        JsonNode json = Webhooks.jsonBody(InfobipProvider.NAME, request);
        JsonNode results = json.get("results");
        if (results == null || !results.isArray() || results.isEmpty()) {
            throw Webhooks.notAReceipt(InfobipProvider.NAME, "no results array", request.body());
        }
        List<DeliveryReceipt> out = new ArrayList<>();
        for (JsonNode r : results) {
            String id = ProviderHttp.text(r, "messageId")
                    .orElseThrow(() -> Webhooks.notAReceipt(InfobipProvider.NAME, "a result has no messageId",
                            request.body()));
            JsonNode status = r.get("status");
            if (status == null || !status.isObject()) {
                throw Webhooks.notAReceipt(InfobipProvider.NAME, "result " + id + " has no status", request.body());
            }
            DeliveryReceipt.Builder b = DeliveryReceipt.builder(id, status(status)).provider(InfobipProvider.NAME)
                    .rawFields(Webhooks.flatFields(r));
            JsonNode error = r.get("error");
            if (error != null && error.path("id").asInt(0) != 0) {
                b.errorCode(ProviderHttp.text(error, "name").orElse(error.path("id").asText()));
            }
            ProviderHttp.text(r, "to").filter(t -> t.matches("\\+?[1-9][0-9]{6,14}"))
                    .ifPresent(t -> b.to(t.startsWith("+") ? t : "+" + t));
            ProviderHttp.text(r, "doneAt").flatMap(InfobipReceiptParser::instant).ifPresent(b::doneAt);
            out.add(b.build());
        }
        return List.copyOf(out);
    }

    static Optional<Instant> instant(String s) {
        try {
            return Optional.of(OffsetDateTime.parse(s, DONE_AT).toInstant());
        } catch (DateTimeParseException e) {
            try {
                return Optional.of(OffsetDateTime.parse(s).toInstant());
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }

    @Override
    public String toString() {
        return "InfobipReceiptParser{secret=" + hasSecret() + '}';
    }
}
