package org.smsbridge.templates.internal;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.templates.MissingValues;
import org.smsbridge.templates.MissingValuesException;

/**
 * A parsed template: literal strings and placeholders with their formats already bound. Rendering
 * walks the parts once into a per-thread reused {@code StringBuilder}; no parsing, regex or
 * formatter lookup happens at render time. Immutable apart from a size hint, and thread-safe.
 */
public final class CompiledBody {
    private static final int PLACEHOLDER_ESTIMATE = 12;
    private static final int MIN_BUFFER = 256;
    private static final int MAX_BUFFER = 8 * 1024;
    /**
     * One reusable builder per thread, so a render allocates little more than its result. It is
     * taken out of the slot while in use: a nested render (a custom formatter rendering another
     * template) finds the slot empty and uses a fresh builder.
     */
    private static final ThreadLocal<StringBuilder[]> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder[1]);

    private final Object[] parts;
    private final List<Placeholder> placeholders;
    private final List<String> variables;
    /** Longest output seen so far; racy on purpose (an int write is atomic, a stale value only costs a resize). */
    private int sizeHint;

    private CompiledBody(List<Object> parts) {
        this.parts = parts.toArray();
        List<Placeholder> found = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        int literal = 0;
        for (Object part : parts) {
            if (part instanceof Placeholder) {
                found.add((Placeholder) part);
                names.add(((Placeholder) part).name());
            } else {
                literal += ((String) part).length();
            }
        }
        this.placeholders = List.copyOf(found);
        this.variables = List.copyOf(names);
        this.sizeHint = literal + PLACEHOLDER_ESTIMATE * found.size();
    }

    /**
     * Parses {@code body}.
     *
     * @throws org.smsbridge.templates.TemplateSyntaxException on the first syntax error
     */
    public static CompiledBody parse(String body, FormatResolver formats) {
        return new CompiledBody(new Parser(body, formats).parse());
    }

    /** Literal {@code String}s and {@link Placeholder}s in template order. */
    public List<Object> parts() {
        return List.of(parts);
    }

    /** Placeholders in template order, repeats included. */
    public List<Placeholder> placeholders() {
        return placeholders;
    }

    /** Distinct names in order of first appearance. */
    public List<String> variables() {
        return variables;
    }

    /**
     * Renders with {@code values}.
     *
     * @param mode    what to do with a missing value without fallback
     * @param missing when not null, missing names are added here and never thrown
     * @throws MissingValuesException in mode FAIL without {@code missing}, listing every missing name
     */
    public String render(Object values, MissingValues mode, List<String> missing) {
        Values.checkRoot(values);
        StringBuilder[] slot = BUFFER.get();
        StringBuilder out = slot[0];
        if (out == null) {
            out = new StringBuilder(Math.max(sizeHint, MIN_BUFFER));
        } else {
            slot[0] = null;
            out.setLength(0);
        }
        List<String> absent = null;
        for (Object part : parts) {
            if (part instanceof String) {
                out.append((String) part);
            } else if (!append((Placeholder) part, values, out)) {
                absent = missing((Placeholder) part, mode, missing, absent, out);
            }
        }
        if (absent != null) {
            throw new MissingValuesException(absent);
        }
        if (out.length() > sizeHint) {
            sizeHint = out.length();
        }
        String text = out.toString();
        if (out.capacity() <= MAX_BUFFER) {
            slot[0] = out;
        }
        return text;
    }

    /**
     * Renders one placeholder alone, for provider template parameters.
     *
     * @throws MissingValuesException in mode FAIL when it has no value and no fallback
     */
    public String renderOne(Placeholder p, Object values, MissingValues mode) {
        StringBuilder out = new StringBuilder();
        if (!append(p, values, out)) {
            List<String> absent = missing(p, mode, null, null, out);
            if (absent != null) {
                throw new MissingValuesException(absent);
            }
        }
        return out.toString();
    }

    /** Appends the value or fallback; false when there is neither. */
    private static boolean append(Placeholder p, Object values, StringBuilder out) {
        Object value = Values.resolve(values, p.path(), p.name());
        if (value == null) {
            String fallback = p.fallbackOrNull();
            if (fallback == null) {
                return false;
            }
            out.append(fallback);
            return true;
        }
        FieldFormat format = p.format();
        if (format == null) {
            Values.appendPlain(value, out);
            return true;
        }
        try {
            format.formatTo(value, out);
        } catch (SmsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SmsException(ErrorKind.INVALID_CONTENT, "cannot render " + p.raw() + ": " + e.getMessage()
                    + "; pass a suitable value or change the format", e);
        }
        return true;
    }

    private static List<String> missing(Placeholder p, MissingValues mode, List<String> sink, List<String> absent,
                                        StringBuilder out) {
        if (sink != null) {
            if (!sink.contains(p.name())) {
                sink.add(p.name());
            }
        } else if (mode == MissingValues.FAIL) {
            List<String> list = absent == null ? new ArrayList<>() : absent;
            if (!list.contains(p.name())) {
                list.add(p.name());
            }
            return list;
        }
        if (mode != MissingValues.EMPTY) {
            out.append(p.raw());
        }
        return absent;
    }
}
