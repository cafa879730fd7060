package org.smsbridge.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

class ProviderSyntaxTest {
    private static final Template CAR = Template.compile("尊敬的{name}，您的车{car.plate}已修好，费用{cost:money}。{name}");

    @Test
    void exportsToAliyunNamedParameters() {
        ProviderTemplate p = CAR.export(ProviderSyntax.ALIYUN);
        assertThat(p.body()).isEqualTo("尊敬的${name}，您的车${car_plate}已修好，费用${cost}。${name}");
        assertThat(p.parameterNames()).containsExactly("name", "car_plate", "cost");
        assertThat(p.variables()).containsExactly("name", "car.plate", "cost");
    }

    @Test
    void exportsToTencentNumberedParametersInOrderOfFirstAppearance() {
        ProviderTemplate p = CAR.export(ProviderSyntax.TENCENT);
        assertThat(p.body()).isEqualTo("尊敬的{1}，您的车{2}已修好，费用{3}。{1}");
        assertThat(p.parameterNames()).containsExactly("1", "2", "3");
        assertThat(p.variables()).containsExactly("name", "car.plate", "cost");
    }

    @Test
    void exportsToIndiaDltWithOneParameterPerOccurrence() {
        ProviderTemplate p = CAR.export(ProviderSyntax.INDIA_DLT);
        assertThat(p.body()).isEqualTo("尊敬的{#var#}，您的车{#var#}已修好，费用{#var#}。{#var#}");
        assertThat(p.parameterNames()).containsExactly("1", "2", "3", "4");
        assertThat(p.variables()).containsExactly("name", "car.plate", "cost", "name");
    }

