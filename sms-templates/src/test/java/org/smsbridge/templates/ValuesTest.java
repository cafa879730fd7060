package org.smsbridge.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.smsbridge.ErrorKind;

class ValuesTest {
    private static final String BODY = "Dear {owner.name}, your car {car.plate} is ready. Cost: {cost:money}. {signature}";
    private static final TemplateEngine GREEK = TemplateEngine.builder().locale(Locale.forLanguageTag("el-GR")).build();
    private static final String EXPECTED = "Dear Γιώργος, your car ΙΚΑ-1234 is ready. Cost: 12,50 €. Συνεργείο Νίκος";

    record Owner(String name) {
    }

    record Car(String plate) {
    }

    record Repair(Owner owner, Car car, BigDecimal cost, String signature) {
    }

    /** A JavaBean with getters, one renamed by Jackson. */
    public static class RepairBean {
        private final Map<String, String> owner = Map.of("name", "Γιώργος");

        public Map<String, String> getOwner() {
            return owner;
        }

        public CarBean getCar() {
            return new CarBean();
        }

        public BigDecimal getCost() {
            return new BigDecimal("12.50");
        }

        @JsonProperty("signature")
        public String getSig() {
            return "Συνεργείο Νίκος";
        }
    }

    /** A nested bean. */
    public static class CarBean {
        public String getPlate() {
            return "ΙΚΑ-1234";
        }
    }

    @Test
    void readsNestedMaps() {
        Map<String, Object> values = Map.of("owner", Map.of("name", "Γιώργος"), "car", Map.of("plate", "ΙΚΑ-1234"),
                "cost", new BigDecimal("12.50"), "signature", "Συνεργείο Νίκος");
        assertThat(GREEK.render(BODY, values)).isEqualTo(EXPECTED);
    }

    @Test
    void readsAFlatMapWithDottedKeys() {
        Map<String, Object> values = Map.of("owner.name", "Γιώργος", "car.plate", "ΙΚΑ-1234",
                "cost", new BigDecimal("12.50"), "signature", "Συνεργείο Νίκος");
        assertThat(GREEK.render(BODY, values)).isEqualTo(EXPECTED);
    }

    @Test
    void rendersOneTemplateFromDifferentKindsOfValuesInTurn() throws Exception {
        Template t = GREEK.compile(BODY);
        Repair repair = new Repair(new Owner("Γιώργος"), new Car("ΙΚΑ-1234"), new BigDecimal("12.50"), "Συνεργείο Νίκος");
        JsonNode json = new ObjectMapper().valueToTree(repair);
        Map<String, Object> map = new ObjectMapper().convertValue(repair, Map.class);
        for (int i = 0; i < 3; i++) {
            for (Object values : List.of(repair, json, map, new RepairBean(), Optional.of(repair))) {
                assertThat(t.render(values)).as("%s", values.getClass()).isEqualTo(EXPECTED);
            }
        }
    }

    @Test
    void readsNestedRecords() {
        Repair repair = new Repair(new Owner("Γιώργος"), new Car("ΙΚΑ-1234"), new BigDecimal("12.50"), "Συνεργείο Νίκος");
        assertThat(GREEK.render(BODY, repair)).isEqualTo(EXPECTED);
    }

    @Test
    void readsJavaBeansWithJacksonNames() {
        assertThat(GREEK.render(BODY, new RepairBean())).isEqualTo(EXPECTED);
    }

    @Test
    void readsPrimitiveAndPrivateRecordComponents() {
        record Score(int points, double ratio, boolean ok, long id) {
        }
        assertThat(Template.compile("{points} {ratio} {ok} {id}").render(new Score(3, 0.5, true, 7L)))
                .isEqualTo("3 0.5 true 7");
    }

    @Test
    void readsJsonNodes() throws Exception {
        JsonNode json = new ObjectMapper().readTree("{\"owner\":{\"name\":\"Γιώργος\"},\"car\":{\"plate\":\"ΙΚΑ-1234\"},"
                + "\"cost\":12.50,\"signature\":\"Συνεργείο Νίκος\",\"n\":42,\"ok\":true,\"nothing\":null}");
        assertThat(GREEK.render(BODY, json)).isEqualTo(EXPECTED);
        assertThat(Template.compile("{n} {ok} {nothing|none} {car}").render(json))
                .isEqualTo("42 true none {\"plate\":\"ΙΚΑ-1234\"}");
    }

    @Test
    void unwrapsOptionalsAndTreatsAnEmptyOneAsMissing() {
        Map<String, Object> values = Map.of("a", Optional.of("x"), "b", Optional.empty(),
                "c", Optional.of(Map.of("d", "y")));
        assertThat(Template.compile("{a} {b|-} {c.d}").render(values)).isEqualTo("x - y");
    }

