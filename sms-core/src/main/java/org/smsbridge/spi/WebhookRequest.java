package org.smsbridge.spi;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP request a provider made to the host's webhook (a delivery receipt), as the host's web
 * framework received it. Framework-neutral: the host copies method, full URL, headers and body.
 * Immutable.
 *
 * <pre>{@code
 * WebhookRequest req = WebhookRequest.builder("POST", "https://shop.example/sms/receipts/twilio")
 *         .header("X-Twilio-Signature", signature)
 *         .header("Content-Type", "application/x-www-form-urlencoded")
 *         .body(rawBody)
 *         .build();
 * }</pre>
 */
public final class WebhookRequest {
    private final String method;
    private final String url;
    private final Map<String, List<String>> headers;
    private final String body;

    private WebhookRequest(Builder b) {
        this.method = b.method;
        this.url = b.url;
        TreeMap<String, List<String>> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        b.headers.forEach((k, v) -> h.put(k, List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(h);
        this.body = b.body;
    }

    /**
     * Starts a request.
     *
     * @param method the HTTP method, e.g. {@code "POST"}
     * @param url    the full URL the provider called, with query string, exactly as the provider
     *               sees it (signatures are computed over it; mind proxies that rewrite it)
     */
    public static Builder builder(String method, String url) {
        return new Builder(method, url);
    }

    /** The HTTP method, upper case. */
    public String method() {
        return method;
    }

    /** The full URL as called. */
    public String url() {
        return url;
    }

    /** All headers; names are case-insensitive. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header (case-insensitive name). */
    public Optional<String> header(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    /** The raw body, empty for none. */
    public String body() {
        return body;
    }

    /**
     * The query-string parameters of the URL, decoded, in order; the first value wins for repeated
     * names.
     */
    public Map<String, String> queryParameters() {
        int q = url.indexOf('?');
        return q < 0 ? Map.of() : decodeForm(url.substring(q + 1));
    }

    /**
     * The body decoded as {@code application/x-www-form-urlencoded}, in order; the first value wins
     * for repeated names.
     */
    public Map<String, String> formParameters() {
        return decodeForm(body);
    }

    /** Decodes {@code a=1&b=2} into an ordered map. */
    static Map<String, String> decodeForm(String s) {
        Map<String, String> out = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return out;
        }
        for (String pair : s.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.putIfAbsent(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return Collections.unmodifiableMap(out);
    }

    @Override
    public String toString() {
        // Headers may carry signatures or tokens: show only their names.
        return "WebhookRequest{" + method + " " + url.replaceAll("\\?.*", "?…") + ", headers=" + headers.keySet()
                + ", body=(" + body.length() + " chars)}";
    }

    /** Builds a {@link WebhookRequest}; not thread-safe. */
    public static final class Builder {
        private final String method;
        private final String url;
        private final Map<String, List<String>> headers = new LinkedHashMap<>();
        private String body = "";

        private Builder(String method, String url) {
            this.method = Objects.requireNonNull(method, "method").toUpperCase(Locale.ROOT);
            this.url = Objects.requireNonNull(url, "url");
        }

        /** Adds a header value. */
        public Builder header(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, "header value");
            headers.computeIfAbsent(name, k -> new java.util.ArrayList<>()).add(value);
            return this;
        }

        /** Replaces all headers. */
        public Builder headers(Map<String, List<String>> all) {
            Objects.requireNonNull(all, "headers");
            headers.clear();
            all.forEach((k, vs) -> vs.forEach(v -> header(k, v)));
            return this;
        }

        /** The raw body. */
        public Builder body(String body) {
            this.body = Objects.requireNonNull(body, "body");
            return this;
        }

        /** Creates the request. */
        public WebhookRequest build() {
            return new WebhookRequest(this);
        }
    }
}