    @Test
    void refusesToExportTwoVariablesThatWouldShareAnAliyunName() {
        Template t = Template.compile("{car.plate} {car_plate}");
        assertThatThrownBy(() -> t.export(ProviderSyntax.ALIYUN))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT))
                .hasMessage("cannot export '{car.plate} {car_plate}' to ALIYUN: the variables 'car.plate' and "
                        + "'car_plate' would both become ${car_plate}, so one would be sent the other's value; rename "
                        + "one of them in the template (names must still differ after '.' becomes '_')");
        assertThatThrownBy(() -> Template.compile("{a_b.c} {x} {a.b_c:upper}").export(ProviderSyntax.ALIYUN))
                .hasMessageContaining("the variables 'a_b.c' and 'a.b_c' would both become ${a_b_c}");
    }

    @ParameterizedTest
    @EnumSource(value = ProviderSyntax.class, names = {"TENCENT", "INDIA_DLT"})
    void givesVariablesThatDifferOnlyByDotOrUnderscoreTheirOwnParameters(ProviderSyntax syntax) {
        ProviderTemplate p = Template.compile("{car.plate} {car_plate}").export(syntax);
        assertThat(p.parameterNames()).containsExactly("1", "2");
        assertThat(p.parameters(Map.of("car", Map.of("plate", "A-1"), "car_plate", "B-2")))
                .containsExactly(Map.entry("1", "A-1"), Map.entry("2", "B-2"));
    }

    @ParameterizedTest
    @EnumSource(ProviderSyntax.class)
    void neverGivesTwoVariablesOneParameter(ProviderSyntax syntax) {
        for (String body : List.of("{a} {b} {a} {c.d} {c_e}", "{姓名}{卡号}{姓名}", "{x1}{x_1}{x.2}")) {
            ProviderTemplate p = Template.compile(body).export(syntax);
            for (int i = 0; i < p.parameterNames().size(); i++) {
                for (int j = 0; j < i; j++) {
                    if (p.parameterNames().get(i).equals(p.parameterNames().get(j))) {
                        assertThat(p.variables().get(i)).as(syntax + " " + body).isEqualTo(p.variables().get(j));
                    }
                }
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "TENCENT|Press {{1}} to confirm {code}|{1}",
        "TENCENT|Press {{2}} to confirm|{2}",
        "INDIA_DLT|Code {{#var#}} for {name}|{#var#}",
        "INDIA_DLT|Tag {{#x{name}|{#x{#var#}",
        "ALIYUN|Price ${{amount}} for {name}|${amount}",
        "ALIYUN|Price ${{{amount}|${${amount}",
    })
    void refusesLiteralTextThatTheProviderWouldReadAsAParameter(ProviderSyntax syntax, String body, String read) {
        assertThatThrownBy(() -> Template.compile(body).export(syntax))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT))
                .hasMessageStartingWith("cannot export '" + body + "' to " + syntax + ": the provider would read '"
                        + read + "' in '")
                .hasMessageEndingWith("as a parameter, but it holds literal text of the template, which " + syntax
                        + " cannot escape; reword that text");
    }

    @Test
    void exportsLiteralBracesThatNoProviderReadsAsAParameter() {
        assertThat(Template.compile("{{a}} {{#}} $ {{1a}} {n}").export(ProviderSyntax.TENCENT).body())
                .isEqualTo("{a} {#} $ {1a} {1}");
        assertThat(Template.compile("${n} {{1}}").export(ProviderSyntax.ALIYUN).body()).isEqualTo("$${n} {1}");
        assertThat(Template.compile("{{1}} #}} {n}").export(ProviderSyntax.INDIA_DLT).body()).isEqualTo("{1} #} {#var#}");
    }

    @Test
    void rendersProviderParametersWithTheTemplateFormats() {
        Template t = TemplateEngine.builder().locale(Locale.forLanguageTag("en-IN")).build()
                .compile("Dear {name|Customer}, pay {amount:money} by {due:date:dd/MM}");
        Map<String, Object> values = Map.of("amount", new BigDecimal("1250"), "due", LocalDate.of(2026, 12, 5));
        assertThat(t.export(ProviderSyntax.INDIA_DLT).parameters(values))
                .containsExactly(Map.entry("1", "Customer"), Map.entry("2", "₹1,250.00"), Map.entry("3", "05/12"));
        assertThatThrownBy(() -> t.export(ProviderSyntax.TENCENT).parameters(Map.of("amount", 1)))
                .isInstanceOfSatisfying(MissingValuesException.class,
                        e -> assertThat(e.missingNames()).containsExactly("due"));
    }

    @ParameterizedTest
    @EnumSource(ProviderSyntax.class)
    void roundTripsPlainTemplatesInEveryScript(ProviderSyntax syntax) {
        for (String body : List.of("Dear {name}, your car {car.plate} is ready. {signature}",
                "{姓名}您好，您的会员卡{卡号}积分已到账。{姓名}", "Αγαπητέ {όνομα}, {ποσό}", "Chào {tên_khách}, mã {param0}",
                "No placeholders, {{literal}} braces", "{a}{b}")) {
            ProviderTemplate exported = Template.compile(body).export(syntax);
            assertThat(exported.toTemplateBody()).as(syntax + " " + body).isEqualTo(body);
            assertThat(syntax.toTemplateBody(exported.body(), exported.variables())).isEqualTo(body);
        }
    }

    @Test
    void keepsNamesButNotFormatsOnTheWayBack() {
        ProviderTemplate p = Template.compile("{ name : upper } owes {cost:money|0}").export(ProviderSyntax.TENCENT);
        assertThat(p.toTemplateBody()).isEqualTo("{name} owes {cost}");
    }

    @Test
    void importsProviderTemplatesWithDefaultNames() {
        assertThat(ProviderSyntax.ALIYUN.toTemplateBody("您的验证码${code}，{请勿泄露}", List.of()))
                .isEqualTo("您的验证码{code}，{{请勿泄露}}");
        assertThat(ProviderSyntax.TENCENT.toTemplateBody("{1}您好，{2}元 {1}", List.of()))
                .isEqualTo("{param1}您好，{param2}元 {param1}");
        assertThat(ProviderSyntax.INDIA_DLT.toTemplateBody("Dear {#var#}, OTP {#numeric#}", List.of()))
                .isEqualTo("Dear {var1}, OTP {var2}");
        assertThat(ProviderSyntax.ALIYUN.toTemplateBody("${code} ${n} ${code}", List.of("otp", "minutes")))
                .isEqualTo("{otp} {minutes} {otp}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ALIYUN", "TENCENT", "INDIA_DLT"})
    void rejectsANameListOfTheWrongSize(String name) {
        ProviderSyntax syntax = ProviderSyntax.valueOf(name);
        String body = Template.compile("{a} {b}").export(syntax).body();
        assertThatThrownBy(() -> syntax.toTemplateBody(body, List.of("x", "y", "z")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("has 2 parameters but 3 names were given");
        assertThatThrownBy(() -> syntax.toTemplateBody(body, List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
