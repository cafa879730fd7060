package org.smsbridge.templates;

import java.util.Locale;

/**
 * A custom format, registered on a {@link TemplateEngine} under a name and used as
 * {@code {value:name}} or {@code {value:name:argument}}.
 *
 * <pre>{@code
 * TemplateEngine engine = TemplateEngine.builder()
 *         .formatter("mask", (value, argument, locale) -> "****" + value.toString().substring(4))
 *         .build();
 * engine.render("Card {card:mask}", Map.of("card", "12345678")); // "Card ****5678"
 * }</pre>
 *
 * <p>Implementations must be thread-safe: one instance formats for every thread.
 */
@FunctionalInterface
public interface ValueFormatter {
    /**
     * Formats one value.
     *
     * @param value    the value, never null (missing values never reach a formatter)
     * @param argument the text after the second {@code :}, trimmed; empty when there is none
     * @param locale   the engine's locale
     * @return the text to insert, never null
     */
    String format(Object value, String argument, Locale locale);
}
