package org.smsbridge;

import java.util.Objects;

/**
 * A sender ID (the "sender caption" of a settings dialog): what the recipient's phone shows as the
 * sender. Parsed with {@link #parse(String)} into one of three types:
 * <ul>
 *   <li>{@link Type#ALPHANUMERIC}: 1 to 11 characters of A–Z, a–z, 0–9 and space, with at least one
 *       letter, such as {@code "ACME"} or {@code "Garage 24"};</li>
 *   <li>{@link Type#NUMERIC}: a phone number of 7 to 15 digits, optionally with a leading {@code +};</li>
 *   <li>{@link Type#SHORT_CODE}: 3 to 6 digits.</li>
 * </ul>
 * A provider's {@link org.smsbridge.spi.SenderRules} then decide which types and lengths it
 * accepts. Immutable.
 */
public final class SenderId {
    /** Maximum characters of an alphanumeric sender (GSM TP-OA: 11 septets). */
    public static final int MAX_ALPHANUMERIC_LENGTH = 11;
    /** Maximum digits of a numeric sender (E.164). */
    public static final int MAX_NUMERIC_LENGTH = 15;

    /** The kind of sender. */
    public enum Type {
        /** Letters, digits and spaces, shown as a name. */
        ALPHANUMERIC,
        /** A full phone number (long code). */
        NUMERIC,
        /** A short code of 3 to 6 digits. */
        SHORT_CODE
    }

    private final String value;
    private final Type type;

    private SenderId(String value, Type type) {
        this.value = value;
        this.type = type;
    }

    /**
     * Parses a sender ID. Leading and trailing spaces are removed; a phone number written with
     * spaces, dashes, dots or parentheses ({@code +30 691 234-5678}) becomes the number itself
     * ({@code +306912345678}).
     *
     * @param raw the sender as typed
     * @return the sender and its type
     * @throws SmsException of kind {@link ErrorKind#INVALID_SENDER} saying which rule is broken
     * @throws NullPointerException if {@code raw} is null
     */
    public static SenderId parse(String raw) {
        Objects.requireNonNull(raw, "sender");
        String s = raw.strip();
        if (s.isEmpty()) {
            throw invalid("sender is empty; use up to 11 letters and digits (e.g. 'ACME') or a phone number");
        }
        String compact = phoneLike(s);
        if (compact != null) {
            s = compact; // "+30 691 234-5678" typed as the sender: the number itself
        }
        String digits = s.startsWith("+") ? s.substring(1) : s;
        if (!digits.isEmpty() && isAllAsciiDigits(digits)) {
            if (s.startsWith("+") || digits.length() >= 7) {
                if (digits.length() < 7 || digits.length() > MAX_NUMERIC_LENGTH) {
                    throw invalid("numeric sender '" + s + "' has " + digits.length()
                            + " digits; numeric senders need 7 to 15 digits, short codes 3 to 6");
                }
                return new SenderId(s, Type.NUMERIC);
            }
            if (digits.length() < 3) {
                throw invalid("sender '" + s + "' has " + digits.length()
                        + " digits; short codes have 3 to 6 digits, numeric senders 7 to 15");
            }
            return new SenderId(digits, Type.SHORT_CODE);
        }
        boolean letter = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) {
                letter = true;
            } else if (!(c >= '0' && c <= '9') && c != ' ') {
                int cp = s.codePointAt(i);
                String what = Character.isLetter(cp)
                        ? "the non-English letter '" + new String(Character.toChars(cp)) + "'"
                        : "the character '" + new String(Character.toChars(cp)) + "'";
                throw invalid("sender '" + s + "' contains " + what
                        + "; alphanumeric senders allow only English letters A-Z, digits and spaces");
            }
        }
        if (s.length() > MAX_ALPHANUMERIC_LENGTH) {
            throw invalid("sender '" + s + "' has " + s.length() + " characters; alphanumeric senders allow at most "
                    + MAX_ALPHANUMERIC_LENGTH);
        }
        if (!letter) {
            throw invalid("sender '" + s + "' has no letter; alphanumeric senders need at least one letter A-Z");
        }
        return new SenderId(s, Type.ALPHANUMERIC);
    }

    private static boolean isAllAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code s} without spaces, dashes, dots and parentheses when it is a phone number written with
     * them (a leading {@code +}, then digits and those separators, seven digits or more); else null.
     */
    private static String phoneLike(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int digits = 0;
        boolean separators = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                b.append(c);
                digits++;
            } else if (c == '+' && i == 0) {
                b.append(c);
            } else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') {
                separators = true;
            } else {
                return null;
            }
        }
        return separators && digits >= 7 ? b.toString() : null;
    }

    private static SmsException invalid(String message) {
        return new SmsException(ErrorKind.INVALID_SENDER, message);
    }

    /** The sender as it is sent. */
    public String value() {
        return value;
    }

    /** Its type. */
    public Type type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SenderId && ((SenderId) o).value.equals(value) && ((SenderId) o).type == type;
    }

    @Override
    public int hashCode() {
        return value.hashCode() * 31 + type.hashCode();
    }

    /** The sender value itself. */
    @Override
    public String toString() {
        return value;
    }
}
