package org.smsbridge.templates.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.chrono.JapaneseDate;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumericDatePatternTest {
    private static final List<Locale> LOCALES = List.of(Locale.forLanguageTag("el-GR"), Locale.forLanguageTag("zh-CN"),
            Locale.forLanguageTag("vi-VN"), Locale.US, Locale.forLanguageTag("ar-EG"), Locale.forLanguageTag("hi-IN"),
            Locale.forLanguageTag("th-TH-u-ca-buddhist-nu-thai"));

    @ParameterizedTest
    @ValueSource(strings = {"dd/MM/yyyy", "d.M.yy", "yyyy-MM-dd HH:mm:ss", "yy年M月d日", "dd/MM 'at' HH:mm", "h:mm",
        "'Date: '''d''", "uuuu/MM/dd", "y-M-d", "yyy", "yyyyy", "H", "ss", "'[' dd ']'", "dd.MM.uuuu, H.mm"})
    void printsWhatTheJdkFormatterPrintsForEveryKindOfValue(String pattern) {
        NumericDatePattern fast = NumericDatePattern.parse(pattern);
        assertThat(fast).as("pattern %s is numeric", pattern).isNotNull();
        Random random = new Random(pattern.hashCode());
        int taken = 0;
        for (int i = 0; i < 3_000; i++) {
            TemporalAccessor value = randomValue(random);
            Locale locale = LOCALES.get(random.nextInt(LOCALES.size()));
            DateTimeFormatter jdk = DateTimeFormatter.ofPattern(pattern, locale);
            String expected;
            try {
                expected = jdk.format(value);
            } catch (DateTimeException e) {
                expected = null; // the value lacks a field: the fast path must decline too
            }
            StringBuilder out = new StringBuilder("prefix ");
            boolean printed = fast.printTo(value, out);
            if (printed) {
                taken++;
                assertThat(out.toString()).as("%s with %s in %s", pattern, value, locale).isEqualTo("prefix " + expected);
            } else {
                assertThat(out.toString()).as("nothing appended when declining").isEqualTo("prefix ");
            }
        }
        assertThat(taken).as("values printed without the formatter").isGreaterThan(300);
    }

    @Test
    void ordinaryDatesTakeTheFastPath() {
        NumericDatePattern fast = NumericDatePattern.parse("dd/MM/yyyy");
        StringBuilder out = new StringBuilder();
        assertThat(fast.printTo(LocalDate.of(2026, 12, 5), out)).isTrue();
        assertThat(out.toString()).isEqualTo("05/12/2026");
    }

    @Test
    void yearsTheFormatterWritesWithASignAreLeftToIt() {
        NumericDatePattern fast = NumericDatePattern.parse("yyyy");
        StringBuilder out = new StringBuilder();
        assertThat(fast.printTo(LocalDate.of(12_026, 1, 1), out)).isFalse();
        assertThat(NumericDatePattern.parse("uuuu").printTo(LocalDate.of(-5, 1, 1), out)).isFalse();
        assertThat(out).isEmpty();
        assertThat(DateTimeFormatter.ofPattern("yyyy").format(LocalDate.of(12_026, 1, 1))).isEqualTo("+12026");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dd MMM yyyy", "EEEE d", "hh:mm a", "HH:mm z", "yyyy-MM-dd'T'HH:mm:ss.SSS", "[dd/]MM",
        "D", "Q", "w", "dd/MM/yyyy VV", "ppd", "L"})
    void patternsWithTextOrOtherFieldsAreLeftToTheFormatter(String pattern) {
        assertThat(NumericDatePattern.parse(pattern)).isNull();
    }

    private static TemporalAccessor randomValue(Random random) {
        int year = switch (random.nextInt(10)) {
            case 0 -> random.nextInt(200) - 100; // around year 0: eras and signs
            case 1 -> 9_990 + random.nextInt(20); // around the four-digit limit
            case 2 -> 1 + random.nextInt(999);
            default -> 1_900 + random.nextInt(200);
        };
        LocalDateTime at = LocalDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28), random.nextInt(24),
                random.nextInt(60), random.nextInt(60), random.nextInt(1_000_000_000));
        switch (random.nextInt(8)) {
            case 0:
                return at.toLocalDate();
            case 1:
                return at.toLocalTime();
            case 2:
                return at.atZone(ZoneId.of("Asia/Ho_Chi_Minh"));
            case 3:
                return at.atOffset(ZoneOffset.ofHours(2));
            case 4:
                return year > 1_873 ? JapaneseDate.from(at.toLocalDate()) : at.toLocalDate();
            case 5:
                return ThaiBuddhistDate.from(at.toLocalDate());
            case 6:
                return LocalTime.MIDNIGHT.plusSeconds(random.nextInt(86_400));
            default:
                return at;
        }
    }

    @Test
    void offsetAndZonedValuesPrintTheirLocalFields() {
        NumericDatePattern fast = NumericDatePattern.parse("dd/MM/yyyy HH:mm");
        StringBuilder out = new StringBuilder();
        OffsetDateTime value = OffsetDateTime.of(2026, 3, 9, 7, 5, 0, 0, ZoneOffset.ofHours(7));
        assertThat(fast.printTo(value, out)).isTrue();
        assertThat(out.toString()).isEqualTo("09/03/2026 07:05");
        ZonedDateTime zoned = value.atZoneSameInstant(ZoneId.of("Europe/Athens"));
        out.setLength(0);
        assertThat(fast.printTo(zoned, out)).isTrue();
        assertThat(out.toString()).isEqualTo("09/03/2026 02:05");
    }
}
