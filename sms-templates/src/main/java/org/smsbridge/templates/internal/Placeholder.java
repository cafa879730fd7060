package org.smsbridge.templates.internal;

import java.util.Optional;

/** One parsed {@code {name:format:argument|fallback}}; immutable. */
public final class Placeholder {
    private final String raw;
    private final String name;
    private final Step[] path;
    private final String formatName;
    private final FieldFormat format;
    private final String fallback;

    Placeholder(String raw, String name, String formatName, FieldFormat format, String fallback) {
        this.raw = raw;
        this.name = name;
        String[] parts = name.split("\\.");
        this.path = new Step[parts.length];
        for (int i = 0; i < parts.length; i++) {
            path[i] = new Step(parts[i]);
        }
        this.formatName = formatName;
        this.format = format;
        this.fallback = fallback;
    }

    /** The placeholder as written, braces included. */
    public String raw() {
        return raw;
    }

    /** The name or dotted path, without spaces. */
    public String name() {
        return name;
    }

    Step[] path() {
        return path;
    }

    /** The format name, if one was given. */
    public Optional<String> formatName() {
        return Optional.ofNullable(formatName);
    }

    FieldFormat format() {
        return format;
    }

    /** The fallback text after {@code |}, trimmed, if one was given. */
    public Optional<String> fallback() {
        return Optional.ofNullable(fallback);
    }

    String fallbackOrNull() {
        return fallback;
    }
}
