package org.smsbridge.scheduler.internal;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** Encodes a string map in one text column ({@code k=v&k2=v2}, URL-encoded) and escapes LIKE patterns. */
public final class FieldCodec {
    /** The escape character of every LIKE pattern this module writes. */
    public static final char LIKE_ESCAPE = '!';

    private FieldCodec() {
    }

    /** {@code map} as one string, or null when empty. */
    public static String encode(Map<String, String> map) {
        if (map.isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    /** The map {@link #encode} wrote; empty for null. */
    public static Map<String, String> decode(String s) {
        Map<String, String> map = new LinkedHashMap<>();
        if (s == null || s.isEmpty()) {
            return map;
        }
        for (String pair : s.split("&")) {
            int eq = pair.indexOf('=');
            map.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return map;
    }

    /** A LIKE pattern matching {@code text} anywhere, with {@code %}, {@code _} and the escape taken literally. */
    public static String containsPattern(String text) {
        StringBuilder s = new StringBuilder(text.length() + 8).append('%');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                s.append(LIKE_ESCAPE);
            }
            s.append(c);
        }
        return s.append('%').toString();
    }
}
