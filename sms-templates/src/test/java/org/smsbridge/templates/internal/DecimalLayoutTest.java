package org.smsbridge.templates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DecimalLayoutTest {

    @ParameterizedTest
    @ValueSource(strings = {"el-GR", "zh-CN", "vi-VN", "en-US", "en-GB", "de-DE", "fr-FR", "en-IN"})
    void usesTheFastPathForOurUsersLocales(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        assertThat(new DecimalLayout((DecimalFormat) NumberFormat.getCurrencyInstance(locale)).fast()).isTrue();
        assertThat(new DecimalLayout((DecimalFormat) NumberFormat.getNumberInstance(locale)).fast()).isTrue();
        assertThat(new DecimalLayout((DecimalFormat) NumberFormat.getPercentInstance(locale)).fast()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"el-GR", "vi-VN", "en-US", "zh-CN"})
    void writesLongDecimalsDigitForDigitAroundTheLimitOfTheDoublePath(String tag) {
        Locale locale = Locale.forLanguageTag(tag);
        List<DecimalFormat> references = List.of((DecimalFormat) NumberFormat.getCurrencyInstance(locale),
                (DecimalFormat) NumberFormat.getNumberInstance(locale));
        Random random = new Random(7);
        List<String> mismatches = new ArrayList<>();
        for (DecimalFormat reference : references) {
            DecimalLayout layout = new DecimalLayout(reference);
            for (int i = 0; i < 2_000; i++) {
                int digits = 10 + random.nextInt(9); // 10..18 digits: either side of the 15-digit limit
                long unscaled = (long) Math.pow(10, digits - 1) + Math.floorMod(random.nextLong(), 9 * (long) Math.pow(10, digits - 1));
                BigDecimal value = BigDecimal.valueOf(random.nextBoolean() ? unscaled : -unscaled, random.nextInt(4));
                StringBuilder out = new StringBuilder();
                layout.formatTo(value, out);
                String expected = DecimalLayout.plain(reference.format(value));
                if (!out.toString().equals(expected)) {
                    mismatches.add(value + ": " + out + " != " + expected);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void roundsDoublesAsDecimalFormatDoesOnTies() {
        DecimalFormat reference = (DecimalFormat) NumberFormat.getCurrencyInstance(Locale.US);
        DecimalLayout layout = new DecimalLayout(reference);
        for (double d : new double[] {2.675, 0.125, 1.005, 0.285, 1.115, -2.675, 0.5, 1.5, 2.5, 1e17, 0.1 + 0.2}) {
            StringBuilder out = new StringBuilder();
            layout.formatTo(d, out);
            assertThat(out.toString()).as("%s", d).isEqualTo(reference.format(d));
        }
    }

    /** The JDK's format of that kind for {@code locale}: what DecimalLayout must write. */
    private static DecimalFormat reference(String kind, Locale locale) {
        return (DecimalFormat) (kind.equals("currency") ? NumberFormat.getCurrencyInstance(locale)
                : kind.equals("number") ? NumberFormat.getNumberInstance(locale)
                : kind.equals("integer") ? NumberFormat.getIntegerInstance(locale)
                : NumberFormat.getPercentInstance(locale));
    }

    @ParameterizedTest
    @ValueSource(strings = {"currency", "number", "integer", "percent"})
    void formatsAFloatAsTheDecimalFloatToStringWritesInEveryLocale(String kind) {
        Random random = new Random(5);
        List<String> mismatches = new ArrayList<>();
        for (Locale locale : Locale.getAvailableLocales()) {
            DecimalFormat reference = reference(kind, locale);
            DecimalLayout layout = new DecimalLayout(reference);
            for (int i = 0; i < 12; i++) {
                // ties such as 0.015f (just below 0.015 in binary) and random floats
                float f = i < 4 ? new float[] {0.015f, 2.675f, 0.125f, 0.1f}[i]
                        : (float) ((random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(8)));
                BigDecimal decimal = new BigDecimal(Float.toString(f));
                StringBuilder out = new StringBuilder();
                layout.formatTo(f, out);
                String expected = DecimalLayout.plain(reference.format(decimal));
                if (!out.toString().equals(expected)) {
                    mismatches.add(locale.toLanguageTag() + " " + f + ": " + out + " != " + expected
                            + (layout.fast() ? "" : " (DecimalFormat path)"));
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"currency", "number", "integer", "percent"})
    void writesWhatDecimalFormatWritesInEveryLocale(String kind) {
        Random random = new Random(42);
        List<String> mismatches = new ArrayList<>();
        for (Locale locale : Locale.getAvailableLocales()) {
            DecimalFormat reference = reference(kind, locale);
            DecimalLayout layout = new DecimalLayout(reference);
            for (int i = 0; i < 20; i++) {
                double d = (random.nextDouble() - 0.3) * Math.pow(10, random.nextInt(12));
                Object value = switch (i % 3) {
                    case 0 -> d;
                    case 1 -> new BigDecimal(d).setScale(random.nextInt(5), java.math.RoundingMode.DOWN);
                    default -> (long) d;
                };
                StringBuilder out = new StringBuilder();
                layout.formatTo(value, out);
                String expected = DecimalLayout.plain(reference.format(value));
                if (!out.toString().equals(expected)) {
                    mismatches.add(locale.toLanguageTag() + " " + value + ": " + out + " != " + expected);
                }
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
