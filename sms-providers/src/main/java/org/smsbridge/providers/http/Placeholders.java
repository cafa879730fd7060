package org.smsbridge.providers.http;

import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code {name}} placeholders of the generic gateway's URL, parameters, headers and JSON body.
 * A name is letters, digits, {@code _}, {@code .} and {@code -}, starting with a letter or
 * {@code _}, so JSON braces ({@code {"a":1}}) are never mistaken for placeholders. Pure functions;
 * thread-safe.
 */
final class Placeholders {
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_.\\-]*)}");

    private Placeholders() {
    }

    /** The placeholder names used in {@code template}, in order of first use. */
    static Set<String> names(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /**
     * Replaces every placeholder by its value passed through {@code escape}.
     *
     * @throws IllegalArgumentException for a name without a value (settings are checked before, so
     *         this is a programming error)
     */
    static String render(String template, Map<String, String> values, UnaryOperator<String> escape) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder(template.length() + 64);
        int last = 0;
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for placeholder {" + m.group(1) + "}");
            }
            out.append(template, last, m.start()).append(escape.apply(value));
            last = m.end();
        }
        return out.append(template, last, template.length()).toString();
    }

    /** Escapes for {@code application/x-www-form-urlencoded} and query strings in {@code charset}. */
    static UnaryOperator<String> url(Charset charset) {
        return v -> URLEncoder.encode(v, charset).replace("*", "%2A");
    }

    /** Escapes for the inside of a JSON string (the template supplies the quotes). */
    static String json(String v) {
        StringBuilder s = new StringBuilder(v.length() + 8);
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '"':
                    s.append("\\\"");
                    break;
                case '\\':
                    s.append("\\\\");
                    break;
                case '\n':
                    s.append("\\n");
                    break;
                case '\r':
                    s.append("\\r");
                    break;
                case '\t':
                    s.append("\\t");
                    break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029') {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
            }
        }
        return s.toString();
    }

    /**
     * For header values: as is, but a line break would let a value inject headers, so it is an
     * error.
     *
     * @throws IllegalArgumentException for a value with CR or LF
     */
    static String header(String v) {
        if (v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a header value must not contain a line break");
        }
        return v;
    }
}
