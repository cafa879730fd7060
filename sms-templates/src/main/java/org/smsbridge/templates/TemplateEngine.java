package org.smsbridge.templates;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.smsbridge.templates.internal.BuiltInFormats;
import org.smsbridge.templates.internal.CompiledBody;
import org.smsbridge.templates.internal.FieldFormat;
import org.smsbridge.templates.internal.FormatResolver;

/**
 * Compiles and renders templates with one locale, time zone, set of custom formats and
 * missing-value policy, keeping compiled templates in a bounded Caffeine cache keyed by body.
 *
 * <pre>{@code
 * TemplateEngine engine = TemplateEngine.builder()
 *         .locale(Locale.forLanguageTag("el-GR"))
 *         .formatter("mask", (value, arg, locale) -> "****" + value.toString().substring(4))
 *         .build();
 * String text = engine.render("Αγαπητέ {όνομα}, υπόλοιπο {balance:money}", values); // "... 12,50 €"
 * }</pre>
 *
 * <p>Immutable and thread-safe; share one per configuration. {@link #defaults()} is the engine
 * behind {@link Template#compile(String)}.
 */
public final class TemplateEngine {
    /** Locale of formats when none is set: {@code en-US}. */
    public static final Locale DEFAULT_LOCALE = Locale.US;
    /** Missing-value policy when none is set: strict, {@link MissingValues#FAIL}. */
    public static final MissingValues DEFAULT_MISSING_VALUES = MissingValues.FAIL;
    /** How many compiled templates the cache keeps when not set: 1,000. */
    public static final long DEFAULT_CACHE_SIZE = 1_000;

    private static final TemplateEngine DEFAULTS = builder().build();

    private final Locale locale;
    private final ZoneId zone;
    private final MissingValues missingValues;
    private final Map<String, ValueFormatter> formatters;
    private final long cacheSize;
    private final boolean smartEncoding;
    private final Cache<String, Template> cache;
    private final FormatResolver resolver;

    private TemplateEngine(Builder b) {
        this.locale = b.locale;
        this.zone = b.zone != null ? b.zone : ZoneId.systemDefault();
        this.missingValues = b.missingValues;
        this.formatters = Map.copyOf(b.formatters);
        this.cacheSize = b.cacheSize;
        this.smartEncoding = b.smartEncoding;
        this.cache = Caffeine.newBuilder().maximumSize(cacheSize).build();
        Set<String> names = new TreeSet<>(BuiltInFormats.NAMES);
        names.addAll(formatters.keySet());
        Collection<String> allNames = List.copyOf(names);
        this.resolver = new FormatResolver() {
            @Override
            public FieldFormat resolve(String name, String argument) {
                ValueFormatter custom = formatters.get(name);
                if (custom == null) {
                    return BuiltInFormats.create(name, argument, locale, zone);
                }
                return (value, out) -> out.append(Objects.requireNonNull(custom.format(value, argument, locale),
                        () -> "formatter '" + name + "' returned null"));
            }

            @Override
            public Collection<String> names() {
                return allNames;
            }
        };
    }

    /** The engine with every default: en-US, the system time zone, strict, no custom formats. */
    public static TemplateEngine defaults() {
        return DEFAULTS;
    }

    /** Starts an engine with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this engine's settings (the new engine has its own, empty cache). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Compiles {@code body}, or returns the cached template for the same body.
     *
     * <pre>{@code
     * Template t = engine.compile("Dear {name|Customer}, your car {car.plate} is ready.");
     * }</pre>
     *
     * @throws TemplateSyntaxException naming the line, column and problem of the first syntax error
     * @throws NullPointerException    if {@code body} is null
     */
    public Template compile(String body) {
        Objects.requireNonNull(body, "body");
        Template cached = cache.getIfPresent(body);
        if (cached != null) {
            return cached;
        }
        Template t = new Template(this, body, CompiledBody.parse(body, resolver));
        cache.put(body, t);
        return t;
    }

    /**
     * Compiles (or takes from the cache) and renders in one step.
     *
     * @throws TemplateSyntaxException if the body is malformed
     * @throws MissingValuesException  in strict mode, listing every missing name
     * @see Template#render(Object)
     */
    public String render(String body, Object values) {
        return compile(body).render(values);
    }

    /**
     * Compiles (or takes from the cache) and previews in one step.
     *
     * @throws TemplateSyntaxException if the body is malformed
     * @see Template#preview(Object)
     */
    public TemplatePreview preview(String body, Object values) {
        return compile(body).preview(values);
    }

