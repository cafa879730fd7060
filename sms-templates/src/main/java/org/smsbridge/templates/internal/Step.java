package org.smsbridge.templates.internal;

import java.util.HashMap;
import java.util.function.Function;

/**
 * One part of a placeholder path, with an inline cache of how to read it from the class seen
 * last, so a template rendered again and again from the same kind of values (a {@code HashMap},
 * one record class) skips every type test and lookup. Thread-safe: the cache is an immutable
 * object with final fields, replaced whole; a race only costs a lookup.
 */
final class Step {
    private final String name;
    /** Whether a key other than {@code name} can be canonically equivalent to it (see {@link Values#mayHaveEquivalents}). */
    private final boolean equivalents;
    private Cached cached;

    /** @param name a part of a path, in NFC */
    Step(String name) {
        this.name = name;
        this.equivalents = Values.mayHaveEquivalents(name);
    }

    Object read(Object holder) {
        Class<?> type = holder.getClass();
        if (type == HashMap.class) {
            // The most common holder, read directly: the cached reader is a Function call that sees
            // many lambda classes in one application and is not inlined. An exact class test,
            // because a failing interface test costs every record or bean read.
            Object value = ((HashMap<?, ?>) holder).get(name);
            return value != null || !equivalents ? value : Values.equivalentKeyValue((HashMap<?, ?>) holder, name);
        }
        Cached c = cached;
        if (c == null || c.type != type) {
            c = new Cached(type, Values.reader(type, name, equivalents));
            cached = c;
        }
        return c.reader.apply(holder);
    }

    @Override
    public String toString() {
        return name;
    }

    private static final class Cached {
        final Class<?> type;
        final Function<Object, Object> reader;

        Cached(Class<?> type, Function<Object, Object> reader) {
            this.type = type;
            this.reader = reader;
        }
    }
}
