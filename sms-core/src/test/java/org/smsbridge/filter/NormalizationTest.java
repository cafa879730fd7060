package org.smsbridge.filter;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NormalizationTest {
    private static final Normalization NONE = Normalization.NONE;

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ＦＲＥＥ, ＦＲＥＥ, FREE",
        "𝐟𝐫𝐞𝐞, 𝐟𝐫𝐞𝐞, free",
        "ﬁ ①, ﬁ ①, fi 1",
        "㎏, ㎏, kg"
    })
    void compatibilityFormsFoldWidthAndStyles(String text, String unchanged, String folded) {
        assertThat(NONE.apply(text)).isEqualTo(unchanged);
        assertThat(NONE.toBuilder().compatibilityForms(true).build().apply(text)).isEqualTo(folded);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "FREE, free",
        "ΣΟΦΟΣ, σοφοσ",
        "σοφός, σοφόσ",
        "İstanbul, istanbul",
        "ıIiİ, iiii",
        "STRASSE Straße, strasse strasse",
        "MIỄN PHÍ, miễn phí",
        "ПРИВЕТ, привет"
    })
    void caseFoldingCoversEveryScript(String text, String folded) {
        assertThat(NONE.toBuilder().caseFolding(true).build().apply(text)).isEqualTo(folded);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "δωρεάν, δωρεαν",
        "Ϊ ΐ, Ι ι",
        "miễn phí đồng, mien phi dong",
        "Đà Nẵng, Da Nang",
        "café naïve Łódź, cafe naive Lodz",
        "e\u0301, e",
        "ёж, еж",
        "한국어 がぎ, 한국어 がぎ"
    })
    void accentRemovalStripsAccentsAndTonesButKeepsOtherScripts(String text, String stripped) {
        assertThat(NONE.toBuilder().accentRemoval(true).build().apply(text)).isEqualTo(stripped);
    }

    @Test
    void invisibleRemovalSkipsInvisiblesAndCollapsesWhiteSpace() {
        Normalization n = NONE.toBuilder().invisibleRemoval(true).build();
        assertThat(n.apply("f\u200Br\u200Ce\u200De\u00AD\uFEFF\u2060")).isEqualTo("free");
        assertThat(n.apply("a \t\n\u00A0\u3000 b")).isEqualTo("a b");
        assertThat(n.apply("\u0600")).isEqualTo("\u0600");
    }

    @Test
    void confusableFoldingMapsGreekAndCyrillicLookAlikesToLatin() {
        Normalization n = NONE.toBuilder().confusableFolding(true).build();
        assertThat(n.apply("frее саsh")).isEqualTo("free cash");
        assertThat(n.apply("ΗΕLLΟ")).isEqualTo("HELLO");
        assertThat(n.apply("δω")).isEqualTo("δω");
    }

    @Test
    void leetDigitsMapDigitsToLetters() {
        assertThat(NONE.toBuilder().leetDigits(true).build().apply("fr33 c@$h 0715")).isEqualTo("free cash otis");
    }

    @Test
    void chineseVariantsFoldTraditionalToSimplified() {
        Normalization n = NONE.toBuilder().chineseVariants(true).build();
        assertThat(n.apply("免費貸款 發票")).isEqualTo("免费贷款 发票");
        assertThat(n.apply("免费")).isEqualTo("免费");
    }

    @Test
    void standardTurnsOnEverythingButLeetDigits() {
        Normalization s = Normalization.STANDARD;
        assertThat(s.compatibilityForms()).isTrue();
        assertThat(s.caseFolding()).isTrue();
        assertThat(s.accentRemoval()).isTrue();
        assertThat(s.invisibleRemoval()).isTrue();
        assertThat(s.confusableFolding()).isTrue();
        assertThat(s.chineseVariants()).isTrue();
        assertThat(s.leetDigits()).isFalse();
        assertThat(s.chineseVariantTable()).isSameAs(ChineseVariants.builtIn());
        assertThat(s.apply("ＦＲＥＥ Miễn phí")).isEqualTo("free mien phi");
    }

    @Test
    void noneChangesNothing() {
        String text = "ＦＲＥＥ Ϊ\u200B 免費 fr33";
        assertThat(Normalization.NONE.apply(text)).isEqualTo(text);
    }

    @Test
    void equalsAndToBuilderRoundTrip() {
        Normalization copy = Normalization.STANDARD.toBuilder().build();
        assertThat(copy).isEqualTo(Normalization.STANDARD).hasSameHashCodeAs(Normalization.STANDARD);
        assertThat(copy.toBuilder().leetDigits(true).build()).isNotEqualTo(Normalization.STANDARD);
        assertThat(Normalization.STANDARD.toString()).contains("caseFolding=true", "leetDigits=false");
    }
}
