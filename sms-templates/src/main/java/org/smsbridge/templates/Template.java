package org.smsbridge.templates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.smsbridge.templates.internal.CompiledBody;
import org.smsbridge.templates.internal.Placeholder;
import org.smsbridge.text.SmsText;

/**
 * A compiled message template: text with {@code {name}} placeholders, formats and fallbacks.
 *
 * <pre>{@code
 * Template t = Template.compile("Dear {name}, your balance is {balance:money}. {signature}");
 * t.variables();                                   // [name, balance, signature]
 * String s = t.render(Map.of("name", "Maria", "balance", new BigDecimal("12.50"), "signature", "ACME"));
 * TemplatePreview p = t.preview(values);           // text + SegmentInfo ("1 SMS · GSM-7 · 112 left")
 * }</pre>
 *
 * <h2>Syntax</h2>
 * <ul>
 * <li>{@code {name}}: names are Unicode letters, digits, marks and {@code _} ({@code {姓名}},
 *     {@code {όνομα}}, {@code {tên_khách}}, {@code {param0}}); {@code {car.plate}} walks nested
 *     values; spaces inside the braces are ignored ({@code { name }}). Names are compared in
 *     Unicode NFC: {@code tên} typed with combining accents (NFD) is the same name as {@code tên}
 *     typed with precomposed letters, and finds a {@code Map} key or JSON field in either form.</li>
 * <li>{@code {x:format}} and {@code {x:format:argument}}: {@code money} (the locale's currency, or
 *     {@code money:EUR}; a {@code Money} value keeps its own currency), {@code number}
 *     ({@code number:2} for two decimals), {@code integer}, {@code percent} (0.25 is 25%),
 *     {@code date}, {@code time}, {@code datetime} (optionally with a {@code DateTimeFormatter}
 *     pattern: {@code {due:date:dd/MM/yyyy}}), {@code upper}, {@code lower}, {@code capitalize},
 *     {@code truncate:20} (code points), and the engine's custom formats. Non-breaking spaces in
 *     numbers are written as plain spaces.</li>
 * <li>{@code {name|Customer}}: the text after {@code |} is used when the value is missing.</li>
 * <li><code>&#123;&#123;</code> and <code>&#125;&#125;</code> are literal braces; a single
 *     <code>&#125;</code> is an error.</li>
 * </ul>
 * A value is missing when its path leads to nothing, to {@code null}, to an empty {@code Optional}
 * or to a JSON null. Values without a format are written plainly (numbers never in E notation; a
 * {@code Float} as {@code Float.toString} writes it, {@code 0.1f} as {@code 0.1}, with or without a format).
 *
 * <p>Immutable and thread-safe: compile once, render from any thread.
 */
public final class Template {
    private final TemplateEngine engine;
    private final String body;
    private final CompiledBody compiled;

    Template(TemplateEngine engine, String body, CompiledBody compiled) {
        this.engine = engine;
        this.body = body;
        this.compiled = compiled;
    }

    /**
     * Compiles {@code body} with {@link TemplateEngine#defaults()} (en-US, strict).
     *
     * <pre>{@code
     * Template t = Template.compile("{姓名}，您的车 {car.plate} 已修好，费用 {cost:money}。");
     * }</pre>
     *
     * @throws TemplateSyntaxException naming the line, column and problem of the first error
     * @throws NullPointerException    if {@code body} is null
     */
    public static Template compile(String body) {
        return TemplateEngine.defaults().compile(body);
    }

    /** The template text as given. */
    public String body() {
        return body;
    }

    /** The engine that compiled this template (locale, formats, missing-value policy). */
    public TemplateEngine engine() {
        return engine;
    }

    /**
     * The distinct names and dotted paths, in order of first appearance, e.g. {@code [name, car.plate]};
     * in Unicode NFC, whatever form the body was typed in.
     */
    public List<String> variables() {
        return compiled.variables();
    }

    /**
     * Renders the template.
     *
     * @param values a {@code Map<String, ?>}, a record, a JavaBean or a Jackson {@code JsonNode}
     * @return the text
     * @throws MissingValuesException   in strict mode ({@link MissingValues#FAIL}), listing every
     *                                  placeholder without value or fallback
     * @throws org.smsbridge.SmsException of kind {@code INVALID_CONTENT} when a value does not suit
     *                                  its format (text for {@code money}, a date for {@code time})
     * @throws IllegalArgumentException if {@code values} is null, a plain value such as a String or an
     *                                  Integer, a collection or an array
     */
    public String render(Object values) {
        return compiled.render(values, engine.missingValues(), null);
    }

    /**
     * Renders for a user interface: never throws for missing values (they are shown as written, or
     * per the engine's lenient policy, and listed in {@link TemplatePreview#missing()}), and
     * measures the result with {@code SmsText.analyze}.
     *
     * @throws org.smsbridge.SmsException of kind {@code INVALID_CONTENT} when a value does not suit its format
     * @throws IllegalArgumentException   if {@code values} is null, a plain value, a collection or an array
     */
    public TemplatePreview preview(Object values) {
        List<String> missing = new ArrayList<>();
        String text = compiled.render(values, engine.missingValues(), missing);
        return new TemplatePreview(text, SmsText.analyze(text, engine.smartEncoding()), missing);
    }

    /**
     * Renders each variable alone (format and fallback of its first occurrence), for providers
     * that take template parameters instead of text.
     *
     * @return variable name to text, in {@link #variables()} order
     * @throws MissingValuesException   in strict mode, listing every missing name
     * @throws IllegalArgumentException if {@code values} is null, a plain value, a collection or an array
     */
    public Map<String, String> renderVariables(Object values) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Placeholder p : compiled.placeholders()) {
            if (!out.containsKey(p.name()) && !missing.contains(p.name())) {
                try {
                    out.put(p.name(), compiled.renderOne(p, values, engine.missingValues()));
                } catch (MissingValuesException e) {
                    missing.add(p.name());
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingValuesException(missing);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * Converts this template to a provider's placeholder syntax. Formats and fallbacks cannot be
     * expressed there; {@link ProviderTemplate#parameters(Object)} applies them to the values instead.
     *
     * <pre>{@code
     * ProviderTemplate tencent = t.export(ProviderSyntax.TENCENT); // "尊敬的{1}，您的车{2}已修好"
     * tencent.variables();                                        // [name, car.plate]
     * }</pre>
     *
     * @throws org.smsbridge.SmsException of kind {@code INVALID_CONTENT} if two variables would become
     *                                    one provider parameter (Aliyun: {@code {car.plate}} and
     *                                    {@code {car_plate}} are both {@code ${car_plate}}), or literal
     *                                    text would be read as a parameter (a literal {@code {1}} for
     *                                    Tencent, {@code {#var#}} for India DLT, {@code ${x}} for
     *                                    Aliyun); the message names both and says what to rename
     */
    public ProviderTemplate export(ProviderSyntax syntax) {
        Objects.requireNonNull(syntax, "syntax");
        return ProviderTemplate.of(this, syntax);
    }

    List<Object> parts() {
        return compiled.parts();
    }

    String renderOne(Placeholder p, Object values) {
        return compiled.renderOne(p, values, engine.missingValues());
    }

    @Override
    public String toString() {
        return "Template{" + body + '}';
    }
}
