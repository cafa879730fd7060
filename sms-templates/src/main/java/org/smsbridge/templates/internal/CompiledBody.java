package org.smsbridge.templates.internal;

import java.lang.invoke.CallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.invoke.StringConcatException;
import java.lang.invoke.StringConcatFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsbridge.SmsException;
import org.smsbridge.templates.MissingValues;
import org.smsbridge.templates.MissingValuesException;
import org.smsbridge.templates.ValueFormatException;

/**
 * A parsed template: literal strings and placeholders with their formats already bound. No
 * parsing, regex or formatter lookup happens at render time. Immutable apart from a size hint and
 * a lazily built concatenation handle, and thread-safe.
 *
 * <p>Rendering takes one of two paths with the same output. When every placeholder has a value
 * (or a fallback), each one's text is found and the literals and values are joined by a
 * {@link StringConcatFactory} handle, which sizes the string exactly and copies every part once:
 * a template of string values allocates its result and nothing else ({@code StringBuilder.toString()}
 * would first try, and for Greek or Chinese text fail, to compress into a throw-away Latin-1
 * array). Otherwise (a missing value, a preview collecting the missing names, a placeholder with a
 * format, more than {@value #MAX_CONCAT_PARTS} parts) the parts are appended to a per-thread
 * reused {@code StringBuilder}.
 */
