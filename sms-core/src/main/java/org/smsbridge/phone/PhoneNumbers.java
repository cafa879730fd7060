package org.smsbridge.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

/**
 * Phone number normalization to E.164 ({@code +306912345678}) on Google's libphonenumber, with
 * errors that say what is wrong. All methods are static and thread-safe.
 *
 * <pre>{@code
 * PhoneNumbers.normalize("691 234 5678", "GR");     // "+306912345678"
 * PhoneNumbers.normalize("+86 138 0013 8000");      // "+8613800138000"
 * PhoneNumbers.normalize("210 123 4567", "GR");     // SmsException INVALID_NUMBER: a fixed line
 * }</pre>
 */
public final class PhoneNumbers {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    /** Country calling codes libphonenumber knows (geographic and global network codes). */
    private static final boolean[] CALLING_CODES = callingCodes();

    /** Types that can never receive an SMS; everything else (including "unknown") is let through. */
    private static final Set<PhoneNumberType> NOT_SMS_CAPABLE = Set.of(PhoneNumberType.FIXED_LINE,
            PhoneNumberType.TOLL_FREE, PhoneNumberType.PREMIUM_RATE, PhoneNumberType.SHARED_COST,
            PhoneNumberType.VOICEMAIL, PhoneNumberType.UAN);

    private PhoneNumbers() {
    }

    /**
     * Normalizes a number written in international form (starting with {@code +}).
     *
     * @throws SmsException {@link ErrorKind#INVALID_NUMBER} saying why, e.g. when the number has no
     *                      country code
     */
    public static String normalize(String raw) {
        return normalize(raw, Optional.empty(), true);
    }

    /**
     * Normalizes a number to E.164, reading a national number as one of {@code region}, and
     * rejecting numbers known not to take SMS (fixed lines, toll-free, premium rate).
     *
     * @param raw    the number as typed: spaces, dashes, dots, brackets and a leading {@code +} or
     *               international prefix ({@code 00}) are fine
     * @param region ISO 3166 two-letter region for national numbers, such as {@code "GR"}
     * @return the number in E.164
     * @throws SmsException             {@link ErrorKind#INVALID_NUMBER} saying why (empty, letters,
     *                                  too short, too long, not valid for the region, not a mobile)
     * @throws IllegalArgumentException if {@code region} is not a region libphonenumber knows
     */
    public static String normalize(String raw, String region) {
        return normalize(raw, Optional.of(checkRegion(region)), true);
    }

    /**
     * Like {@link #normalize(String, String)} but accepts numbers of any type, for providers that
     * also reach fixed lines (text-to-voice).
     */
    public static String normalizeAnyType(String raw, String region) {
        return normalize(raw, Optional.of(checkRegion(region)), false);
    }

    /**
     * Checks a region code and returns it upper-cased.
     *
     * @throws IllegalArgumentException if libphonenumber does not know the region
     */
    public static String checkRegion(String region) {
        Objects.requireNonNull(region, "region is null; for numbers written with +<country> use normalize(raw)");
        String r = region.toUpperCase(Locale.ROOT);
        if (!UTIL.getSupportedRegions().contains(r)) {
            throw new IllegalArgumentException("region '" + region
                    + "' is not an ISO 3166 two-letter region code known to libphonenumber (e.g. GR, CN, VN, US, DE)");
        }
        return r;
    }

