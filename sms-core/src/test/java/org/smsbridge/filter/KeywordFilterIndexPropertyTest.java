package org.smsbridge.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Property test: for random texts (surrogate pairs and emoji, combining marks, full-width and
 * math letters, invisible characters, all four scripts) and every normalization option alone,
 * all together and none, every hit lies within the text on whole code points, the original
 * characters of a hit normalize to text containing the keyword, and the mask keeps the length and
 * changes only hit characters.
 */
class KeywordFilterIndexPropertyTest {
    private static final String[] PIECES = {
        "free", "FREE", "ｆｒｅｅ", "𝐟𝐫𝐞𝐞", "fr\u200Bee", "f r e e", "frее", "fr33", "e\u0301", "é", "ß", "ﬁ",
        "δωρεάν", "ΔΩΡΕΑΝ", "δωρεαν", "ς", "Σ", "miễn phí", "MIỄN PHÍ", "mie\u0302\u0303n", "đ", "Đ",
        "免费", "免費", "贷款", "貸款", "😀", "👍🏽", "𠀀", "\u00AD", "\uFEFF", "\u200D", " ", "  ", "\n", ".", "-",
        "a", "x", "İ", "ı", "ﬀ", "㎏", "①", "\uD800", "\uDC00", "class", "classic", "Scunthorpe", "cunt"
    };
    private static final List<String> KEYWORDS = List.of("free", "δωρεάν", "miễn phí", "免费", "贷款", "ss", "fi",
            "class", "cunt", "σς", "kg", "e", "😀", "d");

    static Stream<Arguments> normalizations() {
        Normalization none = Normalization.NONE;
        return Stream.of(
                Arguments.of("none", none),
                Arguments.of("compatibility", none.toBuilder().compatibilityForms(true).build()),
                Arguments.of("case", none.toBuilder().caseFolding(true).build()),
                Arguments.of("accents", none.toBuilder().accentRemoval(true).build()),
                Arguments.of("invisible", none.toBuilder().invisibleRemoval(true).build()),
                Arguments.of("confusables", none.toBuilder().confusableFolding(true).build()),
                Arguments.of("leet", none.toBuilder().leetDigits(true).build()),
                Arguments.of("chinese", none.toBuilder().chineseVariants(true).build()),
                Arguments.of("standard", Normalization.STANDARD),
                Arguments.of("all", Normalization.STANDARD.toBuilder().leetDigits(true).build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("normalizations")
    void hitsLieOnTheOriginalCharactersAndMaskKeepsTheLength(String name, Normalization normalization) {
        KeywordFilter filter = KeywordFilter.builder().addAll(KEYWORDS).addSpaced("cash").addWholeWord("class")
                .allow("Scunthorpe").normalization(normalization).build();
        Random random = new Random(name.hashCode());
        int hitsSeen = 0;
        for (int round = 0; round < 300; round++) {
            String text = randomText(random);
            List<KeywordHit> hits = filter.findAll(text);
            hitsSeen += hits.size();
            assertThat(filter.matches(text)).isEqualTo(!hits.isEmpty());
            for (int i = 0; i < hits.size(); i++) {
                KeywordHit hit = hits.get(i);
                assertThat(hit.end()).isLessThanOrEqualTo(text.length());
                assertThat(Character.isLowSurrogate(text.charAt(hit.start()))
                        && hit.start() > 0 && Character.isHighSurrogate(text.charAt(hit.start() - 1)))
                        .as("hit %s starts inside a surrogate pair of '%s'", hit, text).isFalse();
                assertThat(hit.end() < text.length() && Character.isLowSurrogate(text.charAt(hit.end()))
                        && Character.isHighSurrogate(text.charAt(hit.end() - 1)))
                        .as("hit %s ends inside a surrogate pair of '%s'", hit, text).isFalse();
                String matched = normalization.apply(hit.matchedIn(text));
                if (!hit.keyword().equals("cash")) {
                    assertThat(matched).as("hit %s in '%s'", hit, text)
                            .contains(normalization.apply(hit.keyword()).strip());
                }
                if (i > 0) {
                    KeywordHit prev = hits.get(i - 1);
                    assertThat(prev.start() < hit.start() || prev.start() == hit.start() && prev.end() >= hit.end())
                            .as("sorted: %s", hits).isTrue();
                }
            }
            String masked = filter.mask(text, '*');
            assertThat(masked).hasSameSizeAs(text);
            for (int c = 0; c < text.length(); c++) {
                int at = c;
                boolean inHit = hits.stream().anyMatch(h -> h.start() <= at && at < h.end());
                assertThat(masked.charAt(c)).isEqualTo(inHit ? '*' : text.charAt(c));
            }
        }
        assertThat(hitsSeen).as("the random texts contain hits").isGreaterThan(50);
    }

    private static String randomText(Random random) {
        StringBuilder sb = new StringBuilder();
        int pieces = 1 + random.nextInt(12);
        for (int i = 0; i < pieces; i++) {
            sb.append(PIECES[random.nextInt(PIECES.length)]);
            if (random.nextInt(3) == 0) {
                sb.append(' ');
            }
        }
        return sb.toString();
    }
}
