package org.smsbridge.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every evasion trick of the issue, in each of the four scripts, is caught with the standard normalization. */
class KeywordFilterEvasionTest {
    private static final KeywordFilter FILTER = KeywordFilter.builder()
            .add("free").add("δωρεάν").add("miễn phí").add("免费").add("贷款").add("đăng ký").add("αγορά")
            .addSpaced("cash").addSpaced("κέρδος").addSpaced("trúng thưởng").addSpaced("发票")
            .build();

    static Stream<Arguments> disguises() {
        return Stream.of(
                // trick, text, keyword, disguised span
                Arguments.of("full width", "Get it ＦＲＥＥ now", "free", "ＦＲＥＥ"),
                Arguments.of("full width", "Όλα ΔΩΡΕΆΝ σήμερα", "δωρεάν", "ΔΩΡΕΆΝ"),
                Arguments.of("full width", "Ｍｉễｎ ｐｈí hôm nay", "miễn phí", "Ｍｉễｎ ｐｈí"),
                Arguments.of("full width", "点击领取免费礼品", "免费", "免费"),
                Arguments.of("math letters", "Get 𝐟𝐫𝐞𝐞 stuff", "free", "𝐟𝐫𝐞𝐞"),
                Arguments.of("math letters", "Totally 𝓕𝓡𝓔𝓔 stuff", "free", "𝓕𝓡𝓔𝓔"),
                Arguments.of("case", "Get it FrEe now", "free", "FrEe"),
                Arguments.of("case", "ΔΩΡΕΑΝ ΜΕΤΑΦΟΡΙΚΑ", "δωρεάν", "ΔΩΡΕΑΝ"),
                Arguments.of("case", "MIỄN PHÍ vận chuyển", "miễn phí", "MIỄN PHÍ"),
                Arguments.of("traditional", "立即申請免費貸款", "贷款", "貸款"),
                Arguments.of("traditional", "立即申請免費貸款", "免费", "免費"),
                Arguments.of("accents removed", "Get it frée now", "free", "frée"),
                Arguments.of("accents removed", "Σήμερα δωρεαν", "δωρεάν", "δωρεαν"),
                Arguments.of("accents removed", "mien phi van chuyen", "miễn phí", "mien phi"),
                Arguments.of("accents added", "Get it fŕëê now", "free", "fŕëê"),
                Arguments.of("d with stroke", "Hãy dang ky ngay", "đăng ký", "dang ky"),
                Arguments.of("d with stroke", "ĐĂNG KÝ ngay", "đăng ký", "ĐĂNG KÝ"),
                Arguments.of("zero-width space", "Get it fr\u200Bee now", "free", "fr\u200Bee"),
                Arguments.of("zero-width joiner", "δωρ\u200Dεάν σήμερα", "δωρεάν", "δωρ\u200Dεάν"),
                Arguments.of("soft hyphen", "mi\u00ADễn p\u00ADhí nhé", "miễn phí", "mi\u00ADễn p\u00ADhí"),
                Arguments.of("zero-width non-joiner", "免\u200C费领取", "免费", "免\u200C费"),
                Arguments.of("byte-order mark", "fr\uFEFFee gift", "free", "fr\uFEFFee"),
                Arguments.of("spaced", "Win c a s h today", "cash", "c a s h"),
                Arguments.of("dotted", "Win c.a.s.h today", "cash", "c.a.s.h"),
                Arguments.of("spaced", "Μεγάλο κ-έ-ρ-δ-ο-ς τώρα", "κέρδος", "κ-έ-ρ-δ-ο-ς"),
                Arguments.of("spaced", "Bạn đã t r ú n g t h ư ở n g", "trúng thưởng", "t r ú n g t h ư ở n g"),
                Arguments.of("spaced", "代开 发 票 联系", "发票", "发 票"),
                Arguments.of("cyrillic look-alikes", "Get it frее now", "free", "frее"),
                Arguments.of("cyrillic look-alikes", "Win саsh now", "cash", "саsh"),
                Arguments.of("greek look-alikes", "GET IT FRΕΕ NOW", "free", "FRΕΕ"),
                Arguments.of("latin look-alikes", "Σήμερα δωpεάν", "δωρεάν", "δωpεάν"),
                Arguments.of("final sigma", "Μεγάλο κέρδοσ", "κέρδος", "κέρδοσ"),
                Arguments.of("final sigma upper", "ΜΕΓΑΛΟ ΚΕΡΔΟΣ", "κέρδος", "ΚΕΡΔΟΣ"),
                Arguments.of("simplified in traditional text", "開發票請聯繫", "发票", "發票"),
                // decomposed text: the accent of the last letter follows it and belongs to the hit
                Arguments.of("decomposed (NFD)", nfd("Ưu đãi MIỄN PHÍ hôm nay"), "miễn phí", nfd("MIỄN PHÍ")),
                Arguments.of("decomposed (NFD)", nfd("Μεγάλη αγορά σήμερα"), "αγορά", nfd("αγορά")),
                Arguments.of("decomposed (NFD)", nfd("Get it freé now"), "free", nfd("freé")),
                Arguments.of("decomposed (NFD)", nfd("Hãy đăng ký ngay"), "đăng ký", nfd("đăng ký")));
    }

    private static String nfd(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("disguises")
    void catchesDisguisedKeyword(String trick, String text, String keyword, String span) {
        assertThat(FILTER.findAll(text))
                .as(trick)
                .anySatisfy(hit -> {
                    assertThat(hit.keyword()).isEqualTo(keyword);
                    assertThat(hit.matchedIn(text)).isEqualTo(span);
                });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("disguises")
    void masksExactlyTheDisguisedSpan(String trick, String text, String keyword, String span) {
        String masked = FILTER.mask(text, '*');
        int at = text.indexOf(span);
        assertThat(masked).hasSameSizeAs(text);
        assertThat(masked.substring(at, at + span.length())).matches("\\*+");
    }

    static Stream<Arguments> leet() {
        return Stream.of(
                Arguments.of("fr33 stuff", "free"),
                Arguments.of("FR3E stuff", "free"),
                Arguments.of("c@$h now", "cash"),
                Arguments.of("m13n phí", "miễn phí"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leet")
    void catchesDigitsUsedAsLettersWhenLeetDigitsIsOn(String text, String keyword) {
        KeywordFilter leet = KeywordFilter.builder().add("free").add("cash").add("miễn phí")
                .normalization(Normalization.STANDARD.toBuilder().leetDigits(true).build()).build();
        assertThat(leet.findAll(text)).extracting(KeywordHit::keyword).containsExactly(keyword);
        KeywordFilter standard = KeywordFilter.builder().add("free").add("cash").add("miễn phí").build();
        assertThat(standard.findAll(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguises")
    void findsNothingDisguisedWithoutNormalization(String trick, String text, String keyword, String span) {
        KeywordFilter exact = KeywordFilter.builder().add(keyword).normalization(Normalization.NONE).build();
        assertThat(exact.matches(text)).isEqualTo(text.contains(keyword));
    }
}
