package org.smsbridge.scheduler.internal;

import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks shared by opt-out lists. */
public final class OptOutNumbers {
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private OptOutNumbers() {
    }

    /** @throws IllegalArgumentException unless {@code e164} is {@code +} and 7 to 15 digits */
    public static String checkNumber(String e164) {
        Objects.requireNonNull(e164, "number");
        if (!E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("opt-out numbers are E.164 (+ and 7 to 15 digits), was '" + e164
                    + "'; normalize it with PhoneNumbers.normalize(number, region)");
        }
        return e164;
    }

    /** @throws IllegalArgumentException if blank or longer than 200 characters */
    public static String checkSource(String source) {
        Objects.requireNonNull(source, "source");
        if (source.isBlank() || source.length() > 200) {
            throw new IllegalArgumentException("opt-out source must be 1 to 200 characters, was " + source.length());
        }
        return source;
    }
}
