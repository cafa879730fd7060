package org.smsbridge.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsException;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.providers.internal.ProviderHttp;
import org.smsbridge.providers.internal.Signatures;
import org.smsbridge.providers.internal.Webhooks;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.WebhookRequest;

/**
 * Delivery receipts pushed by a generic gateway ("状态报告推送"), described by settings: the field
 * of the message id and of the status, which status values mean delivered or failed. Reads a JSON
 * object, a JSON array of objects, or form/query parameters. Field names may be JSON pointers
 * ({@code /report/msgid}) for nested JSON. Immutable; thread-safe.
 *
 * <p>The recipient ({@value #TO_FIELD}) becomes {@link DeliveryReceipt#to()} in E.164. Vendors
 * often report it as a national number ({@code 13800138000}): with {@value #REGION} ({@code CN})
 * such numbers are read as numbers of that region. Without it only a number written with {@code +}
 * is used: bare digits could be national or international, and guessing would turn
 * {@code 13800138000} into the wrong {@code +13800138000}; they stay in the raw fields.
 */
final class HttpGatewayReceiptParser implements ReceiptParser {
    static final String ID_FIELD = "receiptIdField";
    static final String STATUS_FIELD = "receiptStatusField";
    static final String DELIVERED_VALUES = "receiptDeliveredValues";
    static final String FAILED_VALUES = "receiptFailedValues";
    static final String ERROR_FIELD = "receiptErrorField";
    static final String TO_FIELD = "receiptToField";
    static final String TOKEN = "receiptToken";
    /** ISO 3166 region of recipient numbers written without {@code +} in receipts, e.g. {@code CN}. */
    static final String REGION = "region";
    /** Default of {@value #DELIVERED_VALUES}. */
    static final String DEFAULT_DELIVERED = "DELIVRD,DELIVERED,SUCCESS,0";

    private final String idField;
    private final String statusField;
    private final Set<String> delivered;
    private final Set<String> failed;
    private final String errorField;
    private final String toField;
    private final String token;
    private final String region;

    private HttpGatewayReceiptParser(ProviderConfig config) {
        config.requireAll(ID_FIELD, STATUS_FIELD);
        this.idField = config.require(ID_FIELD).strip();
        this.statusField = config.require(STATUS_FIELD).strip();
        this.delivered = values(config.get(DELIVERED_VALUES).orElse(DEFAULT_DELIVERED));
        this.failed = values(config.get(FAILED_VALUES).orElse(""));
        this.errorField = config.get(ERROR_FIELD).map(String::strip).orElse(statusField);
        this.toField = config.get(TO_FIELD).map(String::strip).orElse(null);
        this.token = config.get(TOKEN).orElse(null);
        this.region = config.get(REGION).map(String::strip).map(HttpGatewayReceiptParser::checkRegion).orElse(null);
    }

    private static String checkRegion(String region) {
        try {
            return PhoneNumbers.checkRegion(region);
        } catch (IllegalArgumentException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + REGION + " of provider 'http' must be the "
                    + "ISO 3166 two-letter code of the country whose national numbers the receipts carry (e.g. CN, "
                    + "VN, GR), was '" + region + "'");
        }
    }

    /** The parser when {@value #ID_FIELD} is set. */
    static Optional<HttpGatewayReceiptParser> from(ProviderConfig config) {
        return config.get(ID_FIELD).isPresent() ? Optional.of(new HttpGatewayReceiptParser(config)) : Optional.empty();
    }

    private static Set<String> values(String csv) {
        Set<String> out = new LinkedHashSet<>();
        for (String v : csv.split(",")) {
            if (!v.isBlank()) {
                out.add(v.strip().toUpperCase(Locale.ROOT));
            }
        }
        return Set.copyOf(out);
    }

    @Override
    public List<DeliveryReceipt> parse(WebhookRequest request) {
        Webhooks.requireRequest(HttpGatewayProvider.NAME, request);
        if (token != null) {
            String given = request.queryParameters().get("token");
            if (given == null || !Signatures.constantTimeEquals(token, given)) {
                throw given == null
                        ? new SmsException(ErrorKind.AUTHENTICATION, "http gateway receipt rejected: the URL has no "
                                + "token parameter; give the vendor the receipt URL ending in ?token=<receiptToken>")
                        : Webhooks.badSignature(HttpGatewayProvider.NAME, "the token parameter");
            }
        }
        List<DeliveryReceipt> out = new ArrayList<>();
        JsonNode json = Webhooks.isJson(request) || request.body().strip().startsWith("[")
                || request.body().strip().startsWith("{") ? ProviderHttp.tryJson(request.body()) : null;
        if (json != null) {
            for (JsonNode report : json.isArray() ? json : List.of(json)) {
                out.add(receipt(report, Webhooks.flatFields(report), request));
            }
        } else {
            Map<String, String> params = Webhooks.parameters(request);
            out.add(receipt(null, params, request));
        }
        return List.copyOf(out);
    }

    private DeliveryReceipt receipt(JsonNode json, Map<String, String> fields, WebhookRequest request) {
        String id = field(json, fields, idField);
        String status = field(json, fields, statusField);
        if (id == null || status == null) {
            throw Webhooks.notAReceipt(HttpGatewayProvider.NAME, "no " + idField + " or " + statusField, request.body());
        }
        String s = status.strip().toUpperCase(Locale.ROOT);
        MessageStatus unified = delivered.contains(s) ? MessageStatus.DELIVERED
                : failed.isEmpty() || failed.contains(s) ? MessageStatus.UNDELIVERED : MessageStatus.UNKNOWN;
        DeliveryReceipt.Builder b = DeliveryReceipt.builder(id, unified).provider(HttpGatewayProvider.NAME)
                .rawFields(fields);
        String error = field(json, fields, errorField);
        if (unified != MessageStatus.DELIVERED && error != null) {
            b.errorCode(error);
        }
        String to = toField == null ? null : field(json, fields, toField);
        if (to != null) {
            recipient(to).ifPresent(b::to);
        }
        return b.build();
    }

    /**
     * The reported recipient in E.164: read in {@link #region} when set, else only when written with
     * {@code +}; empty when it is no valid mobile number that way (the raw field keeps it).
     */
    private Optional<String> recipient(String raw) {
        try {
            if (region != null) {
                return Optional.of(PhoneNumbers.normalize(raw, region));
            }
            return raw.strip().startsWith("+") ? Optional.of(PhoneNumbers.normalize(raw)) : Optional.empty();
        } catch (SmsException e) {
            return Optional.empty();
        }
    }

    private static String field(JsonNode json, Map<String, String> fields, String name) {
        String v;
        if (json != null && name.startsWith("/")) {
            JsonNode n = json.at(name);
            v = n.isMissingNode() || n.isNull() || n.isContainerNode() ? null : n.asText();
        } else {
            v = fields.get(name);
        }
        return v == null || v.isBlank() ? null : v;
    }
}
