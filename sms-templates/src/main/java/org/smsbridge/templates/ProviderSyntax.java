package org.smsbridge.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Placeholder syntaxes of providers that send only carrier-approved templates. Use
 * {@link Template#export(ProviderSyntax)} to convert one of ours, and
 * {@link #toTemplateBody(String, List)} to bring a provider's template back.
 */
public enum ProviderSyntax {
    /**
     * Aliyun SMS: {@code ${name}}. A dotted path becomes {@code ${car_plate}}; each distinct
     * variable is one parameter, named as in the text. Two variables that would get one name
     * ({@code car.plate} and {@code car_plate}) cannot be exported.
     */
    ALIYUN,
    /** Tencent Cloud SMS: {@code {1}}, {@code {2}}, ... numbered by first appearance of each distinct variable. */
    TENCENT,
    /**
     * India DLT: every placeholder is {@code {#var#}}; parameters are positional, one per
     * occurrence (a variable used twice fills two parameters), named {@code "1"}, {@code "2"}, ....
     */
    INDIA_DLT;

    /**
     * Converts a provider's template text to our syntax. Literal braces become <code>&#123;&#123;</code> and
     * <code>&#125;&#125;</code>.
     *
     * <pre>{@code
     * ProviderSyntax.TENCENT.toTemplateBody("尊敬的{1}，您的车{2}已修好", List.of("name", "car.plate"));
     * // "尊敬的{name}，您的车{car.plate}已修好"
     * }</pre>
     *
     * @param providerBody the provider's template text
     * @param names        our names for the provider's parameters in order (distinct variables for
     *                     Aliyun and Tencent, occurrences for DLT); empty to keep Aliyun's names and
     *                     to use {@code param1}... (Tencent) or {@code var1}... (DLT)
     * @throws IllegalArgumentException if {@code names} is not empty and its size differs from the
     *                                  number of parameters, or a Tencent number has no name
     */
    public String toTemplateBody(String providerBody, List<String> names) {
        Objects.requireNonNull(providerBody, "providerBody");
        List<String> given = List.copyOf(names);
        StringBuilder out = new StringBuilder(providerBody.length() + 16);
        List<String> seen = new ArrayList<>();
        int occurrences = 0;
        int maxNumber = 0;
        int i = 0;
        while (i < providerBody.length()) {
            int end = parameterEnd(providerBody, i);
            if (end < 0) {
                char c = providerBody.charAt(i++);
                out.append(c == '{' ? "{{" : c == '}' ? "}}" : String.valueOf(c));
                continue;
            }
            String name;
            if (this == ALIYUN) {
                String key = providerBody.substring(i + 2, end - 1);
                if (!seen.contains(key)) {
                    seen.add(key);
                }
                name = given.isEmpty() ? key : nameAt(given, seen.indexOf(key), providerBody);
            } else if (this == TENCENT) {
                int number = Integer.parseInt(providerBody.substring(i + 1, end - 1));
                maxNumber = Math.max(maxNumber, number);
                name = given.isEmpty() ? "param" + number : nameAt(given, number - 1, providerBody);
            } else {
                name = given.isEmpty() ? "var" + (occurrences + 1) : nameAt(given, occurrences, providerBody);
            }
            occurrences++;
            out.append('{').append(name).append('}');
            i = end;
        }
        int expected = this == ALIYUN ? seen.size() : this == TENCENT ? maxNumber : occurrences;
        if (!given.isEmpty() && given.size() != expected) {
            throw new IllegalArgumentException(this + " template has " + expected + " parameters but "
                    + given.size() + " names were given: " + given);
        }
        return out.toString();
    }

    private static String nameAt(List<String> names, int index, String body) {
        if (index < 0 || index >= names.size()) {
            throw new IllegalArgumentException("parameter " + (index + 1) + " of '" + body + "' has no name; "
                    + names.size() + " names were given: " + names);
        }
        return names.get(index);
    }

    /** Index just after the parameter starting at {@code i}, or -1 if none starts there. */
    int parameterEnd(String s, int i) {
        switch (this) {
            case ALIYUN: {
                if (!s.startsWith("${", i)) {
                    return -1;
                }
                int close = s.indexOf('}', i + 2);
                return close > i + 2 ? close + 1 : -1;
            }
            case TENCENT: {
                if (s.charAt(i) != '{') {
                    return -1;
                }
                int k = i + 1;
                while (k < s.length() && s.charAt(k) >= '0' && s.charAt(k) <= '9') {
                    k++;
                }
                return k > i + 1 && k < s.length() && s.charAt(k) == '}' && k - i <= 4 ? k + 1 : -1;
            }
            default: {
                if (!s.startsWith("{#", i)) {
                    return -1;
                }
                int close = s.indexOf("#}", i + 2);
                return close > i + 2 ? close + 2 : -1;
            }
        }
    }

    /** The text one placeholder becomes; {@code number} is the 1-based parameter number. */
    String placeholder(String name, int number) {
        switch (this) {
            case ALIYUN:
                return "${" + aliyunName(name) + "}";
            case TENCENT:
                return "{" + number + "}";
            default:
                return "{#var#}";
        }
    }

    static String aliyunName(String name) {
        return name.replace('.', '_');
    }
}