    @Test
    void listsEveryMissingNameInOneErrorInStrictMode() {
        Template t = Template.compile("{姓名} {car.plate} {όνομα|x} {tên_khách} {姓名} {car.color}");
        assertThatThrownBy(() -> t.render(Map.of("car", Map.of("plate", "A"))))
                .isInstanceOfSatisfying(MissingValuesException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT);
                    assertThat(e.missingNames()).containsExactly("姓名", "tên_khách", "car.color");
                })
                .hasMessage("no value for 姓名, tên_khách, car.color; add them to the values or give a fallback "
                        + "such as {姓名|text}");
    }

    @Test
    void treatsAPathThroughAPlainValueOrUnknownPropertyAsMissing() {
        record Person(String name) {
        }
        assertThatThrownBy(() -> Template.compile("{name.first} {age}").render(new Person("Ann")))
                .isInstanceOfSatisfying(MissingValuesException.class,
                        e -> assertThat(e.missingNames()).containsExactly("name.first", "age"));
    }

    @Test
    void keepsOrEmptiesMissingPlaceholdersInLenientModes() {
        TemplateEngine keep = TemplateEngine.builder().missingValues(MissingValues.KEEP_PLACEHOLDER).build();
        TemplateEngine empty = TemplateEngine.builder().missingValues(MissingValues.EMPTY).build();
        String body = "Hi {name}, {car.plate : upper}!{x|fallback}";
        assertThat(keep.render(body, Map.of())).isEqualTo("Hi {name}, {car.plate : upper}!fallback");
        assertThat(empty.render(body, Map.of())).isEqualTo("Hi , !fallback");
    }

    @Test
    void previewsWithSegmentsAndMissingNamesWithoutThrowing() {
        Template t = Template.compile("Dear {name}, your balance is {balance:money}. {signature}");
        TemplatePreview p = t.preview(Map.of("name", "Maria", "balance", 12.5));
        assertThat(p.text()).isEqualTo("Dear Maria, your balance is $12.50. {signature}");
        assertThat(p.missing()).containsExactly("signature");
        assertThat(p.complete()).isFalse();
        assertThat(p.segmentInfo().segments()).isEqualTo(1);
        assertThat(p.segmentInfo().charactersLeftInSegment()).isEqualTo(160 - p.text().length() - 2); // { and } count 2
    }

    @Test
    void previewsChineseAsUcs2WithRoomLeft() {
        TemplatePreview p = Template.compile("{姓名}您好，您的会员卡{卡号}积分已到账。").preview(Map.of("姓名", "王伟", "卡号", "8888"));
        assertThat(p.complete()).isTrue();
        assertThat(p.segmentInfo().encoding().name()).isEqualTo("UCS_2");
        assertThat(p.segmentInfo().charactersLeftInSegment()).isEqualTo(70 - p.text().length());
    }

    @Test
    void rendersEachVariableAloneForProviderParameters() {
        Template t = Template.compile("{name:upper} {due:date:dd/MM} {name} {x|-}");
        assertThat(t.renderVariables(Map.of("name", "ann", "due", LocalDate.of(2026, 5, 1))))
                .containsExactly(Map.entry("name", "ANN"), Map.entry("due", "01/05"), Map.entry("x", "-"));
        assertThatThrownBy(() -> Template.compile("{a} {b}").renderVariables(Map.of()))
                .isInstanceOfSatisfying(MissingValuesException.class,
                        e -> assertThat(e.missingNames()).containsExactly("a", "b"));
    }

    @Test
    void rejectsValuesThatCannotHoldNames() {
        Template t = Template.compile("{a}");
        assertThatThrownBy(() -> t.render(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("values must not be null");
        assertThatThrownBy(() -> t.render("text")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("values must be a Map, a record, a JavaBean or a JsonNode, was a java.lang.String");
    }

    static Stream<Arguments> valuesThatCannotHoldNames() {
        return Stream.of(List.of(), List.of("x"), Set.of(Map.of("a", 1)), new ArrayList<>(List.of(Map.of("a", 1))),
                new String[] {"x"}, new int[] {1}, new Object[0], List.of("x").iterator(), Stream.of("x"),
                5, 5L, 2.5, true, 'c', UUID.randomUUID(), Duration.ofSeconds(1), Locale.US, Currency.getInstance("EUR"),
                Path.of("x"), URI.create("https://example.com"), String.class).map(v -> Arguments.of(v));
    }

    @ParameterizedTest
    @MethodSource("valuesThatCannotHoldNames")
    void refusesCollectionsArraysAndPlainValuesAsTheRootWithAClearMessage(Object values) {
        Template t = Template.compile("{a}");
        String expected = "values must be a Map, a record, a JavaBean or a JsonNode, was a "
                + values.getClass().getTypeName();
        assertThatThrownBy(() -> t.render(values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expected);
        assertThatThrownBy(() -> t.preview(values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expected);
        assertThatThrownBy(() -> t.renderVariables(values)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(expected);
        assertThatThrownBy(() -> t.export(ProviderSyntax.TENCENT).parameters(values))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith(expected);
    }

    @Test
    void suggestsRenderingOncePerElementForACollection() {
        assertThatThrownBy(() -> Template.compile("{a}").render(List.of(Map.of("a", 1))))
                .hasMessageEndingWith("(a collection or array: render once per element, or put it in a Map under a name)");
        assertThatThrownBy(() -> Template.compile("{a}").render(new String[0]))
                .hasMessageContaining("was a java.lang.String[] (a collection or array");
    }

    @Test
    void stillReadsRecordsBeansJsonAndOptionalsAsTheRoot() throws Exception {
        Template t = Template.compile("{name}");
        assertThat(t.render(new Owner("Maria"))).isEqualTo("Maria");
        assertThat(t.render(Optional.of(Map.of("name", "Maria")))).isEqualTo("Maria");
        assertThat(t.render(new ObjectMapper().readTree("{\"name\": \"Maria\"}"))).isEqualTo("Maria");
        assertThat(Template.compile("{plate}").render(new CarBean())).isEqualTo("ΙΚΑ-1234");
    }

    @Test
    void writesAJsonFloatAsItsShortestDecimal() {
        Map<String, Object> values = Map.of("x", JsonNodeFactory.instance.numberNode(0.1f));
        assertThat(Template.compile("{x}").render(values)).isEqualTo("0.1");
        assertThat(Template.compile("{x}").render(JsonNodeFactory.instance.objectNode().put("x", 0.1f))).isEqualTo("0.1");
    }

    @Test
    void treatsANullMapValueAsMissing() {
        Map<String, Object> values = new HashMap<>();
        values.put("a", null);
        assertThatThrownBy(() -> Template.compile("{a}").render(values)).isInstanceOf(MissingValuesException.class);
    }
}
