package org.smsbridge.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples of README.md, so they keep compiling and saying the truth. */
class ReadmeExampleTest {

    record Member(String 姓名, String 卡号) {
    }

    @Test
    void rendersTheReadmeExample() {
        TemplateEngine engine = TemplateEngine.builder().locale(Locale.forLanguageTag("el-GR")).build();
        Template t = engine.compile("Αγαπητέ {owner.name|πελάτη}, το αυτοκίνητο {car.plate} είναι έτοιμο. "
                + "Κόστος {cost:money}, έως {due:date:dd/MM/yyyy}. {signature}");
        assertThat(t.variables()).containsExactly("owner.name", "car.plate", "cost", "due", "signature");
        Map<String, Object> values = Map.of(
                "owner", Map.of("name", "Γιώργο"),
                "car", Map.of("plate", "ΙΚΑ-1234"),
                "cost", new BigDecimal("80.50"),
                "due", LocalDate.of(2026, 12, 5),
                "signature", "Συνεργείο Νίκος");
        assertThat(t.render(values)).isEqualTo("Αγαπητέ Γιώργο, το αυτοκίνητο ΙΚΑ-1234 είναι έτοιμο. "
                + "Κόστος 80,50 €, έως 05/12/2026. Συνεργείο Νίκος");
        TemplatePreview p = t.preview(values);
        assertThat(p.segmentInfo().summary()).isEqualTo("2 SMS · UCS-2 · 34 left");
        assertThat(p.missing()).isEmpty();
        assertThat(Template.compile("{姓名}您好，您的会员卡{卡号}积分已到账。").render(new Member("王伟", "8888")))
                .isEqualTo("王伟您好，您的会员卡8888积分已到账。");
    }

    @Test
    void exportsTheReadmeProviderExample() {
        ProviderTemplate tencent = Template.compile("尊敬的{name}，您的车{car.plate}已修好").export(ProviderSyntax.TENCENT);
        assertThat(tencent.body()).isEqualTo("尊敬的{1}，您的车{2}已修好");
        assertThat(tencent.parameters(Map.of("name", "王伟", "car", Map.of("plate", "沪A12345"))))
                .containsExactly(Map.entry("1", "王伟"), Map.entry("2", "沪A12345"));
        assertThat(tencent.toTemplateBody()).isEqualTo("尊敬的{name}，您的车{car.plate}已修好");
        assertThat(ProviderSyntax.ALIYUN.toTemplateBody("验证码${code}", List.of())).isEqualTo("验证码{code}");
    }
}
