package org.smsbridge.spi;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

/**
 * Settings and secrets of one provider account (the settings dialog: username, password, sender
 * caption, ...). Immutable and thread-safe. {@link #toString()} masks every secret.
 *
 * <p>A value is secret when it was added with {@link Builder#secret} or its key looks like one
 * (contains {@code password}, {@code passwd}, {@code secret}, {@code token}, {@code credential} or
 * {@code authorization}, ends with {@code key}, or has one of the words {@code pwd}, {@code pw},
 * {@code pass}, {@code pin}, {@code bearer}, {@code hmac}, {@code otp}: {@code param.pwd},
 * {@code userPin}, {@code header.Authorization}).
 *
 * <pre>{@code
 * ProviderConfig config = ProviderConfig.builder()
 *         .put("accountSid", "AC123...")
 *         .secret("authToken", System.getenv("TWILIO_AUTH_TOKEN"))
 *         .build();
 * SmsProvider twilio = SmsProviders.create("twilio", config);
 * }</pre>
 */
public final class ProviderConfig {
    private static final ProviderConfig EMPTY = builder().build();

    private final Map<String, String> values;
    private final Set<String> secretKeys;

    private ProviderConfig(Builder b) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(b.values));
        this.secretKeys = Set.copyOf(b.secretKeys);
    }

    /** Starts a configuration. */
    public static Builder builder() {
        return new Builder();
    }

    /** A configuration with no settings. */
    public static ProviderConfig empty() {
        return EMPTY;
    }

    /** A configuration from a map; secret-looking keys are treated as secrets. */
    public static ProviderConfig of(Map<String, String> settings) {
        Builder b = builder();
        settings.forEach(b::put);
        return b.build();
    }

    /**
     * A configuration from properties whose keys start with {@code prefix}, which is removed:
     * {@code sms.twilio.accountSid} with prefix {@code "sms.twilio."} (or {@code "sms.twilio"}: the
     * dot is implied) becomes {@code accountSid}. An empty prefix takes every property.
     *
     * <p>Placeholders {@code ${NAME}} in values are filled in from the environment variable
     * {@code NAME}, or else the Java system property {@code NAME}; {@code ${NAME:default}} gives a
     * default, and <code>$${</code> is a literal <code>${</code>. A name is letters, digits,
     * {@code _}, {@code .} and {@code -}, not starting with a digit; other text between the braces
     * is literal. A value that is only a placeholder whose variable is not set (or blank) leaves the
     * key unset, so that the provider's check names it as missing; an unset placeholder inside a
     * longer value is a {@code CONFIGURATION} error. {@link java.util.Properties} does not keep
     * the file's order: the keys are taken in sorted order. Where the order matters (the
     * {@code http} gateway's {@code param.*}), use {@link #fromProperties(Path, String)}.
     *
     * @throws SmsException {@link ErrorKind#CONFIGURATION} for a placeholder that cannot be filled in
     */
    public static ProviderConfig fromProperties(Properties properties, String prefix) {
        Objects.requireNonNull(properties, "properties");
        Objects.requireNonNull(prefix, "prefix");
        Map<String, String> entries = new LinkedHashMap<>();
        for (String name : new TreeSet<>(properties.stringPropertyNames())) {
            entries.put(name, properties.getProperty(name));
        }
        return fromEntries(entries, prefix, ProviderConfig::variable);
    }

    /**
     * A configuration from a {@code .properties} file in UTF-8, in the file's order, as
     * {@link #fromProperties(Properties, String)} (same prefix and {@code ${NAME}} rules).
     *
     * @throws SmsException {@link ErrorKind#CONFIGURATION} when the file is missing, unreadable,
     *                      not UTF-8 or malformed, or for a placeholder that cannot be filled in
     */
    public static ProviderConfig fromProperties(Path file, String prefix) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(prefix, "prefix");
        Map<String, String> entries = new LinkedHashMap<>();
        Properties ordered = new Properties() {
            private static final long serialVersionUID = 1L;

            @Override
            public synchronized Object put(Object key, Object value) {
                String k = key.toString();
                if (entries.isEmpty() && k.startsWith("\uFEFF")) {
                    k = k.substring(1); // a file saved "UTF-8 with BOM" (Windows editors)
                }
                entries.remove(k);
                entries.put(k, value.toString());
                return super.put(key, value);
            }
        };
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8.newDecoder())) {
            ordered.load(in);
        } catch (NoSuchFileException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, "provider settings file " + file
                    + " does not exist; check the path", e);
        } catch (CharacterCodingException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, "provider settings file " + file
                    + " is not valid UTF-8; save it as UTF-8", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, "provider settings file " + file + " cannot be read ("
                    + e.getClass().getSimpleName() + "); check that it is a readable .properties file", e);
        }
        return fromEntries(entries, prefix, ProviderConfig::variable);
    }

    /** The environment variable {@code name}, or else the system property; null when neither is set. */
    private static String variable(String name) {
        String v = System.getenv(name);
        return v != null ? v : System.getProperty(name);
    }

    static ProviderConfig fromEntries(Map<String, String> entries, String prefix, UnaryOperator<String> variables) {
        String p = prefix.isEmpty() || prefix.endsWith(".") ? prefix : prefix + ".";
        Builder b = builder();
        entries.forEach((name, value) -> {
            if (name.startsWith(p) && name.length() > p.length()) {
                String key = name.substring(p.length());
                b.put(key, fillIn(key, value, variables));
            }
        });
        return b.build();
    }

    /**
     * {@code value} with its {@code ${NAME}} and {@code ${NAME:default}} placeholders filled in;
     * null (the key stays unset) when the value is one placeholder whose variable is unset or blank.
     * A name is letters, digits, {@code _}, {@code .} and {@code -}, not starting with a digit;
     * anything else between <code>${</code> and <code>}</code> is literal text (a password such as
     * {@code Zx${9kQ}mm}), and <code>$${</code> is a literal <code>${</code>.
     */
    static String fillIn(String key, String value, UnaryOperator<String> variables) {
        int open = value.indexOf("${");
        if (open < 0) {
            return value;
        }
        StringBuilder out = new StringBuilder();
        int from = 0;
        while (open >= 0) {
            if (open > 0 && value.charAt(open - 1) == '$') { // $${ is a literal ${
                out.append(value, from, open - 1).append("${");
                from = open + 2;
                open = value.indexOf("${", from);
                continue;
            }
            int close = value.indexOf('}', open + 2);
            if (close < 0) {
                break; // no closing brace: the rest is literal
            }
            String ref = value.substring(open + 2, close);
            int colon = ref.indexOf(':');
            String name = (colon < 0 ? ref : ref.substring(0, colon)).strip(); // ${ TOKEN } too
            if (!VARIABLE_NAME.matcher(name).matches()) {
                out.append(value, from, open + 2); // not a placeholder: literal
                from = open + 2;
                open = value.indexOf("${", from);
                continue;
            }
            String found = variables.apply(name);
            if (found == null || found.isBlank()) {
                found = colon < 0 ? null : ref.substring(colon + 1);
            }
            if (found == null) {
                if (open == 0 && close == value.length() - 1) {
                    return null; // the whole value: the key counts as missing
                }
                // the name is shown unless the setting is a secret, of which it may be a part
                throw new SmsException(ErrorKind.CONFIGURATION, "setting " + key + " refers to "
                        + (looksSecret(key) ? "a variable" : "${" + name + "}") + " that is not set (or blank) as an "
                        + "environment variable or system property; set it, give a default as ${NAME:default}, "
                        + "or write a literal ${ as $${");
            }
            out.append(value, from, open).append(found);
            from = close + 1;
            open = value.indexOf("${", from);
        }
        return out.append(value, from, value.length()).toString();
    }

    /** A builder holding these settings. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.values.putAll(values);
        b.secretKeys.addAll(secretKeys);
        return b;
    }

    /** The value of {@code key}, when set. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(Objects.requireNonNull(key, "key")));
    }

    /**
     * The value of {@code key}.
     *
     * @throws SmsException {@link ErrorKind#CONFIGURATION} when it is missing
     */
    public String require(String key) {
        requireAll(key);
        return values.get(key);
    }

    /**
     * Checks that every key is set; one error names all that are missing.
     *
     * @throws SmsException {@link ErrorKind#CONFIGURATION} naming every missing key
     */
    public void requireAll(String... keys) {
        List<String> missing = new ArrayList<>();
        for (String k : keys) {
            if (!values.containsKey(k)) {
                missing.add(k);
            }
        }
        if (!missing.isEmpty()) {
            throw new SmsException(ErrorKind.CONFIGURATION, "missing provider setting" + (missing.size() > 1 ? "s" : "")
                    + ": " + String.join(", ", missing) + "; set " + (missing.size() > 1 ? "them" : "it")
                    + " with ProviderConfig.builder().put(key, value), or secret(key, value) for passwords and tokens");
        }
    }

    /**
     * A duration setting in ISO-8601 ({@code PT10S}) or as whole milliseconds.
     *
     * @throws SmsException {@link ErrorKind#CONFIGURATION} when malformed
     */
    public Duration duration(String key, Duration defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = v.get().strip();
        try {
            return s.chars().allMatch(Character::isDigit) ? Duration.ofMillis(Long.parseLong(s)) : Duration.parse(s);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + key + " must be a duration such as PT10S or "
                    + "10000 (milliseconds), was '" + (isSecret(key) ? "****" : s) + "'");
        }
    }

    /**
     * A whole-number setting.
     *
     * @throws SmsException {@link ErrorKind#CONFIGURATION} when malformed
     */
    public int integer(String key, int defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v.get().strip());
        } catch (NumberFormatException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + key + " must be a whole number, was '"
                    + (isSecret(key) ? "****" : v.get()) + "'");
        }
    }

    /**
     * A true/false setting.
     *
     * @throws SmsException {@link ErrorKind#CONFIGURATION} when neither {@code true} nor {@code false}
     */
    public boolean bool(String key, boolean defaultValue) {
        Optional<String> v = get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        String s = v.get().strip().toLowerCase(Locale.ROOT);
        if (!s.equals("true") && !s.equals("false")) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + key + " must be true or false, was '"
                    + (isSecret(key) ? "****" : v.get()) + "'");
        }
        return s.equals("true");
    }

    /** Every key, in insertion order. */
    public Set<String> keys() {
        return values.keySet();
    }

    /** Whether the value of {@code key} is a secret (masked in {@link #toString()}). */
    public boolean isSecret(String key) {
        return secretKeys.contains(key) || looksSecret(key);
    }

    static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        if (k.contains("password") || k.contains("secret") || k.contains("token") || k.endsWith("key")
                || k.contains("passwd") || k.contains("credential") || k.contains("authorization")
                || k.contains("passphrase") || k.contains("passcode")) {
            return true;
        }
        // words of camelCase, snake_case, kebab-case or dotted keys: "pwd", "param.pass", "userPin"
        for (String word : KEY_WORDS.split(key)) {
            if (SECRET_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }

    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    /** Splits a key into words: at non-alphanumerics, lower-to-upper case steps and acronym ends. */
    private static final Pattern KEY_WORDS =
            Pattern.compile("[^\\p{Alnum}]+|(?<=\\p{Ll})(?=\\p{Lu})|(?<=\\p{Lu})(?=\\p{Lu}\\p{Ll})");

    /** Whole words of a key that mark a secret (as parts of other words they do not: "spinner"). */
    private static final Set<String> SECRET_WORDS = Set.of("pwd", "pw", "pass", "pin", "bearer", "hmac", "otp");

    @Override
    public boolean equals(Object o) {
        return o instanceof ProviderConfig && ((ProviderConfig) o).values.equals(values)
                && ((ProviderConfig) o).secretKeys.equals(secretKeys);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    /** The settings with every secret shown as {@code ****}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ProviderConfig{");
        boolean first = true;
        for (Map.Entry<String, String> e : values.entrySet()) {
            s.append(first ? "" : ", ").append(e.getKey()).append('=')
                    .append(isSecret(e.getKey()) ? "****" : e.getValue());
            first = false;
        }
        return s.append('}').toString();
    }

    /** Builds a {@link ProviderConfig}; not thread-safe. */
    public static final class Builder {
        private final Map<String, String> values = new LinkedHashMap<>();
        private final Set<String> secretKeys = new LinkedHashSet<>();

        private Builder() {
        }

        /**
         * Sets a plain setting. A null or blank value (an unset environment variable, an empty
         * field of a settings dialog) leaves the key unset, so that the provider's check names it
         * among the missing settings instead of failing here.
         *
         * @throws IllegalArgumentException if the key is blank
         */
        public Builder put(String key, String value) {
            checkKey(key);
            if (value == null || value.isBlank()) {
                return remove(key);
            }
            values.put(key, value);
            return this;
        }

        /**
         * Sets a secret setting, always masked in {@code toString()}. A null or blank value leaves
         * the key unset, as with {@link #put}.
         *
         * @throws IllegalArgumentException if the key is blank
         */
        public Builder secret(String key, String value) {
            checkKey(key);
            if (value == null || value.isBlank()) {
                return remove(key);
            }
            values.put(key, value);
            secretKeys.add(key);
            return this;
        }

        /** Removes a setting. */
        public Builder remove(String key) {
            values.remove(key);
            secretKeys.remove(key);
            return this;
        }

        private static String checkKey(String key) {
            Objects.requireNonNull(key, "key");
            if (key.isBlank()) {
                throw new IllegalArgumentException("setting key must not be blank");
            }
            return key;
        }

        /** Creates the configuration. */
        public ProviderConfig build() {
            return new ProviderConfig(this);
        }
    }
}
