package org.smsbridge.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmsTextTest {

    @Test
    void plainAsciiOf160CharactersIsOneGsmSegment() {
        SegmentInfo info = SmsText.analyze("a".repeat(160));
        assertThat(info.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(info.segments()).isEqualTo(1);
        assertThat(info.charactersUsed()).isEqualTo(160);
        assertThat(info.charactersLeftInSegment()).isZero();
    }

    @Test
    void gsmTextOf161CharactersTakesTwoSegmentsOf153() {
        SegmentInfo info = SmsText.analyze("a".repeat(161));
        assertThat(info.segments()).isEqualTo(2);
        assertThat(info.charactersLeftInSegment()).isEqualTo(153 * 2 - 161);
        assertThat(SmsText.split("a".repeat(161))).extracting(String::length).containsExactly(153, 8);
    }

    @Test
    void gsmTextOf306CharactersFillsExactlyTwoParts() {
        assertThat(SmsText.analyze("b".repeat(306)).segments()).isEqualTo(2);
        assertThat(SmsText.analyze("b".repeat(307)).segments()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"€", "[", "]", "{", "}", "\\", "~", "^", "|", "\f"})
    void extensionCharactersCountTwoSeptets(String c) {
        SegmentInfo info = SmsText.analyze(c);
        assertThat(info.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(info.charactersUsed()).isEqualTo(2);
    }

    @Test
    void eightyEuroSignsFillOneSegmentAndEightyOneDoNot() {
        assertThat(SmsText.analyze("€".repeat(80)).segments()).isEqualTo(1);
        assertThat(SmsText.analyze("€".repeat(81)).segments()).isEqualTo(2);
    }

    @Test
    void splitNeverSeparatesAnEscapeFromItsCharacter() {
        // 152 plain characters, then '[' (2 septets) would straddle the 153-septet boundary.
        String text = "a".repeat(152) + "[" + "b".repeat(20);
        List<String> parts = SmsText.split(text);
        assertThat(parts.get(0)).isEqualTo("a".repeat(152));
        assertThat(parts.get(1)).startsWith("[");
        assertThat(String.join("", parts)).isEqualTo(text);
    }

    @Test
    void escapeAtPartBoundaryCanAddASegment() {
        // 153*2 = 306 septets would fit two parts, but an extension character at the boundary moves.
        String text = "a".repeat(152) + "€" + "a".repeat(152);
        SegmentInfo info = SmsText.analyze(text);
        assertThat(info.charactersUsed()).isEqualTo(306);
        assertThat(info.segments()).isEqualTo(3);
    }

    @Test
    void anyNonGsmCharacterMakesTheWholeTextUcs2() {
        SegmentInfo info = SmsText.analyze("Your car is ready ✓");
        assertThat(info.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(info.nonGsmCharacters()).containsExactly("✓");
    }

    @Test
    void ucs2TextOf70UnitsIsOneSegmentAnd71IsTwo() {
        assertThat(SmsText.analyze("你".repeat(70)).segments()).isEqualTo(1);
        SegmentInfo two = SmsText.analyze("你".repeat(71));
        assertThat(two.segments()).isEqualTo(2);
        assertThat(two.charactersLeftInSegment()).isEqualTo(67 * 2 - 71);
    }

    @Test
    void emojiCountsTwoUnits() {
        SegmentInfo info = SmsText.analyze("😀");
        assertThat(info.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(info.charactersUsed()).isEqualTo(2);
        assertThat(info.nonGsmCharacters()).containsExactly("😀");
    }

    @Test
    void splitNeverBreaksASurrogatePairAtAPartBoundary() {
        // 66 units, then an emoji (2 units) straddles the 67-unit boundary.
        String text = "ά".repeat(66) + "😀" + "ά".repeat(10);
        List<String> parts = SmsText.split(text);
        assertThat(parts.get(0)).isEqualTo("ά".repeat(66));
        assertThat(parts.get(1)).startsWith("😀");
        for (String p : parts) {
            assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
            assertThat(Character.isHighSurrogate(p.charAt(p.length() - 1))).isFalse();
        }
    }

    @Test
    void greekCapitalsFromTheGsmTableStayGsm() {
        // ΔΦΓΛΩΠΨΣΘΞ are in the GSM basic table; the rest of the Greek capitals look like Latin ones.
        assertThat(SmsText.analyze("ΔΦΓΛΩΠΨΣΘΞ").encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(SmsText.analyze("Το αυτοκίνητό σας είναι έτοιμο").encoding()).isEqualTo(Encoding.UCS_2);
    }

    @Test
    void vietnameseWithTonesIsUcs2AndCountsEveryUnit() {
        String text = "Xe của quý khách đã sửa xong";
        SegmentInfo info = SmsText.analyze(text);
        assertThat(info.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(info.charactersUsed()).isEqualTo(text.length());
    }

    @Test
    void emptyTextTakesNoSegment() {
        SegmentInfo info = SmsText.analyze("");
        assertThat(info.segments()).isZero();
        assertThat(info.charactersLeftInSegment()).isEqualTo(160);
        assertThat(SmsText.split("")).isEmpty();
    }

    @Test
    void smartEncodingReplacesTypographicLookAlikesWhenThatMakesTheTextGsm() {
        String text = "It’s “ready” – pick it up…\u00A0today";
        SegmentInfo plain = SmsText.analyze(text);
        SegmentInfo smart = SmsText.analyze(text, true);
        assertThat(plain.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(smart.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(smart.text()).isEqualTo("It's \"ready\" - pick it up... today");
        assertThat(smart.smartReplacements()).isEqualTo(6);
    }

    @Test
    void smartEncodingLeavesTextThatStaysUcs2ExactlyAsWritten() {
        String text = "Xin chào “anh” 👨‍👩‍👧";
        SegmentInfo smart = SmsText.analyze(text, true);
        assertThat(smart.text()).isEqualTo(text);
        assertThat(smart.smartReplacements()).isZero();
    }

    @Test
    void smartEncodingNeverNeedsMorePartsThanTheTextAsWritten() {
        String ellipses = "\u2026".repeat(69); // 1 UCS-2 part as written; 207 septets (2 parts) as dots
        SegmentInfo info = SmsText.analyze(ellipses, true);
        assertThat(info.segments()).isEqualTo(1);
        assertThat(info.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(info.text()).isEqualTo(ellipses);
        SegmentInfo fewer = SmsText.analyze("\u2026".repeat(20), true);
        assertThat(fewer.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(fewer.text()).isEqualTo("...".repeat(20));
    }

    @Test
    void smartEncodingNeverChangesLetters() {
        String greek = "Καλημέρα";
        assertThat(SmsText.analyze(greek, true).text()).isEqualTo(greek);
    }

    @Test
    void summaryReadsLikeAUserInterfaceCounter() {
        assertThat(SmsText.analyze("a".repeat(200)).summary()).isEqualTo("2 SMS · GSM-7 · 106 left");
    }

    static Stream<Arguments> randomTexts() {
        Random random = new Random(42);
        String[] alphabets = {"abc DEF 123.,!", "€[]{}~^|\\abc", "Καλημέρα σας ", "你好，您的车已修好", "Tiếng Việt có dấu",
                "😀👍🏽✓ab"};
        return Stream.generate(() -> {
            String alphabet = alphabets[random.nextInt(alphabets.length)];
            int[] cps = alphabet.codePoints().toArray();
            StringBuilder s = new StringBuilder();
            int n = random.nextInt(700);
            for (int i = 0; i < n; i++) {
                s.appendCodePoint(cps[random.nextInt(cps.length)]);
            }
            return Arguments.of(s.toString());
        }).limit(300);
    }

    @ParameterizedTest
    @MethodSource("randomTexts")
    void splitPartsRejoinToTheTextAndFitTheirCapacity(String text) {
        SegmentInfo info = SmsText.analyze(text);
        List<String> parts = SmsText.split(text);
        assertThat(String.join("", parts)).isEqualTo(text);
        assertThat(parts).hasSize(info.segments());
        if (parts.size() > 1) {
            int capacity = info.encoding().multiSegmentCapacity();
            for (String p : parts) {
                int units = info.encoding() == Encoding.GSM_7 ? SmsText.analyze(p).charactersUsed() : p.length();
                assertThat(units).isLessThanOrEqualTo(capacity);
                assertThat(Character.isLowSurrogate(p.charAt(0))).isFalse();
            }
        }
    }

    @Test
    void nonGsmCharactersAreDistinctInOrderOfFirstAppearance() {
        SegmentInfo info = SmsText.analyze("尊敬的王先生，您的爱车已保养完毕。尊敬的 Γιώργο 😀 Tiến 😀 ✓✓");
        assertThat(info.nonGsmCharacters()).startsWith("尊", "敬", "的", "王", "先", "生", "，")
                .doesNotHaveDuplicates()
                .contains("ώ", "😀", "ế", "✓")
                .doesNotContain("T", " ", "i", "n", "Γ");
        assertThat(info.nonGsmCharacters().indexOf("😀")).isLessThan(info.nonGsmCharacters().indexOf("ế"));
    }

    @Test
    void nonGsmCharactersStartAfterALongGsmPrefixAndCannotBeChanged() {
        SegmentInfo info = SmsText.analyze("Dear customer, your car is ready. Αγαπητέ πελάτη. Xin chào.");
        assertThat(info.nonGsmCharacters()).containsExactly("Α", "γ", "α", "π", "η", "τ", "έ", "ε", "λ", "ά")
                .isSameAs(info.nonGsmCharacters());
        assertThatThrownBy(() -> info.nonGsmCharacters().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(info).isEqualTo(SmsText.analyze("Dear customer, your car is ready. Αγαπητέ πελάτη. Xin chào."))
                .hasSameHashCodeAs(SmsText.analyze("Dear customer, your car is ready. Αγαπητέ πελάτη. Xin chào."));
        assertThat(info.toString()).contains("nonGsm=[Α, γ, α");
    }

    @Test
    void segmentCountAndRoomLeftAgreeWithSplitForRandomTexts() {
        String alphabet = "abc XYZ 0123 €[]{}^~|\\ Γιώργο 尊敬的王先生 Tiến 😀👍🏽";
        int[] points = alphabet.codePoints().toArray();
        Random random = new Random(7);
        for (int round = 0; round < 2_000; round++) {
            StringBuilder b = new StringBuilder();
            int length = random.nextInt(700);
            boolean gsmOnly = random.nextBoolean();
            while (b.length() < length) {
                int cp = points[random.nextInt(points.length)];
                if (!gsmOnly || SmsText.isGsm7(Character.toString(cp))) {
                    b.appendCodePoint(cp);
                }
            }
            String text = b.toString();
            SegmentInfo info = SmsText.analyze(text);
            List<String> parts = SmsText.split(text);
            assertThat(info.segments()).as(text).isEqualTo(parts.size());
            if (parts.size() > 1) {
                int lastUnits = info.encoding() == Encoding.GSM_7
                        ? parts.get(parts.size() - 1).chars().map(c -> SmsText.isGsm7(String.valueOf((char) c))
                                && "€[]{}^~|\\\f".indexOf(c) >= 0 ? 2 : 1).sum()
                        : parts.get(parts.size() - 1).length();
                assertThat(info.charactersLeftInSegment()).as(text).isEqualTo(info.encoding().multiSegmentCapacity() - lastUnits);
            }
        }
    }
}
