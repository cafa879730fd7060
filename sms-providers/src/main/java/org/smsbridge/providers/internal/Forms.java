package org.smsbridge.providers.internal;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} encoding. Not API; stateless and thread-safe.
 */
public final class Forms {
    /** The form content type with its charset. */
    public static final String CONTENT_TYPE = "application/x-www-form-urlencoded; charset=UTF-8";

    private Forms() {
    }

    /** Encodes the fields in iteration order: {@code a=1&b=x+y}; UTF-8, space as {@code +}. */
    public static String encode(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    /** A body publisher for the encoded fields. */
    public static HttpRequest.BodyPublisher body(Map<String, String> fields) {
        return HttpRequest.BodyPublishers.ofString(encode(fields), StandardCharsets.UTF_8);
    }

    /**
     * RFC 3986 percent-encoding (unreserved {@code A-Za-z0-9-_.~} kept, space as {@code %20}), as
     * request signatures need.
     */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }
}
