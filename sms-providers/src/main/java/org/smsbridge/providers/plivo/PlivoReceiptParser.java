package org.smsbridge.providers.plivo;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsException;
import org.smsbridge.providers.internal.PartReceipts;
import org.smsbridge.providers.internal.Signatures;
import org.smsbridge.providers.internal.StatusMapping;
import org.smsbridge.providers.internal.Webhooks;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.WebhookRequest;

/**
 * Verifies and parses Plivo message status callbacks.
 *
 * <p>Signature V3, as {@code plivo/plivo-python} {@code plivo/utils/signature_v3.py} computes it:
 * for POST, {@code base = scheme://netloc/path + "?" + [sorted URL query "k=v&..." + "."] +
 * concat(sorted POST params as key + value)}; for GET (or a POST without params), {@code base =
 * scheme://netloc/path [+ "?" + sorted query]}; {@code signature = Base64(HMAC-SHA256(authToken,
 * base + "." + nonce))}. Header {@code X-Plivo-Signature-V3} may list several comma-separated
 * signatures (one per active token); one match is enough. Nonce in
 * {@code X-Plivo-Signature-V3-Nonce}.
 *
 * <p>Fields (plivo.com/docs/messaging/api/message, "Message status callback") [?]: {@code
 * MessageUUID}, {@code Status} (queued, sent, delivered, undelivered, failed, rejected), {@code To},
 * {@code From}, {@code ErrorCode}, {@code ParentMessageUUID} and {@code PartInfo} ("1 of 2") for the
 * parts of a long message, {@code Units}, {@code TotalAmount}. Parts fold into one status for the
 * parent id. Thread-safe.
 */
final class PlivoReceiptParser implements ReceiptParser {
    static final String SIGNATURE = "X-Plivo-Signature-V3";
    static final String NONCE = "X-Plivo-Signature-V3-Nonce";
    /** Header names some messaging callbacks use instead [?]. */
    private static final String SIGNATURE_MA = "X-Plivo-Signature-Ma-V3";
    private static final String NONCE_MA = "X-Plivo-Signature-Ma-V3-Nonce";
    private static final Pattern PART_INFO = Pattern.compile("\\s*(\\d+)\\s*of\\s*(\\d+)\\s*");

    static final StatusMapping STATUS = StatusMapping.builder()
            .map(MessageStatus.QUEUED, "queued")
            .map(MessageStatus.SENT, "sent")
            .map(MessageStatus.DELIVERED, "delivered", "read")
            .map(MessageStatus.UNDELIVERED, "undelivered")
            .map(MessageStatus.FAILED, "failed")
            .map(MessageStatus.REJECTED, "rejected")
            .build();

    private final String authToken;
    private final PartReceipts parts = new PartReceipts();

    PlivoReceiptParser(String authToken) {
        this.authToken = authToken;
    }

    @Override
    public List<DeliveryReceipt> parse(WebhookRequest request) {
        Webhooks.requireRequest(PlivoProvider.NAME, request);
        Webhooks.requireFullUrl(PlivoProvider.NAME, request);
        boolean ma = request.header(SIGNATURE).isEmpty() && request.header(SIGNATURE_MA).isPresent();
        String signatures = Webhooks.requireHeader(PlivoProvider.NAME, request, ma ? SIGNATURE_MA : SIGNATURE);
        String nonce = Webhooks.requireHeader(PlivoProvider.NAME, request, ma ? NONCE_MA : NONCE);
        boolean get = "GET".equals(request.method());
        Map<String, String> params = get ? request.queryParameters() : request.formParameters();
        String expected = sign(request.method(), request.url(), get ? Map.of() : params, nonce);
        boolean ok = false;
        for (String candidate : signatures.split(",")) {
            ok |= Signatures.constantTimeEquals(expected, candidate.strip());
        }
        if (!ok) {
            throw Webhooks.badSignature(PlivoProvider.NAME, SIGNATURE);
        }
        String uuid = value(params, "MessageUUID")
                .orElseThrow(() -> Webhooks.notAReceipt(PlivoProvider.NAME, "no MessageUUID", request.body()));
        String status = value(params, "Status")
                .orElseThrow(() -> Webhooks.notAReceipt(PlivoProvider.NAME, "no Status", request.body()));
        MessageStatus unified = STATUS.of(status);
        String id = value(params, "ParentMessageUUID").orElse(uuid);
        Matcher m = PART_INFO.matcher(value(params, "PartInfo").orElse(""));
        if (m.matches()) {
            try {
                unified = parts.record(id, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), unified);
            } catch (NumberFormatException e) {
                throw Webhooks.notAReceipt(PlivoProvider.NAME, "PartInfo is not 'n of m'", request.body());
            }
        }
        DeliveryReceipt.Builder b = DeliveryReceipt.builder(id, unified).provider(PlivoProvider.NAME)
                .rawFields(params);
        value(params, "ErrorCode").filter(c -> !c.matches("0+")).ifPresent(b::errorCode);
        value(params, "To").map(t -> t.startsWith("+") ? t : "+" + t).filter(t -> t.matches("\\+[1-9][0-9]{6,14}"))
                .ifPresent(b::to);
        return List.of(b.build());
    }

    /** The V3 signature of a callback. */
    String sign(String method, String url, Map<String, String> postParams, String nonce) {
        return Signatures.base64(Signatures.hmac(Signatures.HMAC_SHA256, authToken,
                baseString(method, url, postParams) + "." + nonce));
    }

    /** The signed base string, before {@code "." + nonce}. */
    static String baseString(String method, String url, Map<String, String> postParams) {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw new SmsException(ErrorKind.AUTHENTICATION, "plivo receipt rejected: the URL given to the parser is "
                    + "not a URL");
        }
        String base = u.getScheme() + "://" + u.getRawAuthority() + (u.getRawPath() == null ? "" : u.getRawPath());
        TreeMap<String, String> query = new TreeMap<>(WebhookRequest.builder("GET", url).build().queryParameters());
        StringBuilder q = new StringBuilder();
        query.forEach((k, v) -> q.append(q.length() == 0 ? "" : "&").append(k).append('=').append(v));
        if ("GET".equalsIgnoreCase(method) || postParams.isEmpty()) {
            return q.length() == 0 ? base : base + "?" + q;
        }
        StringBuilder s = new StringBuilder(base).append('?');
        if (q.length() > 0) {
            s.append(q).append('.');
        }
        new TreeMap<>(postParams).forEach((k, v) -> s.append(k).append(v));
        return s.toString();
    }

    private static Optional<String> value(Map<String, String> params, String name) {
        String v = params.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.strip());
    }

    @Override
    public String toString() {
        return "PlivoReceiptParser{}";
    }
}
