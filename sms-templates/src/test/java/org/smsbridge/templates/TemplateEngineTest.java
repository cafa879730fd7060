package org.smsbridge.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TemplateEngineTest {

    @Test
    void hasDocumentedDefaults() {
        TemplateEngine e = TemplateEngine.defaults();
        assertThat(e.locale()).isEqualTo(TemplateEngine.DEFAULT_LOCALE).isEqualTo(Locale.US);
        assertThat(e.missingValues()).isEqualTo(MissingValues.FAIL);
        assertThat(e.cacheSize()).isEqualTo(TemplateEngine.DEFAULT_CACHE_SIZE);
        assertThat(e.formatters()).isEmpty();
        assertThat(e.smartEncoding()).isFalse();
        assertThat(Template.compile("{a}").engine()).isSameAs(e);
    }

    @Test
    void returnsTheCachedTemplateForTheSameBody() {
        TemplateEngine e = TemplateEngine.builder().build();
        assertThat(e.compile("Hi {name}")).isSameAs(e.compile("Hi {name}"));
        TemplateEngine uncached = TemplateEngine.builder().cacheSize(0).build();
        assertThat(uncached.compile("Hi {x}").render(Map.of("x", 1))).isEqualTo("Hi 1");
    }

    @Test
    void copiesItsSettingsWithToBuilder() {
        TemplateEngine e = TemplateEngine.builder().locale(Locale.CHINA).zone(ZoneId.of("Asia/Shanghai"))
                .missingValues(MissingValues.EMPTY).formatter("x", (v, a, l) -> "x").cacheSize(5)
                .smartEncoding(true).build();
        TemplateEngine copy = e.toBuilder().build();
        assertThat(copy.locale()).isEqualTo(Locale.CHINA);
        assertThat(copy.zone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(copy.missingValues()).isEqualTo(MissingValues.EMPTY);
        assertThat(copy.formatters()).containsOnlyKeys("x");
        assertThat(copy.cacheSize()).isEqualTo(5);
        assertThat(copy.smartEncoding()).isTrue();
        assertThat(copy.toString()).contains("zh-CN", "Asia/Shanghai", "EMPTY", "[x]");
        assertThat(e.toBuilder().formatters(Map.of()).build().formatters()).isEmpty();
    }

    @Test
    void rejectsBadSettingsWithMessagesThatSayWhatIsWrong() {
        assertThatThrownBy(() -> TemplateEngine.builder().cacheSize(-1))
                .hasMessage("cacheSize must be 0 or more, was -1");
        assertThatThrownBy(() -> TemplateEngine.builder().formatter("a:b", (v, a, l) -> ""))
                .hasMessage("formatter name must be letters, digits and '_', was 'a:b'");
        assertThatThrownBy(() -> TemplateEngine.builder().locale(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> TemplateEngine.defaults().compile(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void measuresPreviewsWithSmartEncodingWhenAsked() {
        TemplateEngine smart = TemplateEngine.builder().smartEncoding(true).build();
        TemplatePreview p = smart.preview("“{name}”", Map.of("name", "Ann"));
        assertThat(p.segmentInfo().encoding().name()).isEqualTo("GSM_7");
        assertThat(TemplateEngine.defaults().preview("“{name}”", Map.of("name", "Ann")).segmentInfo().encoding().name())
                .isEqualTo("UCS_2");
    }

    @Test
    void rendersATextWithoutBracesToItself() {
        Random random = new Random(20261124);
        String alphabet = "abcXYZ 019.,:;|#$%&*()[]~^\\\"'\n\tΑαΒβΩωόέ姓名您好王伟ễưđăâ€¥₫😀 ";
        int[] cps = alphabet.codePoints().toArray();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(200);
            for (int k = 0; k < len; k++) {
                sb.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            String text = sb.toString();
            Template t = TemplateEngine.builder().cacheSize(0).build().compile(text);
            assertThat(t.variables()).isEmpty();
            assertThat(t.render(Map.of())).isEqualTo(text);
            assertThat(t.preview(Map.of()).text()).isEqualTo(text);
        }
    }

    @Test
    void rendersEscapedBracesAsSingleBracesForAnyText() {
        Random random = new Random(7);
        String alphabet = "ab{}姓 ";
        for (int i = 0; i < 500; i++) {
            StringBuilder text = new StringBuilder();
            for (int k = random.nextInt(40); k > 0; k--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String escaped = text.toString().replace("{", "{{").replace("}", "}}");
            assertThat(Template.compile(escaped).render(Map.of())).isEqualTo(text.toString());
        }
    }

    @Test
    void rendersOneSharedTemplateCorrectlyFromManyThreads() throws Exception {
        Locale greek = Locale.forLanguageTag("el-GR");
        Template t = TemplateEngine.builder().locale(greek).build()
                .compile("{name:upper} {n:integer} {amount:money} {d:date:dd/MM/yyyy} {x|-}");
        assertThat(ManyThreads.complaints((thread, i) -> {
            int n = thread * 100_000 + i;
            String got = t.render(Map.of("name", "όνομα" + n, "n", n, "amount", n + 0.5,
                    "d", java.time.LocalDate.of(2000 + thread, 1 + i % 12, 1 + i % 28)));
            String expected = "ΟΝΟΜΑ" + n + " " + String.format(greek, "%,d", n) + " "
                    + String.format(greek, "%,.2f", n + 0.5) + " € "
                    + String.format("%02d/%02d/%d", 1 + i % 28, 1 + i % 12, 2000 + thread) + " -";
            return ManyThreads.compare(got, expected);
        })).isEmpty();
    }
}
