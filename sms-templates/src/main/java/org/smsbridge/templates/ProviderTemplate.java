package org.smsbridge.templates;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
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

    /**
     * Converts {@code template}.
     *
     * @throws SmsException of kind {@code INVALID_CONTENT} if two variables would share one provider
     *                      parameter, or literal text would be read by the provider as a parameter
     */
    static ProviderTemplate of(Template template, ProviderSyntax syntax) {
        StringBuilder body = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<String> variables = new ArrayList<>();
        List<Placeholder> sources = new ArrayList<>();
        Map<String, String> variableByParameter = new HashMap<>();
        List<int[]> inserted = new ArrayList<>();
        for (Object part : template.parts()) {
            if (part instanceof String) {
                body.append((String) part);
                continue;
            }
            Placeholder p = (Placeholder) part;
            int index = variables.indexOf(p.name());
            if (syntax == ProviderSyntax.INDIA_DLT || index < 0) {
                String parameter = syntax == ProviderSyntax.ALIYUN ? ProviderSyntax.aliyunName(p.name())
                        : String.valueOf(variables.size() + 1);
                String other = variableByParameter.putIfAbsent(parameter, p.name());
                if (other != null && !other.equals(p.name())) {
                    throw new SmsException(ErrorKind.INVALID_CONTENT, "cannot export '" + template.body() + "' to "
                            + syntax + ": the variables '" + other + "' and '" + p.name() + "' would both become "
                            + syntax.placeholder(p.name(), 0) + ", so one would be sent the other's value; rename one "
                            + "of them in the template (names must still differ after '.' becomes '_')");
                }
                variables.add(p.name());
                sources.add(p);
                names.add(parameter);
                index = variables.size() - 1;
            }
            int start = body.length();
            body.append(syntax.placeholder(p.name(), index + 1));
            inserted.add(new int[] {start, body.length()});
        }
        checkParameters(template, syntax, body.toString(), inserted);
        return new ProviderTemplate(template, syntax, body.toString(), names, variables, sources);
    }

    /**
     * Reads {@code body} back as the provider would: every parameter found must be one that
     * {@link #of} wrote, at the same place. Text such as a literal {@code {1}} (Tencent),
     * {@code {#var#}} (DLT) or {@code ${x}} (Aliyun) would otherwise receive a parameter's value,
     * and none of these syntaxes can escape it.
     */
    private static void checkParameters(Template template, ProviderSyntax syntax, String body, List<int[]> inserted) {
        int next = 0;
        int i = 0;
        while (i < body.length()) {
            boolean ours = next < inserted.size() && inserted.get(next)[0] == i;
            int end = syntax.parameterEnd(body, i);
            if (ours && end == inserted.get(next)[1]) {
                next++;
                i = end;
            } else if (end >= 0 || ours) {
                String text = end >= 0 ? body.substring(i, end) : body.substring(i, inserted.get(next)[1]);
                throw new SmsException(ErrorKind.INVALID_CONTENT, "cannot export '" + template.body() + "' to "
                        + syntax + ": the provider would read '" + text + "' in '" + body + "' as a parameter, but "
                        + "it holds literal text of the template, which " + syntax + " cannot escape; reword that text");
            } else {
                i++;
            }
        }
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
     * @throws MissingValuesException   in strict mode, listing every missing name
     * @throws IllegalArgumentException if {@code values} is null, a plain value, a collection or an array
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
