package org.smsbridge.phone;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link PhoneNumbers#parseInternational} must read every {@code +digits} number exactly as
 * libphonenumber's {@code parse} does, whenever it answers at all. Checked on libphonenumber's own
 * example numbers of every region, type and global network code, and on many variants of them
 * (changed digits, extra or missing digits, national-prefix-like digits after the country code).
 */
class PhoneNumbersFastPathTest {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

    private static List<PhoneNumber> exampleNumbers() {
        List<PhoneNumber> numbers = new ArrayList<>();
        for (String region : UTIL.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = UTIL.getExampleNumberForType(region, type);
                if (example != null) {
                    numbers.add(example);
                }
            }
            PhoneNumber invalid = UTIL.getInvalidExampleNumber(region);
            if (invalid != null) {
                numbers.add(invalid);
            }
        }
        for (int code : UTIL.getSupportedGlobalNetworkCallingCodes()) {
            PhoneNumber example = UTIL.getExampleNumberForNonGeoEntity(code);
            if (example != null) {
                numbers.add(example);
            }
        }
        return numbers;
    }

    private static List<String> variants(PhoneNumber number, Random random) {
        String e164 = UTIL.format(number, PhoneNumberFormat.E164);
        List<String> out = new ArrayList<>();
        out.add(e164);
        String digits = e164.substring(1);
        for (int i = 0; i < 12; i++) {
            char[] c = digits.toCharArray();
            int changes = 1 + random.nextInt(3);
            for (int k = 0; k < changes; k++) {
                int at = 1 + random.nextInt(c.length - 1);
                c[at] = (char) ('0' + random.nextInt(10));
            }
            out.add("+" + new String(c));
        }
        out.add(e164 + random.nextInt(10));
        out.add(e164.substring(0, e164.length() - 1));
        String cc = Integer.toString(number.getCountryCode());
        String national = digits.substring(cc.length());
        for (String prefix : List.of("0", "1", "8", "9", "06", "01", "15", "044", "045", "17951", "7", "2")) {
            out.add("+" + cc + prefix + national);
            if (national.length() > prefix.length()) {
                out.add("+" + cc + prefix + national.substring(prefix.length()));
            }
        }
        return out;
    }

    @Test
    void agreesWithLibphonenumbersParseOnEveryRegionTypeAndVariant() {
        Random random = new Random(20261124);
        int compared = 0;
        int fastValid = 0;
        for (PhoneNumber example : exampleNumbers()) {
            for (String candidate : variants(example, random)) {
                PhoneNumber fast = PhoneNumbers.parseInternational(candidate);
                if (fast == null) {
                    continue;
                }
                compared++;
                PhoneNumberType fastType = UTIL.getNumberType(fast);
                if (fastType == PhoneNumberType.UNKNOWN) {
                    continue; // the caller falls back to parse for invalid numbers
                }
                fastValid++;
                PhoneNumber slow;
                try {
                    slow = UTIL.parse(candidate, "ZZ");
                } catch (NumberParseException e) {
                    throw new AssertionError(candidate + ": fast path accepted what parse refuses: " + e.getMessage());
                }
                assertThat(UTIL.format(fast, PhoneNumberFormat.E164)).as(candidate)
                        .isEqualTo(UTIL.format(slow, PhoneNumberFormat.E164));
                assertThat(fastType).as(candidate).isEqualTo(UTIL.getNumberType(slow));
            }
        }
        assertThat(compared).isGreaterThan(20_000);
        assertThat(fastValid).isGreaterThan(2_000);
    }

    @Test
    void leavesFreeFormNationalAndZeroLeadingInputToParse() {
        assertThat(PhoneNumbers.parseInternational("+30 691 234 5678")).isNull();
        assertThat(PhoneNumbers.parseInternational("6912345678")).isNull();
        assertThat(PhoneNumbers.parseInternational("00306912345678")).isNull();
        assertThat(PhoneNumbers.parseInternational("+390612345678")).isNull(); // Italian leading zero
        assertThat(PhoneNumbers.parseInternational("+4407911123456")).isNull(); // national prefix written
        assertThat(PhoneNumbers.parseInternational("+3")).isNull();
        assertThat(PhoneNumbers.parseInternational("+30691234567890123456")).isNull();
        assertThat(PhoneNumbers.parseInternational("+306912345678"))
                .satisfies(p -> assertThat(p.getCountryCode()).isEqualTo(30))
                .satisfies(p -> assertThat(p.getNationalNumber()).isEqualTo(6912345678L));
    }

    @Test
    void normalizeGivesTheSameAnswersWithAndWithoutTheFastPath() {
        // numbers the fast path takes, and the same numbers written so that only parse reads them
        for (String[] pair : new String[][] {{"+306912345678", "+30 691 234 5678"}, {"+8613812345678", "+86 138-1234-5678"},
            {"+84912345678", "+84 91 234 56 78"}, {"+447911123456", "+44 7911 123456"}, {"+12025550123", "+1 (202) 555-0123"}}) {
            assertThat(PhoneNumbers.normalizeAnyType(pair[0], "GR"))
                    .isEqualTo(PhoneNumbers.normalizeAnyType(pair[1], "GR"));
        }
        // a landline is refused for SMS with the same message either way
        String viaFast = message(() -> PhoneNumbers.normalize("+302101234567"));
        String viaParse = message(() -> PhoneNumbers.normalize("+30 210 123 4567"));
        assertThat(viaFast).isEqualTo(viaParse.replace("+30 210 123 4567", "+302101234567")).contains("fixed line");
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected a failure");
    }
}
