package org.smsbridge.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.Money;
import org.smsbridge.SmsException;

class FormatsTest {

    private static TemplateEngine engine(String tag) {
        return TemplateEngine.builder().locale(Locale.forLanguageTag(tag)).zone(ZoneId.of("Europe/Athens")).build();
    }

    private static String render(String tag, String body, Object value) {
        return engine(tag).render(body, Map.of("v", value));
    }

    @ParameterizedTest(name = "{1} of {2}f -> {3}")
    @CsvSource(delimiter = '|', value = {
        "en-US|{v}|0.1|0.1",
        "en-US|{v}|1.1|1.1",
        "en-US|{v}|-2.675|-2.675",
        "en-US|{v}|1e10|10000000000",
        "en-US|{v}|1e-10|0.0000000001",
        "en-US|{v}|16777216|16777216",
        "en-US|{v:number}|0.1|0.1",
        "en-US|{v:number}|1234.567|1,234.567",
        "en-US|{v:number:2}|0.015|0.02",
        "en-US|{v:money}|0.1|$0.10",
        "en-US|{v:money}|2.675|$2.68",
        "el-GR|{v:money}|0.015|0,02 €",
        "en-US|{v:percent:1}|0.0015|0.2%",
        "en-US|{v:integer}|2.5|2",
        "en-US|{v:upper}|0.1|0.1",
    })
    void writesAFloatAsItsShortestDecimalWithAndWithoutAFormat(String tag, String body, float value, String expected) {
        assertThat(render(tag, body, value)).isEqualTo(expected);
        assertThat(render(tag, body, new BigDecimal(Float.toString(value)).stripTrailingZeros())).as("as its decimal")
                .isEqualTo(expected);
    }

