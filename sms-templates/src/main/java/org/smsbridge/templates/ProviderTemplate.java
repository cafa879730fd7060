package org.smsbridge.templates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smsbridge.templates.internal.Placeholder;

/**
 * A template converted to a provider's syntax, with the provider's parameter names and the
 * variables that fill them. Made by {@link Template#export(ProviderSyntax)}.
 *
 * <pre>{@code
 * ProviderTemplate dlt = Template.compile("Dear {name}, pay {amount:money} by {due:date:dd/MM}")
 *         .export(ProviderSyntax.INDIA_DLT);
 * dlt.body();              // "Dear {#var#}, pay {#var#} by {#var#}"
 * dlt.parameters(values);  // {1=Asha, 2=₹1,250.00, 3=05/12}
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ProviderTemplate {
    private final Template template;
    private final ProviderSyntax syntax;
    private final String body;
    private final List<String> parameterNames;
    private final List<String> variables;
    private final List<Placeholder> sources;

    private ProviderTemplate(Template template, ProviderSyntax syntax, String body, List<String> parameterNames,
                             List<String> variables, List<Placeholder> sources) {
        this.template = template;
        this.syntax = syntax;
        this.body = body;
        this.parameterNames = List.copyOf(parameterNames);
        this.variables = List.copyOf(variables);
        this.sources = List.copyOf(sources);
    }

    static ProviderTemplate of(Template template, ProviderSyntax syntax) {
        StringBuilder body = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        List<Placeholder> sources = new ArrayList<>();
        for (Object part : template.parts()) {
            if (part instanceof String) {
                body.append((String) part);
                continue;
            }
            Placeholder p = (Placeholder) part;
            int index = variables.indexOf(p.name());
            if (syntax == ProviderSyntax.INDIA_DLT || index < 0) {
                variables.add(p.name());
                sources.add(p);
                names.add(syntax == ProviderSyntax.ALIYUN ? ProviderSyntax.aliyunName(p.name())
                        : String.valueOf(variables.size()));
                index = variables.size() - 1;
            }
            body.append(syntax.placeholder(p.name(), index + 1));
        }
        return new ProviderTemplate(template, syntax, body.toString(), names, variables, sources);
    }

    /** The provider syntax. */
    public ProviderSyntax syntax() {
        return syntax;
    }

    /** The text in the provider's syntax, to submit for approval. */
    public String body() {
        return body;
    }

    /** The provider's parameter names in order: Aliyun names, or {@code "1"}, {@code "2"}, .... */
    public List<String> parameterNames() {
        return parameterNames;
    }

    /** Our variable for each parameter, aligned with {@link #parameterNames()}. */
    public List<String> variables() {
        return variables;
    }

    /**
     * Renders each parameter from {@code values}, applying the formats and fallbacks of the
     * original template.
     *
     * @return parameter name to text, in parameter order
     * @throws MissingValuesException in strict mode, listing every missing name
     */
    public Map<String, String> parameters(Object values) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            try {
                out.put(parameterNames.get(i), template.renderOne(sources.get(i), values));
            } catch (MissingValuesException e) {
                if (!missing.contains(variables.get(i))) {
                    missing.add(variables.get(i));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new MissingValuesException(missing);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Converts {@link #body()} back to our syntax with plain {@code {name}} placeholders (formats are not kept). */
    public String toTemplateBody() {
        return syntax.toTemplateBody(body, variables);
    }

    @Override
    public String toString() {
        return "ProviderTemplate{" + syntax + ": " + body + ", variables=" + variables + '}';
    }
}
