package org.smsbridge.templates.internal;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.AnnotatedMethod;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.io.File;
import java.lang.invoke.CallSite;
import java.lang.invoke.LambdaMetafactory;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalAmount;
import java.util.Collection;
import java.util.Collections;
import java.util.Currency;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.BaseStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads values by dotted path from a {@code Map}, a record, a JavaBean or a Jackson {@code JsonNode},
 * and turns a value without a format into text. Record and bean properties are found once per class
 * with Jackson's introspection (so {@code @JsonProperty} names work) and cached in a
 * {@link ClassValue}; each getter becomes a {@code LambdaMetafactory} function where the class
 * allows it. Thread-safe.
 */
public final class Values {
    private static final Logger LOG = LoggerFactory.getLogger(Values.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ClassValue<Map<String, Function<Object, Object>>> PROPERTIES = new ClassValue<>() {
        @Override
        protected Map<String, Function<Object, Object>> computeValue(Class<?> type) {
            BeanDescription description = MAPPER.getSerializationConfig().introspect(MAPPER.constructType(type));
            Map<String, Function<Object, Object>> accessors = new HashMap<>();
            for (BeanPropertyDefinition p : description.findProperties()) {
                AnnotatedMember accessor = p.getAccessor();
                if (accessor != null && accessible(accessor)) {
                    accessors.put(p.getName(), compile(type, accessor));
                }
            }
            // javac keeps identifiers as typed: a record component written in NFD (tên with a
            // combining circumflex) is found under the NFC name that templates use, unless another
            // property has that name
            for (String name : List.copyOf(accessors.keySet())) {
                accessors.putIfAbsent(nfc(name), accessors.get(name));
            }
            return accessors.isEmpty() ? Collections.emptyMap() : Map.copyOf(accessors);
        }
    };

    private Values() {
    }

    /**
     * A getter as a {@code Function} made by {@code LambdaMetafactory} (as fast as a direct call),
     * or Jackson's reflective access when the class does not allow that (another module).
     */
    private static Function<Object, Object> compile(Class<?> type, AnnotatedMember member) {
        if (member instanceof AnnotatedMethod) {
            Method method = ((AnnotatedMethod) member).getAnnotated();
            try {
                MethodHandles.Lookup lookup = MethodHandles.privateLookupIn(method.getDeclaringClass(),
                        MethodHandles.lookup());
                MethodHandle getter = lookup.unreflect(method);
                MethodType erased = MethodType.methodType(Object.class, Object.class);
                CallSite site = LambdaMetafactory.metafactory(lookup, "apply",
                        MethodType.methodType(Function.class), erased, getter, getter.type().wrap());
                @SuppressWarnings("unchecked")
                Function<Object, Object> f = (Function<Object, Object>) site.getTarget().invoke();
                return f;
            } catch (Throwable e) {
                LOG.debug("reflective access for {} of {}: {}", method.getName(), type.getName(), e.toString());
            }
        }
        return target -> {
            try {
                return member.getValue(target);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("reading property '" + member.getName() + "' of "
                        + type.getName() + " failed: " + e.getMessage(), e);
            }
        };
    }

    /** Makes a non-public accessor callable; false when the module system forbids it (JDK internals). */
    private static boolean accessible(AnnotatedMember accessor) {
        try {
            accessor.fixAccess(false);
            return true;
        } catch (IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    /**
     * Checks that {@code root} can hold named values.
     *
     * @throws IllegalArgumentException if it is null, a plain value such as a String or an Integer,
     *                                  a collection, an array, an iterator or a stream
     */
    public static void checkRoot(Object root) {
        if (root instanceof Map || root instanceof JsonNode) {
            return;
        }
        if (root == null) {
            throw new IllegalArgumentException("values must not be null; pass Map.of() for a template without "
                    + "placeholders");
        }
        String hint = null;
        if (root instanceof Collection || root instanceof Iterator || root instanceof BaseStream
                || root.getClass().isArray()) {
            hint = " (a collection or array: render once per element, or put it in a Map under a name)";
        } else if (isScalar(root) || isValueType(root)) {
            hint = "";
        }
        if (hint != null) {
            throw new IllegalArgumentException("values must be a Map, a record, a JavaBean or a JsonNode, was a "
                    + root.getClass().getTypeName() + hint);
        }
    }

    /** Plain JDK values that Jackson could mistake for beans ({@code UUID.getMostSignificantBits()}). */
    private static boolean isValueType(Object o) {
        return o instanceof TemporalAmount || o instanceof ZoneId || o instanceof UUID || o instanceof Currency
                || o instanceof Locale || o instanceof URI || o instanceof URL || o instanceof File
                || o instanceof Path || o instanceof Class;
    }

    /**
     * The value at {@code path} below {@code root}, or null when any step is absent or null. When
     * {@code root} is a {@code Map} without the nested value, a flat key equal to the dotted
     * {@code name} ({@code "car.plate"}) is tried too.
     */
    public static Object resolve(Object root, Step[] path, String name) {
        Object current = root;
        for (Step step : path) {
            current = step.read(current);
            if (current == null) {
                break;
            }
        }
        if (current == null && path.length > 1 && root instanceof Map) {
            current = get((Map<?, ?>) root, name, mayHaveEquivalents(name));
        }
        return current == null ? null : leaf(current);
    }

    /**
     * How to read property {@code name} from any instance of {@code type}: a map lookup, a JSON
     * field, a compiled getter, or nothing.
     */
    static Function<Object, Object> reader(Class<?> type, String name, boolean equivalents) {
        if (Map.class.isAssignableFrom(type)) {
            return equivalents ? holder -> get((Map<?, ?>) holder, name, true) : holder -> ((Map<?, ?>) holder).get(name);
        }
        if (JsonNode.class.isAssignableFrom(type)) {
            return equivalents ? holder -> get((JsonNode) holder, name, true) : holder -> ((JsonNode) holder).get(name);
        }
        if (Optional.class.isAssignableFrom(type)) {
            return holder -> property(holder, name);
        }
        if (isScalarType(type)) {
            return holder -> null;
        }
        Function<Object, Object> accessor = PROPERTIES.get(type).get(name);
        return accessor != null ? accessor : holder -> null;
    }

    private static Object property(Object holder, String name) {
        Object h = holder instanceof Optional ? ((Optional<?>) holder).orElse(null) : holder;
        if (h instanceof Map) {
            return get((Map<?, ?>) h, name, mayHaveEquivalents(name));
        }
        if (h instanceof JsonNode) {
            return get((JsonNode) h, name, mayHaveEquivalents(name));
        }
        if (h == null || isScalar(h)) {
            return null;
        }
        Function<Object, Object> accessor = PROPERTIES.get(h.getClass()).get(name);
        return accessor == null ? null : accessor.apply(h);
    }

    /**
     * {@code map.get(name)}, or when that is null and {@code equivalents}, the value of a key that
     * is canonically equivalent to {@code name}.
     */
    private static Object get(Map<?, ?> map, String name, boolean equivalents) {
        Object value = map.get(name);
        return value != null || !equivalents ? value : equivalentKeyValue(map, name);
    }

    private static JsonNode get(JsonNode node, String name, boolean equivalents) {
        JsonNode value = node.get(name);
        if (value != null || !equivalents || !node.isObject()) {
            return value;
        }
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            if (isEquivalent(field.getKey(), name)) {
                return field.getValue();
            }
        }
        return null;
    }

    /**
     * After a miss: the value of a {@code String} key whose NFC form is {@code name} (a key typed in
     * NFD, say), or null. Goes through the whole map, so it is called only when the name has no value.
     *
     * @param name a name in NFC
     */
    static Object equivalentKeyValue(Map<?, ?> map, String name) {
        if (map.isEmpty()) {
            return null;
        }
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object key = e.getKey();
            if (key instanceof String && e.getValue() != null && isEquivalent((String) key, name)) {
                return e.getValue();
            }
        }
        return null;
    }

    /** Whether {@code key} is not NFC but its NFC form is {@code nfcName}. */
    private static boolean isEquivalent(String key, String nfcName) {
        return !isSurelyNfc(key) && !key.equals(nfcName) && nfc(key).equals(nfcName);
    }

    /**
     * Whether a string other than {@code nfcName} can have {@code nfcName} as its NFC form: always,
     * unless it is ASCII without a {@code K} (the only ASCII letter that another character, the
     * Kelvin sign U+212A, normalizes to). Lets a miss on an ASCII name skip the search.
     */
    static boolean mayHaveEquivalents(String nfcName) {
        for (int i = 0; i < nfcName.length(); i++) {
            char c = nfcName.charAt(i);
            if (c >= 0x80 || c == 'K') {
                return true;
            }
        }
        return false;
    }

    /** Text without characters from U+0300 on is in NFC (every mark and singleton lies above it). */
    private static boolean isSurelyNfc(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= '\u0300') {
                return false;
            }
        }
        return true;
    }

    /** {@code s} in Unicode normalization form C; {@code s} itself when it surely is. */
    static String nfc(String s) {
        return isSurelyNfc(s) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static Object leaf(Object value) {
        if (value instanceof Optional) {
            return ((Optional<?>) value).orElse(null);
        }
        if (!(value instanceof JsonNode)) {
            return value;
        }
        JsonNode node = (JsonNode) value;
        if (node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isFloat()) {
            // FloatNode.decimalValue() widens to double first: 0.1f would become 0.10000000149011612
            float f = node.floatValue();
            return Float.isNaN(f) || Float.isInfinite(f) ? (Object) f : decimal(f);
        }
        if (node.isNumber()) {
            return node.decimalValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        return node.toString();
    }

    private static boolean isScalarType(Class<?> t) {
        return CharSequence.class.isAssignableFrom(t) || Number.class.isAssignableFrom(t) || t == Boolean.class
                || t == Character.class || Enum.class.isAssignableFrom(t) || TemporalAccessor.class.isAssignableFrom(t)
                || Date.class.isAssignableFrom(t);
    }

    private static boolean isScalar(Object o) {
        return o instanceof CharSequence || o instanceof Number || o instanceof Boolean || o instanceof Character
                || o instanceof Enum || o instanceof TemporalAccessor || o instanceof Date;
    }

    /**
     * Appends a value that has no format: text as is, numbers plainly (never in E notation); a
     * {@code Float} as its shortest decimal form ({@code 0.1}), as {@code Float.toString} writes it.
     */
    public static void appendPlain(Object value, StringBuilder out) {
        if (value instanceof String) {
            out.append((String) value);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short
                || value instanceof Byte) {
            out.append(((Number) value).longValue());
        } else if (value instanceof BigDecimal) {
            out.append(((BigDecimal) value).toPlainString());
        } else if (value instanceof Double) {
            double d = (Double) value;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                out.append(d);
            } else {
                out.append(BigDecimal.valueOf(d).stripTrailingZeros().toPlainString());
            }
        } else if (value instanceof Float) {
            float f = (Float) value;
            if (Float.isNaN(f) || Float.isInfinite(f)) {
                out.append(f);
            } else {
                out.append(decimal(f).stripTrailingZeros().toPlainString());
            }
        } else if (value instanceof CharSequence) {
            out.append((CharSequence) value);
        } else {
            out.append(value);
        }
    }

    /**
     * A finite float as the decimal {@code Float.toString} writes (its shortest form: {@code 0.1f}
     * is {@code 0.1}), not the longer exact value of the float widened to a double
     * ({@code 0.10000000149011612}).
     */
    static BigDecimal decimal(float f) {
        return new BigDecimal(Float.toString(f));
    }

    /** A value as text, as {@link #appendPlain} writes it. */
    public static String text(Object value) {
        if (value instanceof String) {
            return (String) value;
        }
        StringBuilder sb = new StringBuilder();
        appendPlain(value, sb);
        return sb.toString();
    }
}
