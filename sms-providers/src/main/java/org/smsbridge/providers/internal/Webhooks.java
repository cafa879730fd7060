package org.smsbridge.providers.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.spi.WebhookRequest;

/**
 * Checks shared by receipt parsers: required signature headers, bad signatures, unreadable
 * bodies, timestamp freshness. Errors follow {@link org.smsbridge.spi.ReceiptParser}: AUTHENTICATION
 * for a missing or wrong signature, INVALID_CONTENT for a body that is no receipt. Messages never
 * contain the expected signature or a secret. Not API; stateless and thread-safe.
 */
public final class Webhooks {
    /** Default tolerance of signed timestamps: 5 minutes. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);

    private Webhooks() {
    }

    /**
     * The callback given to a parser.
     *
     * @throws NullPointerException naming the provider and what to pass when it is null
     */
    public static WebhookRequest requireRequest(String provider, WebhookRequest request) {
        if (request == null) {
            throw new NullPointerException(provider + " receipt parser was given a null request; pass the callback "
                    + "as received: WebhookRequest.builder(method, fullUrl).headers(headers).body(rawBody).build()");
        }
        return request;
    }

    /**
     * Checks that the request's URL is the full URL ({@code https://host/path?query}), for providers
     * whose signature covers the URL: a relative one ({@code /sms/receipts}) can never match and
     * would be reported as a wrong signature, which sends the user looking at the secret.
     *
     * @throws SmsException CONFIGURATION saying that the host must pass the full public URL
     */
    public static void requireFullUrl(String provider, WebhookRequest request) {
        String url = request.url();
        URI u;
        try {
            u = new URI(url.strip());
        } catch (URISyntaxException e) {
            u = null;
        }
        String scheme = u == null || u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
        if ((scheme.equals("https") || scheme.equals("http")) && u.getHost() != null) {
            return;
        }
        String shown = url.replaceAll("\\?.*", "?…"); // the query may hold a token
        throw SmsException.builder(ErrorKind.CONFIGURATION, provider + " receipt cannot be verified: the request URL '"
                + shown + "' is not the full public URL " + provider + " called, which its signature covers; build "
                + "the WebhookRequest with the URL as called, https://host/path?query (behind a proxy, rebuild it "
                + "from X-Forwarded-Proto and Host, or use the URL configured at " + provider + ")")
                .provider(provider).build();
    }

    /**
     * The value of a signature header.
     *
     * @throws SmsException AUTHENTICATION when it is missing or blank
     */
    public static String requireHeader(String provider, WebhookRequest request, String header) {
        String v = request.header(header).orElse("").strip();
        if (v.isEmpty()) {
            throw SmsException.builder(ErrorKind.AUTHENTICATION, provider + " receipt rejected: header " + header
                    + " is missing; only " + provider + " can send receipts to this endpoint (check that the proxy "
                    + "passes the header through)").provider(provider).build();
        }
        return v;
    }

    /** The AUTHENTICATION exception for a signature that does not match. */
    public static SmsException badSignature(String provider, String what) {
        return SmsException.builder(ErrorKind.AUTHENTICATION, provider + " receipt rejected: " + what
                + " does not match; check the signing secret in the settings and that the URL given to the "
                + "parser is exactly the URL " + provider + " called").provider(provider).build();
    }

    /** The INVALID_CONTENT exception for a callback that is not a receipt. */
    public static SmsException notAReceipt(String provider, String what, String body) {
        String b = body == null ? "" : body.replaceAll("\\s+", " ");
        return SmsException.builder(ErrorKind.INVALID_CONTENT, provider + " callback is not a delivery receipt: "
                + what + (b.isEmpty() ? "" : " (body: '" + (b.length() > 120 ? b.substring(0, 120) + "…" : b) + "')"))
                .provider(provider).build();
    }

    /** Whether the request declares a JSON body. */
    public static boolean isJson(WebhookRequest request) {
        return request.header("Content-Type").map(c -> c.toLowerCase(Locale.ROOT).contains("json")).orElse(false);
    }

    /**
     * The JSON body.
     *
     * @throws SmsException INVALID_CONTENT when it is not a JSON object or array
     */
    public static JsonNode jsonBody(String provider, WebhookRequest request) {
        JsonNode n = ProviderHttp.tryJson(request.body());
        if (n == null) {
            throw notAReceipt(provider, "the body is not JSON", request.body());
        }
        return n;
    }

    /**
     * The top-level scalar fields of a JSON object as strings (for raw fields and signatures);
     * nested values are kept as their JSON text.
     */
    public static Map<String, String> flatFields(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.fields().forEachRemaining(e -> {
                JsonNode v = e.getValue();
                if (!v.isNull()) {
                    out.put(e.getKey(), v.isContainerNode() ? v.toString() : v.asText());
                }
            });
        }
        return out;
    }

    /**
     * The parameters of a callback: the form body for a form POST, else the query string (GET).
     */
    public static Map<String, String> parameters(WebhookRequest request) {
        if ("GET".equals(request.method()) || request.body().isBlank()) {
            return request.queryParameters();
        }
        return request.formParameters();
    }

    /**
     * Checks that a signed timestamp is within {@code tolerance} of now.
     *
     * @throws SmsException AUTHENTICATION when it is too old or too far ahead
     */
    public static void requireFresh(String provider, Instant signedAt, Clock clock, Duration tolerance) {
        Duration skew = Duration.between(signedAt, clock.instant()).abs();
        if (skew.compareTo(tolerance) > 0) {
            throw SmsException.builder(ErrorKind.AUTHENTICATION, provider + " receipt rejected: its signed timestamp "
                    + signedAt + " is " + skew.toSeconds() + " s away from now (tolerance " + tolerance.toSeconds()
                    + " s); a replayed callback, or the server clock is wrong").provider(provider).build();
        }
    }

    /**
     * Checks a shared secret that the provider repeats as a query parameter of the callback URL
     * (for providers that do not sign callbacks). Does nothing when {@code expected} is null (not
     * configured).
     *
     * @param hint where the user puts the parameter, e.g. "configure the receipt URL in the Aliyun console as
     *             ...?token=&lt;receiptToken&gt;"
     * @throws SmsException AUTHENTICATION when the parameter is missing or differs (constant-time compare)
     */
    public static void requireUrlSecret(String provider, WebhookRequest request, String parameter, String expected,
                                        String hint) {
        if (expected == null) {
            return;
        }
        String given = request.queryParameters().get(parameter);
        if (given == null || given.isEmpty()) {
            throw new SmsException(ErrorKind.AUTHENTICATION, provider + " receipt rejected: the URL has no "
                    + parameter + " parameter; " + hint);
        }
        if (!Signatures.constantTimeEquals(expected, given)) {
            throw badSignature(provider, "the " + parameter + " parameter of the URL");
        }
    }

    /** Maps a JSON body that is either one report object or an array of them, in order. */
    public static List<DeliveryReceipt> eachReport(JsonNode body, Function<JsonNode, DeliveryReceipt> receipt) {
        List<DeliveryReceipt> out = new ArrayList<>();
        if (body.isArray()) {
            for (JsonNode report : body) {
                out.add(receipt.apply(report));
            }
        } else {
            out.add(receipt.apply(body));
        }
        return List.copyOf(out);
    }
}
