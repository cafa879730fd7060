package org.smsbridge.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeywordFilterTest {
    @Test
    void reportsHitsWithOriginalPositionsSortedByStartThenLongestFirst() {
        KeywordFilter filter = KeywordFilter.builder().add("free").add("freedom").add("dom").build();
        List<KeywordHit> hits = filter.findAll("ＦＲＥＥＤＯＭ and free");
        assertThat(hits).containsExactly(
                new KeywordHit("freedom", 0, 7),
                new KeywordHit("free", 0, 4),
                new KeywordHit("dom", 4, 7),
                new KeywordHit("free", 12, 16));
    }

    @Test
    void returnsAnEmptyListAndTheSameTextWhenNothingMatches() {
        KeywordFilter filter = KeywordFilter.builder().add("free").build();
        assertThat(filter.findAll("Your car is ready")).isEmpty();
        assertThat(filter.matches("Your car is ready")).isFalse();
        assertThat(filter.mask("Your car is ready", '*')).isEqualTo("Your car is ready");
    }

    @Test
    void filterWithoutKeywordsNeverMatches() {
        KeywordFilter filter = KeywordFilter.builder().build();
        assertThat(filter.findAll("anything at all 免费")).isEmpty();
    }

    @Test
    void reportsTheKeywordAsListedNotAsNormalized() {
        KeywordFilter filter = KeywordFilter.builder().add("  Miễn Phí ").build();
        assertThat(filter.findAll("mien phi")).extracting(KeywordHit::keyword).containsExactly("Miễn Phí");
        assertThat(filter.keywords()).containsExactly("Miễn Phí");
    }

    @Test
    void ignoresBlankAndDuplicateKeywords() {
        KeywordFilter filter = KeywordFilter.builder().add("free").add(" ").add("").add("free")
                .addAll(List.of("free", "  free  ")).build();
        assertThat(filter.keywords()).containsExactly("free");
        assertThat(filter.findAll("free")).hasSize(1);
    }

    @Test
    void keywordsWithTheSameNormalFormReportTheFirstOnce() {
        KeywordFilter filter = KeywordFilter.builder().add("free").add("FREE").build();
        assertThat(filter.findAll("Free")).containsExactly(new KeywordHit("free", 0, 4));
    }

    @Test
    void rejectsAKeywordThatNormalizesToNothingAndNamesIt() {
        assertThatThrownBy(() -> KeywordFilter.builder().add("free").add("\u200B\u200D").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\\u200B\\u200D")
                .hasMessageContaining("normalizes to nothing");
        assertThatThrownBy(() -> KeywordFilter.builder().addSpaced("...").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'...'");
        assertThatThrownBy(() -> KeywordFilter.builder().allow("\u00AD").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\\u00AD");
    }

    @Test
    void keepsAnInvisibleKeywordWithoutNormalization() {
        KeywordFilter filter = KeywordFilter.builder().add("\u200B").normalization(Normalization.NONE).build();
        assertThat(filter.findAll("a\u200Bb")).containsExactly(new KeywordHit("\u200B", 1, 2));
    }

    @Test
    void wholeWordKeywordDoesNotHitInsideLongerWordsButDoesInCjkText() {
        KeywordFilter filter = KeywordFilter.builder().addWholeWord("class").addWholeWord("δώρο").build();
        assertThat(filter.findAll("classic subclass")).isEmpty();
        assertThat(filter.findAll("a class act")).containsExactly(new KeywordHit("class", 2, 7));
        assertThat(filter.findAll("上class课")).containsExactly(new KeywordHit("class", 1, 6));
        assertThat(filter.findAll("(CLASS)")).hasSize(1);
        assertThat(filter.findAll("δώρα και δωρο!")).containsExactly(new KeywordHit("δώρο", 9, 13));
        assertThat(filter.findAll("δωροεπιταγή")).isEmpty();
    }

    @Test
    void digitsAreWordBoundariesForWholeWordKeywords() {
        // "not a letter" (README): digits glued to a word are a common disguise in spam
        KeywordFilter filter = KeywordFilter.builder().addWholeWord("sex").addWholeWord("vay").build();
        assertThat(filter.findAll("sex18")).containsExactly(new KeywordHit("sex", 0, 3));
        assertThat(filter.findAll("18sex")).containsExactly(new KeywordHit("sex", 2, 5));
        assertThat(filter.findAll("vay50tr")).containsExactly(new KeywordHit("vay", 0, 3));
        assertThat(filter.findAll("Essex sextant")).isEmpty();
    }

    @Test
    void aWholeWordKeywordThatEndsInADigitDoesNotHitInsideALongerNumber() {
        KeywordFilter filter = KeywordFilter.builder().addWholeWord("18").addWholeWord("50k").addWholeWord("k50").build();
        assertThat(filter.findAll("Since 2018, 180 or 1800 shops")).isEmpty();
        assertThat(filter.findAll("150k and k500")).isEmpty();
        assertThat(filter.findAll("Only 18+ or phim18")).extracting(KeywordHit::start).containsExactly(5, 16);
        assertThat(filter.findAll("vay 50k ngay")).extracting(KeywordHit::keyword).containsExactly("50k");
        assertThat(filter.findAll("１８+")).as("full-width digits are digits").hasSize(1);
    }

    @Test
    void leetDigitsAreLettersForWholeWords() {
        KeywordFilter filter = KeywordFilter.builder().addWholeWord("free")
                .normalization(Normalization.STANDARD.toBuilder().leetDigits(true).build()).build();
        assertThat(filter.findAll("fr33")).hasSize(1);
        assertThat(filter.findAll("fr33d0m")).as("fr33d0m is freedom").isEmpty();
    }

    @Test
    void wholeWordsSettingAppliesToEveryKeyword() {
        KeywordFilter filter = KeywordFilter.builder().add("win").add("中奖").wholeWords(true).build();
        assertThat(filter.findAll("window winner")).isEmpty();
        assertThat(filter.findAll("you win")).hasSize(1);
        assertThat(filter.findAll("恭喜中奖了")).hasSize(1);
    }

    @Test
    void plainAddWinsOverWholeWordForTheSameKeyword() {
        KeywordFilter filter = KeywordFilter.builder().addWholeWord("win").add("win").build();
        assertThat(filter.findAll("winner")).hasSize(1);
    }

    @Test
    void allowedWordSuppressesHitsInsideIt() {
        KeywordFilter filter = KeywordFilter.builder().add("cunt").add("free").allow("Scunthorpe").build();
        assertThat(filter.findAll("Scunthorpe United")).isEmpty();
        assertThat(filter.findAll("SCUNTHORPE free cunt")).containsExactly(
                new KeywordHit("free", 11, 15), new KeywordHit("cunt", 16, 20));
        assertThat(filter.allowed()).containsExactly("Scunthorpe");
    }

    @Test
    void allowedWordEqualToAKeywordSuppressesIt() {
        KeywordFilter filter = KeywordFilter.builder().add("free").allow("FREE").build();
        assertThat(filter.matches("free")).isFalse();
    }

    @Test
    void spacedKeywordMatchesSeparatedLettersButNotLettersOfNeighbouringWords() {
        KeywordFilter filter = KeywordFilter.builder().addSpaced("free").build();
        assertThat(filter.findAll("f r e e")).containsExactly(new KeywordHit("free", 0, 7));
        assertThat(filter.findAll("f.r.e.e")).hasSize(1);
        assertThat(filter.findAll("f_r-e*e")).hasSize(1);
        assertThat(filter.findAll("free")).hasSize(1);
        assertThat(filter.findAll("of reed")).isEmpty();
        assertThat(filter.findAll("fr ee")).isEmpty();
    }

    @Test
    void spacedPhraseAllowsAnySeparationBetweenItsWords() {
        KeywordFilter filter = KeywordFilter.builder().addSpaced("free money").build();
        assertThat(filter.findAll("free money")).hasSize(1);
        assertThat(filter.findAll("f r e e m o n e y")).hasSize(1);
        assertThat(filter.findAll("freemoney")).hasSize(1);
    }

    @Test
    void separatorsAreConfigurable() {
        KeywordFilter filter = KeywordFilter.builder().addSpaced("free").separators("#").build();
        assertThat(filter.matches("f#r#e#e")).isTrue();
        assertThat(filter.matches("f.r.e.e")).isFalse();
        assertThatThrownBy(() -> KeywordFilter.builder().separators(".a"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
    }

    @Test
    void plainKeywordDoesNotMatchSeparatedLetters() {
        KeywordFilter filter = KeywordFilter.builder().add("free").build();
        assertThat(filter.matches("f r e e")).isFalse();
    }

    @Test
    void lookAlikeFoldingDoesNotTurnWordsOfAnotherScriptIntoHits() {
        KeywordFilter filter = KeywordFilter.builder().add("tax").add("to").build();
        assertThat(filter.findAll("ταχύτητα")).isEmpty();
        assertThat(filter.findAll("Το σπίτι")).isEmpty();
        assertThat(filter.findAll("tαx")).hasSize(1);
        assertThat(filter.findAll("ТАХ tax")).containsExactly(new KeywordHit("tax", 4, 7));
    }

    @Test
    void masksEveryCharOfEveryHitKeepingTheLength() {
        KeywordFilter filter = KeywordFilter.builder().add("free").add("免费").build();
        String text = "😀 𝐟𝐫𝐞𝐞 免費 free";
        String masked = filter.mask(text, '#');
        assertThat(masked).hasSameSizeAs(text).isEqualTo("😀 ######## ## ####");
    }

    @Test
    void hitsOnSurrogatePairsCoverWholeCodePoints() {
        KeywordFilter filter = KeywordFilter.builder().add("😀").add("𠀀").normalization(Normalization.NONE).build();
        assertThat(filter.findAll("a😀b𠀀")).containsExactly(new KeywordHit("😀", 1, 3), new KeywordHit("𠀀", 4, 6));
    }

    @Test
    void expansionsMapBackToTheirSourceChar() {
        KeywordFilter filter = KeywordFilter.builder().add("strasse").add("fin").build();
        assertThat(filter.findAll("Straße ﬁnal")).containsExactly(
                new KeywordHit("strasse", 0, 6), new KeywordHit("fin", 7, 9));
    }

    @Test
    void whiteSpaceRunsCountAsOneSpace() {
        KeywordFilter filter = KeywordFilter.builder().add("miễn phí").build();
        assertThat(filter.findAll("mien \n\u00A0 phi")).containsExactly(new KeywordHit("miễn phí", 0, 11));
    }

    @Test
    void toBuilderKeepsEverythingAndAddsMore() {
        KeywordFilter base = KeywordFilter.builder().add("free").allow("freedom").addSpaced("cash")
                .normalization(Normalization.NONE).build();
        KeywordFilter more = base.toBuilder().add("loan").build();
        assertThat(more.keywords()).containsExactly("free", "cash", "loan");
        assertThat(more.allowed()).containsExactly("freedom");
        assertThat(more.normalization()).isEqualTo(Normalization.NONE);
        assertThat(more.matches("c a s h")).isTrue();
        assertThat(more.matches("freedom")).isFalse();
        assertThat(base.keywords()).containsExactly("free", "cash");
    }

    @Test
    void rejectsNullArguments() {
        KeywordFilter filter = KeywordFilter.builder().add("free").build();
        assertThatThrownBy(() -> filter.findAll(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> KeywordFilter.builder().add(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> KeywordFilter.builder().normalization(null))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void longTextsAreHandledWithoutRetainingLargeBuffers() {
        KeywordFilter filter = KeywordFilter.builder().add("free").build();
        String text = "x".repeat(100_000) + "free";
        assertThat(filter.findAll(text)).containsExactly(new KeywordHit("free", 100_000, 100_004));
    }

    @Test
    void readmeExampleBehavesAsDocumented(@TempDir Path dir) throws IOException {
        Path words = dir.resolve("carrier-words.txt");
        Files.writeString(words, "# carrier list\nloan\n", StandardCharsets.UTF_8);
        KeywordFilter filter = KeywordFilter.builder()
                .add("免费").add("miễn phí").add("δωρεάν")
                .addAll(words)
                .addSpaced("free")
                .addWholeWord("class")
                .allow("Scunthorpe")
                .normalization(Normalization.STANDARD)
                .build();
        assertThat(filter.findAll("Get it ＦＲＥＥ now")).containsExactly(new KeywordHit("free", 7, 11));
        assertThat(filter.matches("MIỄN PHÍ hôm nay")).isTrue();
        assertThat(filter.mask("ΔΩΡΕΆΝ μεταφορικά", '*')).isEqualTo("****** μεταφορικά");
        assertThat(filter.findAll("a class act 上class课 classic")).hasSize(2);
        assertThat(KeywordFilter.load(words).keywords()).containsExactly("loan");
    }

    @Test
    void toStringSummarizesWithoutListingKeywords() {
        KeywordFilter filter = KeywordFilter.builder().add("secretword").build();
        assertThat(filter.toString()).contains("1 keywords").doesNotContain("secretword");
    }
}