    @Test
    void writesFloatsThatAreNotNumbersAsDoublesAre() {
        assertThat(Template.compile("{a} {b}").render(Map.of("a", Float.NaN, "b", Float.NEGATIVE_INFINITY)))
                .isEqualTo("NaN -Infinity");
        assertThat(Template.compile("{a:number}").render(Map.of("a", Float.POSITIVE_INFINITY))).isEqualTo("∞");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "el-GR|12.50|12,50 €",
        "zh-CN|12.50|¥12.50",
        "vi-VN|12500|12.500 ₫",
        "en-US|1234.5|$1,234.50",
        "el-GR|-1234567.891|-1.234.567,89 €",
        "zh-CN|0.005|¥0.00",
        "vi-VN|12500.6|12.501 ₫",
        "en-GB|0.015|£0.02",
    })
    void formatsMoneyInTheLocaleCurrency(String tag, String amount, String expected) {
        assertThat(render(tag, "{v:money}", new BigDecimal(amount))).isEqualTo(expected);
    }

    @Test
    void writesNoNonBreakingSpaceSoGreekMoneyStaysGsm() {
        String text = render("el-GR", "Total {v:money}", 12.5);
        assertThat(text).isEqualTo("Total 12,50 €").doesNotContain("\u00A0");
        assertThat(engine("el-GR").preview("Total {v:money}", Map.of("v", 12.5)).segmentInfo().encoding().name())
                .isEqualTo("GSM_7");
    }

    @Test
    void formatsMoneyOfAnyNumberType() {
        assertThat(render("en-US", "{v:money}", 12)).isEqualTo("$12.00");
        assertThat(render("en-US", "{v:money}", 12L)).isEqualTo("$12.00");
        assertThat(render("en-US", "{v:money}", 2.675)).isEqualTo("$2.67");
        assertThat(render("en-US", "{v:money}", "12.5")).isEqualTo("$12.50");
        assertThat(render("en-US", "{v:money}", new java.math.BigInteger("1000000"))).isEqualTo("$1,000,000.00");
    }

    @Test
    void keepsTheCurrencyOfAMoneyValueAndHonoursAFixedCurrency() {
        assertThat(render("el-GR", "{v:money}", Money.of("12.5", "USD"))).isEqualTo("12,50 $");
        assertThat(render("el-GR", "{v:money}", Money.of("12.5", "EUR"))).isEqualTo("12,50 €");
        assertThat(render("en-US", "{v:money:EUR}", 3)).isEqualTo("€3.00");
        assertThat(render("zh-CN", "{v:money:vnd}", 12500)).isEqualTo("₫12,500");
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "en-US|number|1234567.891|1,234,567.891",
        "el-GR|number|1234567.891|1.234.567,891",
        "zh-CN|number|1234567.891|1,234,567.891",
        "vi-VN|number|1234567.891|1.234.567,891",
        "en-US|number:2|3|3.00",
        "el-GR|number:1|2.25|2,2",
        "en-US|number:0|2.5|2",
        "en-US|integer|1234.5|1,234",
        "el-GR|integer|1234.5|1.234",
        "en-US|integer|1235.5|1,236",
        "en-US|percent|0.25|25%",
        "el-GR|percent|0.255|26%",
        "vi-VN|percent:1|0.1234|12,3%",
        "zh-CN|percent|1|100%",
    })
    void formatsNumbersPerLocale(String tag, String format, String value, String expected) {
        assertThat(render(tag, "{v:" + format + "}", new BigDecimal(value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "en-US|{v:date:dd/MM/yyyy}|05/03/2026",
        "el-GR|{v:date:d MMMM yyyy}|5 Μαρτίου 2026",
        "zh-CN|{v:date:yyyy年M月d日}|2026年3月5日",
        "vi-VN|{v:date:EEEE, dd/MM}|Thứ Năm, 05/03",
        "en-US|{v:date:EEE d MMM}|Thu 5 Mar",
        "en-US|{v:datetime:dd/MM HH:mm}|05/03 14:30",
        "en-US|{v:time:HH:mm}|14:30",
        "el-GR|{v:time:HH:mm}|14:30",
        "en-US|{v:date}|Mar 5, 2026",
    })
    void formatsDatesPerLocale(String tag, String body, String expected) {
        assertThat(render(tag, body, LocalDateTime.of(2026, 3, 5, 14, 30))).isEqualTo(expected);
    }

    @Test
    void formatsInstantsInTheEngineZone() {
        Instant noonUtc = Instant.parse("2026-03-05T12:00:00Z");
        assertThat(render("en-US", "{v:time:HH:mm}", noonUtc)).isEqualTo("14:00");
        assertThat(render("en-US", "{v:time:HH:mm}", java.util.Date.from(noonUtc))).isEqualTo("14:00");
        assertThat(render("en-US", "{v:date:dd/MM}", LocalDate.of(2026, 12, 1))).isEqualTo("01/12");
        assertThat(render("en-US", "{v:time:HH:mm}", LocalTime.of(9, 5))).isEqualTo("09:05");
    }

    @Test
    void reportsADateValueThatCannotFillATimePattern() {
        assertThatThrownBy(() -> render("en-US", "Due {v:date:dd/MM HH:mm}", LocalDate.of(2026, 1, 1)))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT))
                .hasMessageStartingWith("cannot render {v:date:dd/MM HH:mm}: a LocalDate cannot fill the pattern");
    }

    @Test
    void reportsTextThatIsNotANumberForMoney() {
        assertThatThrownBy(() -> render("en-US", "{v:money}", "twelve"))
                .isInstanceOfSatisfying(ValueFormatException.class, e -> {
                    assertThat(e.variable()).isEqualTo("v");
                    assertThat(e.placeholder()).isEqualTo("{v:money}");
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT);
                })
                .hasMessage("cannot render {v:money}: the value is text that is not a number; "
                        + "pass a suitable value or change the format");
        assertThatThrownBy(() -> render("el-GR", "{v:date:dd/MM/yyyy}", "05/12/2026"))
                .hasMessageContaining("the value '05/12/2026' is text that is not an ISO-8601 date or time");
        assertThatThrownBy(() -> render("el-GR", "{v:datetime:dd/MM HH:mm}", "2026-12-05"))
                .hasMessageContaining("the text '2026-12-05' (read as a LocalDate) cannot fill the pattern");
        assertThatThrownBy(() -> render("en-US", "{v:date}", List.of(1)))
                .hasMessageContaining("not a date or time");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "2026-12-05|{v:date:dd/MM/yyyy}|05/12/2026",
        " 2026-12-05 |{v:date:dd/MM/yyyy}|05/12/2026",
        "2026-12-05T10:30|{v:datetime:dd/MM/yyyy HH:mm}|05/12/2026 10:30",
        "2026-12-05T10:30:00+02:00|{v:datetime:dd/MM HH:mm xxx}|05/12 10:30 +02:00",
        "2026-12-05T08:30:00Z|{v:datetime:dd/MM HH:mm}|05/12 10:30",   // a moment, shown in the engine's zone
        "2026-12-05T08:30:00+00:00|{v:datetime:dd/MM HH:mm}|05/12 10:30",
        "2026-12-05T09:30:00+01:00|{v:datetime:dd/MM HH:mm}|05/12 10:30",
        "10:30|{v:time:HH.mm}|10.30",
    })
    void datesWrittenAsIsoTextAsCsvAndJsonCarryThemAreFormatted(String value, String body, String expected) {
        TemplateEngine athens = TemplateEngine.builder().locale(Locale.forLanguageTag("el-GR"))
                .zone(ZoneId.of("Europe/Athens")).build();
        assertThat(athens.render(body, Map.of("v", value))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "en-US|upper|hello|HELLO",
        "el-GR|upper|μαρία|ΜΑΡΙΑ",
        "el-GR|upper|Καλημέρα κυρία Nguyễn|ΚΑΛΗΜΕΡΑ ΚΥΡΙΑ NGUYỄN",
        "el-GR|upper|ευχαριστούμε, Ραΐσα|ΕΥΧΑΡΙΣΤΟΥΜΕ, ΡΑΪΣΑ",
        "el-GR|upper|ΐ|Ϊ",
        "en-US|upper|μαρία|ΜΑΡΊΑ",
        "vi-VN|upper|nguyễn|NGUYỄN",
        "tr-TR|upper|istanbul|İSTANBUL",
        "en-US|lower|HELLO|hello",
        "el-GR|lower|ΜΑΡΙΑ|μαρια",
        "en-US|capitalize|john smith|John smith",
        "el-GR|capitalize|όνομα|Όνομα",
        "vi-VN|capitalize|ưu đãi|Ưu đãi",
        "zh-CN|capitalize|王伟|王伟",
        "en-US|truncate:5|Hello world|Hello",
        "en-US|truncate:20|Hello|Hello",
        "zh-CN|truncate:2|王伟先生|王伟",
        "en-US|truncate:2|😀😀😀|😀😀",
        "el-GR|truncate:3|🇬🇷🇻🇳|🇬🇷",
        "en-US|truncate:4|Hi 👨‍👩‍👧 there|'Hi '",
        "en-US|truncate:8|Hi 👨‍👩‍👧 there|Hi 👨‍👩‍👧",
        "en-US|truncate:4|OK 👍🏽!|'OK '",
        "vi-VN|truncate:5|Nguye\u0302\u0303n|Nguy",
        "vi-VN|truncate:7|Nguye\u0302\u0303n|Nguye\u0302\u0303",
    })
    void formatsText(String tag, String format, String value, String expected) {
        assertThat(render(tag, "{v:" + format + "}", value)).isEqualTo(expected);
    }

    @Test
    void usesCustomFormattersWithTheirArgumentAndLocale() {
        TemplateEngine engine = TemplateEngine.builder().locale(Locale.forLanguageTag("el-GR"))
                .formatter("mask", (value, arg, locale) -> "*".repeat(Integer.parseInt(arg))
                        + value.toString().substring(value.toString().length() - 4))
                .formatter("lang", (value, arg, locale) -> locale.getLanguage() + ":" + value)
                .build();
        assertThat(engine.render("Card {card:mask:4} {x:lang}", Map.of("card", "1234567890", "x", "a")))
                .isEqualTo("Card ****7890 el:a");
        assertThatThrownBy(() -> engine.compile("{x:nope}")).hasMessageContaining("known formats: capitalize")
                .hasMessageContaining("lang, lower, mask, money");
    }

    @Test
    void letsACustomFormatterRenderAnotherTemplateOnTheSameThread() {
        Template inner = Template.compile("<{v:upper}>");
        TemplateEngine engine = TemplateEngine.builder()
                .formatter("wrap", (value, arg, locale) -> inner.render(Map.of("v", value))).build();
        assertThat(engine.render("a {x:wrap} b {y:wrap} c", Map.of("x", "one", "y", "two")))
                .isEqualTo("a <ONE> b <TWO> c");
    }

    @Test
    void letsACustomFormatterReplaceABuiltInOne() {
        TemplateEngine engine = TemplateEngine.builder().formatter("upper", (v, a, l) -> "UP").build();
        assertThat(engine.render("{x:upper}", Map.of("x", "a"))).isEqualTo("UP");
    }

    @Test
    void wrapsAFailingCustomFormatter() {
        TemplateEngine engine = TemplateEngine.builder()
                .formatter("boom", (v, a, l) -> { throw new IllegalStateException("no"); }).build();
        assertThatThrownBy(() -> engine.render("{x:boom}", Map.of("x", 1)))
                .isInstanceOf(SmsException.class).hasMessageStartingWith("cannot render {x:boom}: no");
    }

    @Test
    void writesValuesWithoutFormatPlainly() {
        Map<String, Object> values = Map.of("d", 12.5, "w", 3.0, "big", 1e20, "bd", new BigDecimal("1E+3"),
                "n", 42, "b", true, "day", LocalDate.of(2026, 1, 2));
        assertThat(Template.compile("{d} {w} {big} {bd} {n} {b} {day}").render(values))
                .isEqualTo("12.5 3 100000000000000000000 1000 42 true 2026-01-02");
    }
}
