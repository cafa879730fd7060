package org.smsbridge.providers.twilio;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.providers.internal.Signatures;
import org.smsbridge.providers.internal.Webhooks;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.WebhookRequest;

/**
 * Verifies and parses Twilio status callbacks ({@code StatusCallback}).
 *
 * <p>Signature, as {@code com.twilio.security.RequestValidator} computes it: {@code
 * Base64(HMAC-SHA1(authToken, fullUrl + concat(sorted form params as name + value)))}, compared in
 * constant time with {@code X-Twilio-Signature}; the URL is tried as given, without its port and
 * with the scheme's default port (Twilio signs whichever the caller configured). For JSON bodies
 * the URL carries {@code bodySHA256}: only the URL is signed and the body must hash to it.
 *
 * <p>Fields (twilio.com/docs/messaging/guides/track-outbound-message-status): {@code MessageSid},
 * {@code MessageStatus}, {@code ErrorCode} (on failure), {@code To}, {@code From},
 * {@code AccountSid}, {@code RawDlrDoneDate} ({@code YYMMDDhhmm} without time zone, so kept only
 * as a raw field). Thread-safe and stateless.
 */
final class TwilioReceiptParser implements ReceiptParser {
    static final String SIGNATURE_HEADER = "X-Twilio-Signature";

    private final String authToken;

    TwilioReceiptParser(String authToken) {
        this.authToken = authToken;
    }

    @Override
    public List<DeliveryReceipt> parse(WebhookRequest request) {
        Webhooks.requireRequest(TwilioProvider.NAME, request);
        Webhooks.requireFullUrl(TwilioProvider.NAME, request);
        String signature = Webhooks.requireHeader(TwilioProvider.NAME, request, SIGNATURE_HEADER);
        Map<String, String> params = verify(request, signature);
        String sid = first(params, "MessageSid", "SmsSid")
                .orElseThrow(() -> Webhooks.notAReceipt(TwilioProvider.NAME, "no MessageSid", request.body()));
        String status = first(params, "MessageStatus", "SmsStatus")
                .orElseThrow(() -> Webhooks.notAReceipt(TwilioProvider.NAME, "no MessageStatus", request.body()));
        DeliveryReceipt.Builder b = DeliveryReceipt.builder(sid, TwilioProvider.STATUS.of(status))
                .provider(TwilioProvider.NAME).rawFields(params);
        first(params, "ErrorCode").ifPresent(b::errorCode);
        first(params, "To").filter(t -> t.matches("\\+[1-9][0-9]{6,14}")).ifPresent(b::to);
        return List.of(b.build());
    }

    /** Checks the signature and returns the callback's parameters. */
    private Map<String, String> verify(WebhookRequest request, String signature) {
        Map<String, String> query = request.queryParameters();
        boolean json = Webhooks.isJson(request);
        String bodyHash = query.get("bodySHA256");
        Map<String, String> signed;
        Map<String, String> params;
        if (json || bodyHash != null) {
            // JSON body: the URL (with bodySHA256) is signed, the body is bound through its hash.
            if (bodyHash == null || !Signatures.constantTimeEqualsHex(Signatures.sha256Hex(request.body()), bodyHash)) {
                throw Webhooks.badSignature(TwilioProvider.NAME, "the bodySHA256 of the URL");
            }
            signed = Map.of();
            params = Webhooks.flatFields(Webhooks.jsonBody(TwilioProvider.NAME, request));
        } else if ("GET".equals(request.method())) {
            signed = Map.of();
            params = query;
        } else {
            signed = request.formParameters();
            params = signed;
        }
        for (String url : urlVariants(request.url())) {
            if (Signatures.constantTimeEquals(signature, sign(url, signed))) {
                return params;
            }
        }
        throw Webhooks.badSignature(TwilioProvider.NAME, SIGNATURE_HEADER);
    }

    /** {@code Base64(HMAC-SHA1(authToken, url + sorted name+value pairs))}. */
    String sign(String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((k, v) -> data.append(k).append(v == null ? "" : v));
        return Signatures.base64(Signatures.hmac(Signatures.HMAC_SHA1, authToken, data.toString()));
    }

    /** The URL as given, without its port, and with the scheme's default port. */
    static List<String> urlVariants(String url) {
        try {
            URI u = new URI(url);
            if (u.getHost() == null || u.getScheme() == null) {
                return List.of(url);
            }
            int defaultPort = u.getScheme().toLowerCase(Locale.ROOT).equals("https") ? 443 : 80;
            String withoutPort = new URI(u.getScheme(), u.getRawUserInfo(), u.getHost(), -1, null, null, null)
                    + rest(u);
            String withPort = new URI(u.getScheme(), u.getRawUserInfo(), u.getHost(),
                    u.getPort() < 0 ? defaultPort : u.getPort(), null, null, null) + rest(u);
            return List.of(url, withoutPort, withPort);
        } catch (URISyntaxException e) {
            return List.of(url);
        }
    }

    private static String rest(URI u) {
        return (u.getRawPath() == null ? "" : u.getRawPath()) + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery())
                + (u.getRawFragment() == null ? "" : "#" + u.getRawFragment());
    }

    private static Optional<String> first(Map<String, String> params, String... names) {
        for (String n : names) {
            String v = params.get(n);
            if (v != null && !v.isBlank()) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    @Override
    public String toString() {
        return "TwilioReceiptParser{}";
    }
}
