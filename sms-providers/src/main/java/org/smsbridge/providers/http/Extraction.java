package org.smsbridge.providers.http;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a value sits in a gateway's answer: a JSON pointer ({@code /data/0/msgid}, RFC 6901) into
 * a JSON body, or a regular expression whose first group (or whole match, without a group) is the
 * value, for plain-text answers such as {@code 0,20231124151200,msgid123}. Immutable; thread-safe.
 */
final class Extraction {
    private final JsonPointer pointer;
    private final Pattern regex;
    private final String source;

    private Extraction(JsonPointer pointer, Pattern regex, String source) {
        this.pointer = pointer;
        this.regex = regex;
        this.source = source;
    }

    static Extraction pointer(String pointer) {
        return new Extraction(JsonPointer.compile(pointer), null, pointer);
    }

    static Extraction regex(String regex) {
        return new Extraction(null, Pattern.compile(regex, Pattern.DOTALL), regex);
    }

    boolean needsJson() {
        return pointer != null;
    }

    /**
     * The value in the answer: text of a scalar JSON node (numbers as written), or the regex group;
     * empty when absent, null or a JSON object/array.
     */
    Optional<String> find(JsonNode json, String body) {
        if (pointer != null) {
            if (json == null) {
                return Optional.empty();
            }
            JsonNode n = json.at(pointer);
            if (n.isMissingNode() || n.isNull() || n.isContainerNode()) {
                return Optional.empty();
            }
            return Optional.of(n.asText());
        }
        Matcher m = regex.matcher(body);
        if (!m.find()) {
            return Optional.empty();
        }
        String v = m.groupCount() >= 1 ? m.group(1) : m.group();
        return v == null ? Optional.empty() : Optional.of(v);
    }

    @Override
    public String toString() {
        return (pointer != null ? "pointer " : "regex ") + source;
    }
}