    /** Locale of number, money and date formats and of upper/lower case; default {@link #DEFAULT_LOCALE}. */
    public Locale locale() {
        return locale;
    }

    /** Zone in which {@code Instant} and {@code Date} values are formatted; default the system zone. */
    public ZoneId zone() {
        return zone;
    }

    /** What rendering does with a missing value; default {@link #DEFAULT_MISSING_VALUES}. */
    public MissingValues missingValues() {
        return missingValues;
    }

    /** Whether {@link Template#preview} measures with smart encoding (look-alikes replaced); default false. */
    public boolean smartEncoding() {
        return smartEncoding;
    }

    /** The custom formatters by name (unmodifiable). */
    public Map<String, ValueFormatter> formatters() {
        return formatters;
    }

    /** The maximum number of compiled templates cached; default {@link #DEFAULT_CACHE_SIZE}. */
    public long cacheSize() {
        return cacheSize;
    }

    @Override
    public String toString() {
        return "TemplateEngine{locale=" + locale.toLanguageTag() + ", zone=" + zone + ", missingValues="
                + missingValues + ", formatters=" + new TreeSet<>(formatters.keySet()) + ", cacheSize=" + cacheSize
                + (smartEncoding ? ", smartEncoding" : "") + '}';
    }

    /** Builds a {@link TemplateEngine}; not thread-safe. */
    public static final class Builder {
        private Locale locale = DEFAULT_LOCALE;
        private ZoneId zone;
        private MissingValues missingValues = DEFAULT_MISSING_VALUES;
        private final Map<String, ValueFormatter> formatters = new LinkedHashMap<>();
        private long cacheSize = DEFAULT_CACHE_SIZE;
        private boolean smartEncoding;

        private Builder() {
        }

        private Builder(TemplateEngine e) {
            this.locale = e.locale;
            this.zone = e.zone;
            this.missingValues = e.missingValues;
            this.formatters.putAll(e.formatters);
            this.cacheSize = e.cacheSize;
            this.smartEncoding = e.smartEncoding;
        }

        /**
         * Locale of formats; use one with a country ({@code el-GR}, {@code zh-CN}, {@code vi-VN}) so
         * {@code money} knows the currency. Default {@link #DEFAULT_LOCALE}.
         */
        public Builder locale(Locale locale) {
            this.locale = Objects.requireNonNull(locale, "locale");
            return this;
        }

        /** Zone for {@code Instant} and {@code java.util.Date} values. Default: the system zone at build time. */
        public Builder zone(ZoneId zone) {
            this.zone = Objects.requireNonNull(zone, "zone");
            return this;
        }

        /** Missing-value policy. Default {@link #DEFAULT_MISSING_VALUES} (strict). */
        public Builder missingValues(MissingValues missingValues) {
            this.missingValues = Objects.requireNonNull(missingValues, "missingValues");
            return this;
        }

        /**
         * Adds a custom format, used as {@code {x:name}} or {@code {x:name:argument}}. A name that is
         * built in ({@code money}, {@code date}, ...) replaces the built-in format.
         *
         * @throws IllegalArgumentException if {@code name} is empty or has characters other than
         *                                  letters, digits and {@code _}
         */
        public Builder formatter(String name, ValueFormatter formatter) {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(formatter, "formatter");
            if (name.isEmpty() || !name.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
                throw new IllegalArgumentException("formatter name must be letters, digits and '_', was '" + name
                        + "'");
            }
            formatters.put(name, formatter);
            return this;
        }

        /**
         * Replaces all custom formats.
         *
         * @throws IllegalArgumentException if a name is malformed (see {@link #formatter})
         */
        public Builder formatters(Map<String, ValueFormatter> formatters) {
            Objects.requireNonNull(formatters, "formatters");
            this.formatters.clear();
            formatters.forEach(this::formatter);
            return this;
        }

        /**
         * Maximum number of compiled templates cached. Default {@link #DEFAULT_CACHE_SIZE}.
         *
         * @throws IllegalArgumentException if negative (0 disables caching)
         */
        public Builder cacheSize(long cacheSize) {
            if (cacheSize < 0) {
                throw new IllegalArgumentException("cacheSize must be 0 or more, was " + cacheSize);
            }
            this.cacheSize = cacheSize;
            return this;
        }

        /** Whether previews measure with smart encoding (see {@code SmsText.analyze}). Default false. */
        public Builder smartEncoding(boolean smartEncoding) {
            this.smartEncoding = smartEncoding;
            return this;
        }

        /** Creates the engine. */
        public TemplateEngine build() {
            return new TemplateEngine(this);
        }
    }
}
