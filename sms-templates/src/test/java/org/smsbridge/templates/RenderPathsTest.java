package org.smsbridge.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A template without formats whose values are all present renders through a
 * {@code StringConcatFactory} handle; everything else through a {@code StringBuilder}. These tests
 * check the two paths give the same text ({@code preview} always takes the builder path, since it
 * collects missing names).
 */
class RenderPathsTest {
    private static final String[] LITERALS = {"", "Αγαπητέ ", ", 尊敬的客户 ", " Xin chào ", "😀 ", "\u0001", "\u0002",
        "{{", "}}", " € ", "x"};
    private static final String[] VALUES = {"", "Γιώργο", "王伟", "Nguyễn Thị Hương", "John", "👍🏽", "\u0001\u0002", "ΙΚΑ-1234"};

    private record Car(String owner, String plate) {
    }

    @Test
    void concatenationAndBuilderPathsGiveTheSameTextForRandomTemplates() {
        Random random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder body = new StringBuilder();
            Map<String, Object> values = new HashMap<>();
            int parts = 1 + random.nextInt(12);
            for (int i = 0; i < parts; i++) {
                body.append(LITERALS[random.nextInt(LITERALS.length)]);
                String name = "v" + random.nextInt(6);
                body.append('{').append(name).append(random.nextInt(4) == 0 ? "|fallback ℹ" : "").append('}');
                if (random.nextInt(5) > 0) {
                    values.put(name, random.nextInt(6) == 0 ? Integer.valueOf(random.nextInt(1000))
                            : VALUES[random.nextInt(VALUES.length)]);
                }
            }
            Template t = TemplateEngine.builder().missingValues(MissingValues.KEEP_PLACEHOLDER).cacheSize(0).build()
                    .compile(body.toString());
            assertThat(t.render(values)).as(body.toString()).isEqualTo(t.preview(values).text());
        }
    }

    @Test
    void literalsHoldingTheConcatenationTagCharactersStayLiteral() {
        Template t = Template.compile("\u0001{a}\u0002{b}\u0001");
        for (int i = 0; i < 1_100; i++) { // past the point where the template builds its own handle
            assertThat(t.render(Map.of("a", "A" + i, "b", "B"))).isEqualTo("\u0001A" + i + "\u0002B\u0001");
        }
    }

    @Test
    void aTemplateRenderedOftenKeepsGivingTheSameTextAsTheBuilder() {
        Template t = TemplateEngine.builder().missingValues(MissingValues.KEEP_PLACEHOLDER).build()
                .compile("Αγαπητέ {name}, {{ {plate|—} }} 尊敬的 {n} 😀{name}");
        for (int i = 0; i < 3_000; i++) {
            Map<String, Object> values = new HashMap<>();
            values.put("name", i % 7 == 0 ? "" : "王伟" + i);
            if (i % 3 > 0) {
                values.put("plate", "ΙΚΑ-" + i);
            }
            if (i % 5 > 0) {
                values.put("n", i % 2 == 0 ? Integer.valueOf(i) : "n" + i);
            }
            assertThat(t.render(values)).isEqualTo(t.preview(values).text());
        }
    }

    @Test
    void valuesThatAreNotStringsAreWrittenAsTheBuilderWritesThem() {
        Template t = Template.compile("{n} {amount} {d} {car.plate} {s}");
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("n", 42);
        values.put("amount", new BigDecimal("1234.50"));
        values.put("d", 2.50);
        values.put("car", new Car("王伟", "沪A12345"));
        values.put("s", new StringBuilder("sb"));
        assertThat(t.render(values)).isEqualTo("42 1234.50 2.5 沪A12345 sb").isEqualTo(t.preview(values).text());
        assertThat(Template.compile("{owner}: {plate}").render(new Car("王伟", "沪A12345"))).isEqualTo("王伟: 沪A12345");
    }

    @Test
    void missingValuesAreReportedTogetherOrFallBack() {
        Template t = Template.compile("{a} {b} {c|-}");
        assertThatThrownBy(() -> t.render(Map.of())).isInstanceOfSatisfying(MissingValuesException.class,
                e -> assertThat(e.missingNames()).containsExactly("a", "b"));
        assertThat(t.render(Map.of("a", "1", "b", "2"))).isEqualTo("1 2 -");
    }

    @Test
    void templatesWithMorePlaceholdersThanTheHandleTakesStillRender() {
        StringBuilder body = new StringBuilder();
        StringBuilder expected = new StringBuilder();
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < 250; i++) {
            body.append("·{f").append(i).append('}');
            expected.append('·').append(i);
            values.put("f" + i, String.valueOf(i));
        }
        assertThat(Template.compile(body.toString()).render(values)).isEqualTo(expected.toString());
    }

    @Test
    void aValueWhoseToStringRendersAnotherTemplateDoesNotDisturbTheOuterRender() {
        Template inner = Template.compile("[{x}|{y}]");
        Object nested = new Object() {
            @Override
            public String toString() {
                return inner.render(Map.of("x", "内", "y", "in"));
            }
        };
        Template outer = Template.compile("{a}-{b}");
        assertThat(outer.render(Map.of("a", nested, "b", "Β"))).isEqualTo("[内|in]-Β");
    }

    @Test
    void oneTemplateRendersCorrectlyFromManyThreads() throws Exception {
        Template t = Template.compile("Αγαπητέ {name}, το {plate} είναι έτοιμο. {n}");
        assertThat(ManyThreads.complaints((thread, i) -> {
            String name = "王" + thread + "-" + i;
            return ManyThreads.compare(t.render(Map.of("name", name, "plate", "ΙΚΑ-" + i, "n", i)),
                    "Αγαπητέ " + name + ", το ΙΚΑ-" + i + " είναι έτοιμο. " + i);
        })).isEmpty();
    }
}