    /**
     * Normalizes with an optional region; package-private core of the public methods.
     */
    static String normalize(String raw, Optional<String> region, boolean smsOnly) {
        Objects.requireNonNull(raw, "number");
        String s = raw.strip();
        if (s.isEmpty()) {
            throw invalid("phone number is empty");
        }
        for (int i = 0; i < s.length(); i++) {
            if (Character.isLetter(s.charAt(i))) {
                if (hasExtension(s, region)) {
                    throw invalid("phone number '" + s + "' has an extension; an SMS can only go to the number itself");
                }
                throw invalid("phone number '" + s + "' contains letters; use digits only, e.g. " + example(region));
            }
        }
        if (!hasDigit(s)) {
            throw invalid("phone number '" + s + "' has no digits");
        }
        PhoneNumber fast = parseInternational(s);
        if (fast != null) {
            PhoneNumberType type = UTIL.getNumberType(fast);
            if (type != PhoneNumberType.UNKNOWN && !(smsOnly && NOT_SMS_CAPABLE.contains(type))) {
                return UTIL.format(fast, PhoneNumberUtil.PhoneNumberFormat.E164);
            }
            // invalid or not for SMS: the full path below finds the exact reason
        }
        PhoneNumber number;
        try {
            number = UTIL.parse(s, region.orElse("ZZ"));
        } catch (NumberParseException e) {
            switch (e.getErrorType()) {
                case INVALID_COUNTRY_CODE:
                    String trimmed = s.strip();
                    if (region.isEmpty() && trimmed.startsWith("00")) {
                        throw invalid("phone number '" + s + "' starts with 00, but no default region is configured "
                                + "to read it as an international prefix; write it as +" + trimmed.substring(2).strip());
                    }
                    throw invalid(region.isPresent() || trimmed.startsWith("+") || trimmed.startsWith("\uFF0B")
                            ? "phone number '" + s + "' has an unknown country code; check the digits after "
                                    + (trimmed.startsWith("00") ? "00" : "+")
                            : "phone number '" + s + "' has no country code; write it as +<country><number> or "
                                    + "configure a default region for national numbers");
                case TOO_SHORT_NSN:
                case TOO_SHORT_AFTER_IDD:
                    throw invalid("phone number '" + s + "' is too short");
                case TOO_LONG:
                    throw invalid("phone number '" + s + "' is too long");
                default:
                    throw invalid("phone number '" + s + "' is not a phone number: " + e.getMessage());
            }
        }
        if (number.hasExtension()) {
            throw invalid("phone number '" + s + "' has an extension; an SMS can only go to the number itself");
        }
        // One type lookup answers both "is it valid?" (UNKNOWN means no pattern of its region
        // matched, exactly as isValidNumber decides) and "can it take SMS?": the pattern matching
        // is the expensive part of libphonenumber, so it runs once per number.
        PhoneNumberType type = UTIL.getNumberType(number);
        if (type == PhoneNumberType.UNKNOWN) {
            String regionOfNumber = UTIL.getRegionCodeForNumber(number);
            ValidationResult length = UTIL.isPossibleNumberWithReason(number);
            String where = regionOfNumber != null ? regionOfNumber
                    : UTIL.getRegionCodeForCountryCode(number.getCountryCode());
            switch (length) {
                case TOO_SHORT:
                    throw invalid("phone number '" + s + "' is too short for " + where);
                case TOO_LONG:
                    throw invalid("phone number '" + s + "' is too long for " + where);
                case INVALID_COUNTRY_CODE:
                    throw invalid("phone number '" + s + "' has an unknown country code");
                default:
                    throw invalid("phone number '" + s + "' is not a valid number for " + where
                            + (region.isPresent() && !s.startsWith("+") && !s.startsWith("00")
                                    ? "; if it is a foreign number, write it with +country code"
                                    : ""));
            }
        }
        if (smsOnly && NOT_SMS_CAPABLE.contains(type)) {
            throw invalid("phone number '" + s + "' is a " + type.name().toLowerCase(Locale.ROOT).replace('_', ' ')
                    + " number in " + UTIL.getRegionCodeForNumber(number) + ", which cannot receive SMS; use a mobile "
                    + "number");
        }
        return UTIL.format(number, PhoneNumberUtil.PhoneNumberFormat.E164);
    }

    /** A mobile number of {@code region} as an example in messages, written internationally. */
    private static String example(Optional<String> region) {
        if (region.isPresent()) {
            PhoneNumber n = UTIL.getExampleNumberForType(region.get().toUpperCase(Locale.ROOT),
                    PhoneNumberType.MOBILE);
            if (n != null) {
                return UTIL.format(n, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
            }
        }
        return "+30 691 234 5678";
    }

    /**
     * The fast path for numbers already written as {@code +<country code><national number>} with
     * digits only, the form stored numbers and imported files mostly have. libphonenumber's
     * {@code parse} spends most of its time on regular expressions for free-form input
     * (punctuation, extensions, international and national prefixes); for this form the country
     * code is split off as {@code parse} does it (the shortest known code of one to three digits)
     * and the rest is the national number. Returns null whenever {@code parse} might read the
     * input differently: a national number that starts with {@code 0} (a national prefix or an
     * Italian leading zero) or a length {@code parse} would refuse. The caller then uses
     * {@code parse}. {@code PhoneNumbersFastPathTest} checks the two agree for every region.
     */
    static PhoneNumber parseInternational(String s) {
        int n = s.length();
        // "+" + country code (1-3) + national number (2-17 digits, libphonenumber's limits)
        if (n < 4 || n > 19 || s.charAt(0) != '+' || s.charAt(1) == '0') {
            return null;
        }
        for (int i = 1; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        int code = 0;
        for (int len = 1; len <= 3 && len < n - 1; len++) {
            code = code * 10 + (s.charAt(len) - '0');
            if (CALLING_CODES[code]) {
                int nationalStart = len + 1;
                int nationalLength = n - nationalStart;
                if (nationalLength < 2 || nationalLength > 17 || s.charAt(nationalStart) == '0') {
                    return null;
                }
                return new PhoneNumber().setCountryCode(code)
                        .setNationalNumber(Long.parseLong(s, nationalStart, n, 10));
            }
        }
        return null;
    }

    private static boolean[] callingCodes() {
        boolean[] known = new boolean[1000];
        for (int code : UTIL.getSupportedCallingCodes()) {
            if (code > 0 && code < known.length) {
                known[code] = true;
            }
        }
        return known;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) { // full-width and Arabic-Indic digits too, as libphonenumber reads them
                return true;
            }
        }
        return false;
    }

    private static boolean hasExtension(String s, Optional<String> region) {
        try {
            return UTIL.parse(s, region.orElse("ZZ")).hasExtension();
        } catch (NumberParseException e) {
            return false;
        }
    }

    /**
     * Masks the middle of a number for logs: {@code +306912345678} becomes {@code +30691****678}.
     * Short or odd input is masked more, never less.
     */
    public static String mask(String number) {
        if (number == null) {
            return "null";
        }
        int n = number.length();
        if (n <= 6) {
            return "*".repeat(n);
        }
        int keepEnd = 3;
        int keepStart = Math.min(6, Math.max(1, n - keepEnd - 4));
        return number.substring(0, keepStart) + "****" + number.substring(n - keepEnd);
    }

    private static SmsException invalid(String message) {
        return new SmsException(ErrorKind.INVALID_NUMBER, message);
    }
}