public final class CompiledBody {
    private static final Logger LOG = LoggerFactory.getLogger(CompiledBody.class);
    /** Most parts (literals and placeholders) for the concatenation path; {@code StringConcatFactory} takes 200. */
    static final int MAX_CONCAT_PARTS = 200;
    /** Marks an arity whose concatenation handle could not be made. */
    private static final MethodHandle NO_CONCAT = MethodHandles.constant(String.class, "");
    /**
     * One concatenation handle per number of parts, shared by all templates: a handle takes its
     * parts as a {@code String[]} and joins them; built on first use (about a tenth of a
     * millisecond), so a template compiled for one render does not pay for a handle of its own.
     */
    private static final AtomicReferenceArray<MethodHandle> HANDLES = new AtomicReferenceArray<>(MAX_CONCAT_PARTS + 1);
    /**
     * Renders through the shared handle before a template builds one of its own, with its literals
     * as constants (about 25 ns faster per render; a tenth of a millisecond to build).
     */
    static final int OWN_HANDLE_AFTER = 1_000;
    /**
     * Per thread, one argument array per part count, taken out while in use so that a nested
     * render (a value whose {@code toString} renders another template) gets a fresh one.
     */
    private static final ThreadLocal<String[][]> ARGS = ThreadLocal.withInitial(() -> new String[MAX_CONCAT_PARTS + 1][]);
    private static final int PLACEHOLDER_ESTIMATE = 12;
    private static final int MIN_BUFFER = 256;
    private static final int MAX_BUFFER = 8 * 1024;
    /**
     * One reusable builder per thread, so a render allocates little more than its result. It is
     * taken out of the slot while in use: a nested render (a custom formatter rendering another
     * template) finds the slot empty and uses a fresh builder.
     */
    private static final ThreadLocal<StringBuilder[]> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder[1]);

    /** Accepts every format, for {@link #checkSyntax}. */
    private static final FormatResolver ANY_FORMAT = new FormatResolver() {
        @Override
        public FieldFormat resolve(String name, String argument) {
            return (value, out) -> {
                throw new IllegalStateException("a syntax check binds no formats");
            };
        }

        @Override
        public Collection<String> names() {
            return BuiltInFormats.NAMES;
        }
    };

    private final Object[] parts;
    private final List<Placeholder> placeholders;
    /** The non-empty parts for the concatenation path, or null when the template cannot take it. */
    private final Object[] concatParts;
    private final int placeholderCount;
    /** This template's own handle (literals as constants), or {@link #NO_CONCAT} if none could be made. */
    private volatile MethodHandle own;
    /** Renders through the shared handle so far; racy on purpose, an approximate count is enough. */
    private int sharedRenders;
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
        this.concatParts = concatParts(parts, found);
        this.placeholderCount = found.size();
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

    /**
     * Checks the syntax of {@code body} without binding formats: every format name and argument is
     * accepted, as an engine may add custom formats (or replace built-in ones) that are bound only
     * when it compiles the body.
     *
     * @throws org.smsbridge.templates.TemplateSyntaxException on the first syntax error
     */
    public static void checkSyntax(String body) {
        new Parser(body, ANY_FORMAT).parse();
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
        if (missing == null) {
            String text = renderByConcat(values);
            if (text != null) {
                return text;
            }
        }
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
     * @throws IllegalArgumentException if {@code values} cannot hold named values (see {@link Values#checkRoot})
     */
    public String renderOne(Placeholder p, Object values, MissingValues mode) {
        Values.checkRoot(values);
        StringBuilder out = new StringBuilder();
        if (!append(p, values, out)) {
            List<String> absent = missing(p, mode, null, null, out);
            if (absent != null) {
                throw new MissingValuesException(absent);
            }
        }
        return out.toString();
    }

    /** The parts the concatenation path joins, or null for a template that it does not suit. */
    private static Object[] concatParts(List<Object> parts, List<Placeholder> placeholders) {
        if (placeholders.isEmpty() || placeholders.stream().anyMatch(p -> p.format() != null)) {
            // Formatted values would each need a string of their own first; appending them
            // straight into the builder is faster and allocates less, so such templates keep it.
            return null;
        }
        Object[] nonEmpty = parts.stream().filter(p -> !"".equals(p)).toArray();
        return nonEmpty.length <= MAX_CONCAT_PARTS ? nonEmpty : null;
    }

    /**
     * The concatenation path (see the class description); null when a placeholder has neither a
     * value nor a fallback, or the template cannot use it: the caller then uses the builder.
     */
    private String renderByConcat(Object values) {
        Object[] all = concatParts;
        if (all == null) {
            return null;
        }
        MethodHandle handle = own;
        boolean literalsInHandle = handle != null && handle != NO_CONCAT;
        if (!literalsInHandle) {
            if (handle == null && ++sharedRenders >= OWN_HANDLE_AFTER) {
                own = buildOwn(all);
            }
            handle = sharedHandle(all.length);
            if (handle == NO_CONCAT) {
                return null;
            }
        }
        int n = literalsInHandle ? placeholderCount : all.length;
        String[][] slots = ARGS.get();
        String[] args = slots[n];
        if (args == null) {
            args = new String[n];
        } else {
            slots[n] = null;
        }
        try {
            int j = 0;
            for (Object part : all) {
                if (part instanceof String) {
                    if (!literalsInHandle) {
                        args[j++] = (String) part;
                    }
                    continue;
                }
                Placeholder p = (Placeholder) part;
                Object value = Values.resolve(values, p.path(), p.name());
                String text = value == null ? p.fallbackOrNull()
                        : value instanceof String ? (String) value : piece(p, value);
                if (text == null) {
                    return null;
                }
                args[j++] = text;
            }
            return (String) handle.invokeExact(args);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) { // invokeExact declares Throwable; the handle throws nothing checked
            throw new IllegalStateException(e);
        } finally {
            Arrays.fill(args, null); // a thread-local must not keep customers' values alive
            slots[n] = args;
        }
    }

    /** The shared handle joining {@code n} strings; {@link #NO_CONCAT} if the JDK would not make one. */
    private static MethodHandle sharedHandle(int n) {
        MethodHandle handle = HANDLES.get(n);
        if (handle == null) {
            handle = build("\1".repeat(n), List.of(), n); // \1: an argument
            if (!HANDLES.compareAndSet(n, null, handle)) {
                handle = HANDLES.get(n);
            }
        }
        return handle;
    }

    /** A handle taking only the placeholders' texts, with the literals in its recipe as constants. */
    private static MethodHandle buildOwn(Object[] parts) {
        StringBuilder recipe = new StringBuilder();
        List<Object> constants = new ArrayList<>();
        int n = 0;
        for (Object part : parts) {
            if (part instanceof String) {
                recipe.append('\2'); // a constant, so \1 or \2 inside the literal stays literal
                constants.add(part);
            } else {
                recipe.append('\1');
                n++;
            }
        }
        return build(recipe.toString(), constants, n);
    }

    private static MethodHandle build(String recipe, List<Object> constants, int n) {
        MethodType type = MethodType.methodType(String.class, Collections.nCopies(n, String.class));
        try {
            CallSite site = StringConcatFactory.makeConcatWithConstants(MethodHandles.lookup(), "render", type,
                    recipe, constants.toArray());
            return site.getTarget().asSpreader(String[].class, n);
        } catch (StringConcatException | RuntimeException e) {
            LOG.debug("a template renders through a StringBuilder: {}", e.toString());
            return NO_CONCAT;
        }
    }

    /** The text of a value that is not a string (a number, say), as the builder path would append it. */
    private static String piece(Placeholder p, Object value) {
        StringBuilder[] slot = BUFFER.get();
        StringBuilder out = slot[0];
        if (out == null) {
            out = new StringBuilder(MIN_BUFFER);
        } else {
            slot[0] = null;
            out.setLength(0);
        }
        appendValue(p, value, out);
        String text = out.toString();
        if (out.capacity() <= MAX_BUFFER) {
            slot[0] = out;
        }
        return text;
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
        appendValue(p, value, out);
        return true;
    }

    /** Appends a non-null value, plain or through the placeholder's format. */
    private static void appendValue(Placeholder p, Object value, StringBuilder out) {
        FieldFormat format = p.format();
        if (format == null) {
            Values.appendPlain(value, out);
            return;
        }
        try {
            format.formatTo(value, out);
        } catch (SmsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ValueFormatException(p.raw(), p.name(), e.getMessage(), e);
        }
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
