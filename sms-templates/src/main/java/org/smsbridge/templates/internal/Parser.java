package org.smsbridge.templates.internal;

import java.util.ArrayList;
import java.util.List;
import org.smsbridge.templates.TemplateSyntaxException;

/**
 * Parses a template body into literal strings and {@link Placeholder}s. Runs once per compile; no
 * regular expressions. Not thread-safe (one instance per parse).
 */
final class Parser {
    private final String body;
    private final FormatResolver formats;

    Parser(String body, FormatResolver formats) {
        this.body = body;
        this.formats = formats;
    }

    /** Literal {@code String}s and {@code Placeholder}s in order; adjacent literals are merged. */
    List<Object> parse() {
        List<Object> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int n = body.length();
        int i = 0;
        while (i < n) {
            char c = body.charAt(i);
            if (c == '{' && i + 1 < n && body.charAt(i + 1) == '{') {
                literal.append('{');
                i += 2;
            } else if (c == '}' && i + 1 < n && body.charAt(i + 1) == '}') {
                literal.append('}');
                i += 2;
            } else if (c == '}') {
                throw error(i, "single '}' (write '}}' for a literal brace)");
            } else if (c == '{') {
                int close = closingBrace(i);
                if (literal.length() > 0) {
                    parts.add(literal.toString());
                    literal.setLength(0);
                }
                parts.add(placeholder(i, close));
                i = close + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(literal.toString());
        }
        return parts;
    }

    private int closingBrace(int open) {
        for (int j = open + 1; j < body.length(); j++) {
            char c = body.charAt(j);
            if (c == '}') {
                return j;
            }
            if (c == '{') {
                throw error(j, "'{' inside the placeholder opened at " + position(open)
                        + " (close that one with '}' first, or write '{{' for a literal brace)");
            }
            if (c == '\n' || c == '\r') {
                break;
            }
        }
        throw error(open, "unclosed '{' (close it with '}' or write '{{' for a literal brace)");
    }

    private Placeholder placeholder(int open, int close) {
        String raw = body.substring(open, close + 1);
        int bar = indexOf('|', open + 1, close);
        int exprEnd = bar < 0 ? close : bar;
        String fallback = bar < 0 ? null : body.substring(bar + 1, close).strip();
        int colon = indexOf(':', open + 1, exprEnd);
        int nameEnd = colon < 0 ? exprEnd : colon;
        int nameStart = skipSpaces(open + 1, nameEnd);
        String name = body.substring(nameStart, nameEnd).strip();
        if (name.isEmpty()) {
            throw error(nameStart, "empty name in '" + raw + "' (write a name such as {name}, or '{{' for a "
                    + "literal brace)");
        }
        checkName(name, nameStart, raw);
        name = Values.nfc(name); // tên in NFD or NFC looks the same: one name, found under either key
        if (colon < 0) {
            return new Placeholder(raw, name, null, null, fallback);
        }
        int secondColon = indexOf(':', colon + 1, exprEnd);
        int formatStart = skipSpaces(colon + 1, exprEnd);
        String formatName = body.substring(formatStart, secondColon < 0 ? exprEnd : secondColon).strip();
        String argument = secondColon < 0 ? "" : body.substring(secondColon + 1, exprEnd).strip();
        if (formatName.isEmpty()) {
            throw error(formatStart, "empty format after ':' in '" + raw + "' (known formats: "
                    + String.join(", ", formats.names()) + ")");
        }
        FieldFormat format;
        try {
            format = formats.resolve(formatName, argument);
        } catch (IllegalArgumentException e) {
            throw error(secondColon < 0 ? formatStart : skipSpaces(secondColon + 1, exprEnd), e.getMessage());
        }
        if (format == null) {
            throw error(formatStart, "unknown format '" + formatName + "' in '" + raw + "' (known formats: "
                    + String.join(", ", formats.names()) + ")");
        }
        return new Placeholder(raw, name, formatName, format, fallback);
    }

    private void checkName(String name, int start, String raw) {
        boolean partStart = true;
        for (int k = 0; k < name.length(); ) {
            int cp = name.codePointAt(k);
            if (cp == '.') {
                if (partStart || k == name.length() - 1) {
                    throw error(start + k, "empty part in the path '" + name + "' in '" + raw
                            + "' (write paths such as {car.plate})");
                }
                partStart = true;
            } else if (isNameCharacter(cp)) {
                partStart = false;
            } else {
                String what = Character.isWhitespace(cp) ? "a space" : "'" + new String(Character.toChars(cp)) + "'";
                throw error(start + k, what + " is not allowed in the name '" + name + "' in '" + raw
                        + "' (names use letters, digits and '_', with '.' between the parts of a path)");
            }
            k += Character.charCount(cp);
        }
    }

    static boolean isNameCharacter(int cp) {
        if (Character.isLetterOrDigit(cp) || cp == '_') {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    private int indexOf(char c, int from, int to) {
        for (int k = from; k < to; k++) {
            if (body.charAt(k) == c) {
                return k;
            }
        }
        return -1;
    }

    private int skipSpaces(int from, int to) {
        int k = from;
        while (k < to && Character.isWhitespace(body.charAt(k))) {
            k++;
        }
        return k;
    }

    private String position(int index) {
        int[] lc = lineAndColumn(index);
        return "line " + lc[0] + ", column " + lc[1];
    }

    private int[] lineAndColumn(int index) {
        int line = 1;
        int lineStart = 0;
        for (int k = 0; k < index; k++) {
            char c = body.charAt(k);
            if (c == '\n' || (c == '\r' && (k + 1 >= body.length() || body.charAt(k + 1) != '\n'))) {
                line++;
                lineStart = k + 1;
            }
        }
        return new int[] {line, body.codePointCount(lineStart, index) + 1};
    }

    private TemplateSyntaxException error(int index, String problem) {
        int[] lc = lineAndColumn(index);
        return new TemplateSyntaxException(lc[0], lc[1], problem);
    }
}
