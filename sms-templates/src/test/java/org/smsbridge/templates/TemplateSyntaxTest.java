package org.smsbridge.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smsbridge.ErrorKind;

class TemplateSyntaxTest {

    @Test
    void acceptsNamesInChineseGreekVietnameseAndEnglish() {
        Template t = Template.compile("{姓名} {όνομα} {tên_khách} {param0}");
        assertThat(t.variables()).containsExactly("姓名", "όνομα", "tên_khách", "param0");
        assertThat(t.render(Map.of("姓名", "王伟", "όνομα", "Μαρία", "tên_khách", "Nguyễn", "param0", "x")))
                .isEqualTo("王伟 Μαρία Nguyễn x");
    }

    @Test
    void acceptsVietnameseNamesWrittenWithCombiningMarks() {
        String decomposed = java.text.Normalizer.normalize("tên_khách", java.text.Normalizer.Form.NFD);
        Template t = Template.compile("{" + decomposed + "}");
        assertThat(t.render(Map.of(decomposed, "An"))).isEqualTo("An");
    }

    @Test
    void listsVariablesOnceInOrderOfFirstAppearance() {
        Template t = Template.compile("{b} {a} {b:upper} {car.plate}");
        assertThat(t.variables()).containsExactly("b", "a", "car.plate");
    }

    @Test
    void toleratesSpacesInsideBraces() {
        Template t = Template.compile("{ name } { cost : number : 2 } { who | Customer }");
        assertThat(t.render(Map.of("name", "Ann", "cost", 3))).isEqualTo("Ann 3.00 Customer");
    }

    @Test
    void writesDoubledBracesAsLiteralBraces() {
        Template t = Template.compile("{{name}} is {name}, }} and {{");
        assertThat(t.variables()).containsExactly("name");
        assertThat(t.render(Map.of("name", "Ann"))).isEqualTo("{name} is Ann, } and {");
    }

    @Test
    void usesTheFallbackWhenTheValueIsMissingOrNull() {
        Template t = Template.compile("Dear {name|Customer}, {title|}ok");
        java.util.Map<String, Object> values = new java.util.HashMap<>();
        values.put("name", null);
        assertThat(t.render(values)).isEqualTo("Dear Customer, ok");
        assertThat(t.render(Map.of("name", "Ann", "title", "Dr "))).isEqualTo("Dear Ann, Dr ok");
    }

    @Test
    void keepsColonsAndBarsInTheFallbackText() {
        assertThat(Template.compile("{t|10:30 | later}").render(Map.of())).isEqualTo("10:30 | later");
    }

    @Test
    void rendersATemplateWithoutPlaceholders() {
        assertThat(Template.compile("").render(Map.of())).isEmpty();
        assertThat(Template.compile("Hello").variables()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "Dear {name|1|6|unclosed '{' (close it with '}' or write '{{' for a literal brace)",
        "ab\\ncd {x|2|4|unclosed '{'",
        "a {b {c}|1|6|'{' inside the placeholder opened at line 1, column 3",
        "a } b|1|3|single '}' (write '}}' for a literal brace)",
        "x {}|1|4|empty name in '{}'",
        "x {  }|1|6|empty name in '{  }'",
        "x { :money}|1|5|empty name in '{ :money}'",
        "x {a-b}|1|5|'-' is not allowed in the name 'a-b'",
        "x {a b}|1|5|a space is not allowed in the name 'a b'",
        "x {car..plate}|1|8|empty part in the path 'car..plate'",
        "x {.plate}|1|4|empty part in the path '.plate'",
        "x {a:}|1|6|empty format after ':' in '{a:}'",
        "x\\n姓名 {a:monie}|2|7|unknown format 'monie' in '{a:monie}' (known formats: capitalize, date, datetime,",
        "{a:truncate}|1|4|format 'truncate' takes a maximum length of at least 1, such as {x:truncate:20}, was ''",
        "{a:truncate:0}|1|13|format 'truncate' takes a maximum length of at least 1",
        "{a:number:x}|1|11|format 'number' takes a number of decimals from 0 to 8, such as {x:number:2}, was 'x'",
        "{a:integer:2}|1|12|format 'integer' takes no argument, was '2'",
        "{a:upper:x}|1|10|format 'upper' takes no argument",
        "{a:money:EURO}|1|10|format 'money' takes an ISO 4217 currency code such as {x:money:EUR}, was 'EURO'",
        "{a:date:qqqqqqq}|1|9|invalid date pattern 'qqqqqqq'",
    })
    void reportsSyntaxErrorsWithLineColumnAndProblem(String body, int line, int column, String problem) {
        assertThatThrownBy(() -> Template.compile(body.replace("\\n", "\n")))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT);
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.column()).isEqualTo(column);
                    assertThat(e.problem()).startsWith(problem);
                    assertThat(e.getMessage()).startsWith("template syntax error at line " + line + ", column "
                            + column + ": " + problem);
                });
    }

    @Test
    void reportsMoneyWithoutCurrencyForALocaleWithoutCountry() {
        TemplateEngine engine = TemplateEngine.builder().locale(Locale.forLanguageTag("el")).build();
        assertThatThrownBy(() -> engine.compile("{a:money}"))
                .isInstanceOf(TemplateSyntaxException.class)
                .hasMessageContaining("format 'money' needs a locale with a country (such as el-GR) or a currency");
        assertThat(engine.render("{a:money:EUR}", Map.of("a", 2))).isEqualTo("2,00 €");
    }

    @Test
    void countsColumnsInCodePoints() {
        assertThatThrownBy(() -> Template.compile("😀姓名 }"))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> assertThat(e.column()).isEqualTo(5));
    }
}
