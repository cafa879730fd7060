package org.smsbridge.templates.internal;

import java.util.Collection;

/** Binds format names to formats while a template is parsed; given by the engine. */
public interface FormatResolver {
    /**
     * The bound format, or null if {@code name} is unknown.
     *
     * @throws IllegalArgumentException with the problem when the argument does not suit the format
     */
    FieldFormat resolve(String name, String argument);

    /** Every known name, for the "unknown format" message. */
    Collection<String> names();
}
