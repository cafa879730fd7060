package org.smsbridge.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast path records only windows around possible hits (from the char before the longest key
 * that may end there, until no key being read overlaps the last raw hit) and goes on in the fast
 * pass after each. Property: for random texts it reports exactly what recording the whole text
 * reports, with allowed words around hits, whole words, multi-word keys, several hits close
 * together, skipped, expanded and surrogate chars, and every normalization.
 */
class KeywordFilterWindowsTest {
    private static final String[] PIECES = {
        "free", "FREE", "freeway", "fr\u200Bee", "ｆｒｅｅ", "ﬁ", "fi", "𝐟𝐫𝐞𝐞", "\u00AD", "😀",
        "bán", "bạn", "bàn", "ban", "bánh", "miễn phí", "mien phi", "MIỄN", "phí", "vay tiền", "vậy tiền",
        "δωρεάν", "ΔΩΡΕΑΝ", "δώρο", "δωρεα", "ς", "免费", "免費", "贷款", "貸款", "活动", "中奖", "奖励",
        "class", "classic", "ß", "Scunthorpe", "cunt", "scun", "thorpe", "e\u0301", "\u0300",
        " ", " ", "  ", "   ", ",", ".", "!", "\n", "1", "x", "a", "i", "ı", "İ"
    };

    static Stream<Arguments> filters() {
        Normalization noAccents = Normalization.STANDARD.toBuilder().accentRemoval(false).build();
        KeywordFilter.Builder base = KeywordFilter.builder().add("free").add("bán").add("bàn").allow("bạn")
                .add("miễn phí").add("vay tiền").add("δωρεάν").add("免费").add("贷款").add("中奖")
                .allow("活动中奖励").addWholeWord("class").add("cunt").allow("Scunthorpe").add("fi")
                .add("é").allow("free way").add("ban phi").add("ss");
        return Stream.of(
                Arguments.of("standard", base.build()),
                Arguments.of("none", base.normalization(Normalization.NONE).build()),
                Arguments.of("no accent removal", base.normalization(noAccents).build()),
                Arguments.of("whole words", base.normalization(Normalization.STANDARD).wholeWords(true).build()),
                Arguments.of("with a spaced key", base.wholeWords(false).addSpaced("free").build()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("filters")
    void windowsFindWhatRecordingTheWholeTextFinds(String name, KeywordFilter filter) {
        Random random = new Random(7);
        int withHits = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int w = random.nextInt(6); w >= 0; w--) {
                b.append(PIECES[random.nextInt(PIECES.length)]);
            }
            String text = b.toString();
            List<KeywordHit> expected = filter.findAllRecordingEverything(text);
            assertThat(filter.findAll(text)).as(text).isEqualTo(expected);
            assertThat(filter.matches(text)).as(text).isEqualTo(!expected.isEmpty());
            if (!expected.isEmpty()) {
                withHits++;
            }
        }
        assertThat(withHits).as("texts with hits").isBetween(1_000, 19_000);
    }

    @Test
    void anAllowedWordAroundAHitIsRecordedWholeWhenTheHitIsFarIntoALongText() {
        KeywordFilter filter = KeywordFilter.builder().add("cunt").allow("Scunthorpe").add("中奖")
                .allow("活动中奖励").build();
        String filler = "Chúng tôi gửi lời chào. ".repeat(20);
        assertThat(filter.findAll(filler + "Scunthorpe United " + filler + "活动中奖励")).isEmpty();
        String hit = filler + "Scunthorpe cunt " + filler;
        assertThat(filter.findAll(hit)).extracting(KeywordHit::start)
                .containsExactly(filler.length() + "Scunthorpe ".length());
    }

    @Test
    void hitsCloseTogetherAreAllFoundWhetherTheirWindowsTouchOrNot() {
        KeywordFilter filter = KeywordFilter.builder().add("free").add("δωρεάν").addWholeWord("class").build();
        String text = "free free, δωρεάν free class classic freeδωρεάν ... " + "x ".repeat(40) + "free";
        assertThat(filter.findAll(text)).isEqualTo(filter.findAllRecordingEverything(text))
                .extracting(KeywordHit::keyword)
                .containsExactly("free", "free", "δωρεάν", "free", "class", "free", "δωρεάν", "free");
    }
}
