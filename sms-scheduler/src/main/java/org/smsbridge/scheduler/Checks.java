package org.smsbridge.scheduler;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the builders of this package. */
final class Checks {
    private Checks() {
    }

    static String text(String name, String value, int max) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > max) {
            throw new IllegalArgumentException(name + " has " + value.length() + " characters; at most " + max
                    + " are stored");
        }
        return value;
    }

    static Duration positive(String name, Duration value) {
        Objects.requireNonNull(value, name);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
        return value;
    }

    static <T> T once(String name, T current, T value) {
        Objects.requireNonNull(value, name);
        if (current != null) {
            throw new IllegalStateException(name + " was already set; set it once");
        }
        return value;
    }
}
