package org.smsbridge.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Removing accents catches a keyword written without them, but Vietnamese tones (and other accents)
 * tell words apart: a text that writes different ones is a different word, not a disguise.
 */
class KeywordFilterTonesTest {
    private static final KeywordFilter FILTER = KeywordFilter.builder()
            .add("bán").add("quà tặng").add("cờ bạc").add("δωρεάν").add("free").build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Chào bạn, cảm ơn bạn đã ghé thăm",           // bạn (friend) is not bán (to sell)
        "Cửa hàng ở tầng 2, quà tầng trệt",           // tầng (floor) is not tặng (to give)
        "Chú bác và cô bạn đều đến",                   // bác, bạn: other tones than in cờ bạc
        "Ông ấy bàn chuyện cả ngày",                   // bàn (to discuss) is not bán
    })
    void ordinaryVietnameseWithOtherTonesDoesNotHit(String text) {
        assertThat(FILTER.findAll(text)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Nhà mình bán xe|bán|bán",
        "Nha minh ban xe|bán|ban",                    // tones left out: a disguise
        "NHÀ MÌNH BÁN XE|bán|BÁN",
        "Nhận quà tặng ngay|quà tặng|quà tặng",
        "Nhan qua tang ngay|quà tặng|qua tang",
        "Nhận quà tăng ngay|quà tặng|quà tăng",       // the breve kept, the tone left out
        "Chơi cờ bạc online|cờ bạc|cờ bạc",
        "Σήμερα ΔΩΡΕΑΝ|δωρεάν|ΔΩΡΕΑΝ",
        "Σήμερα δώρεαν|δωρεάν|δώρεαν",                // accent on another letter: each letter agrees
        "Get it frée now|free|frée",                  // accents added to a word without any
    })
    void keywordsWithMissingOrAddedAccentsStillHit(String text, String keyword, String span) {
        assertThat(FILTER.findAll(text)).singleElement().satisfies(hit -> {
            assertThat(hit.keyword()).isEqualTo(keyword);
            assertThat(hit.matchedIn(text)).isEqualTo(span);
        });
    }

    @Test
    void decomposedTextIsJudgedByItsAccentsToo() {
        String sell = Normalizer.normalize("Nhà mình bán xe", Normalizer.Form.NFD);
        String friend = Normalizer.normalize("Chào bạn", Normalizer.Form.NFD);
        assertThat(FILTER.findAll(sell)).extracting(KeywordHit::keyword).containsExactly("bán");
        assertThat(FILTER.findAll(friend)).isEmpty();
    }

    @Test
    void anAllowedWordWithOtherTonesDoesNotHideTheBlockedOne() {
        KeywordFilter filter = KeywordFilter.builder().add("bán").allow("bạn").build();
        assertThat(filter.findAll("Nhà mình bán xe")).extracting(KeywordHit::keyword).containsExactly("bán");
        assertThat(filter.findAll("Chào bạn")).isEmpty();
        assertThat(filter.findAll("Chao ban")).as("no tones: could be either; the allowed word wins").isEmpty();
    }

    @Test
    void anAllowedWordWithAccentsDoesNotHideTheKeywordWrittenExactly() {
        // allow("loạn") (chaos) is how a user stops English "loan" hitting Vietnamese text; it must
        // not let "loan" itself through, nor "cho vay" (to lend) when "cho vậy" (so) is allowed
        KeywordFilter filter = KeywordFilter.builder().add("loan").allow("loạn").add("cho vay").allow("cho vậy").build();
        assertThat(filter.findAll("Cash LOAN, payday loan")).extracting(KeywordHit::keyword)
                .containsExactly("loan", "loan");
        assertThat(filter.findAll("Công ty cho vay lãi suất thấp")).extracting(KeywordHit::keyword)
                .containsExactly("cho vay");
        assertThat(filter.findAll("Giao thông hỗn loạn vì mưa")).isEmpty();
        assertThat(filter.findAll("Cho vậy nên em xin nghỉ")).isEmpty();
        assertThat(filter.findAll(Normalizer.normalize("Giao thông hỗn loạn", Normalizer.Form.NFD))).isEmpty();
        assertThat(filter.findAll("Cash ｌｏａｎ")).as("full-width letters carry no accents").hasSize(1);
    }

    @Test
    void anAllowedWordStillHidesTheKeywordsInsideIt() {
        KeywordFilter filter = KeywordFilter.builder().add("cunt").allow("Scunthorpe").build();
        assertThat(filter.findAll("Scunthorpe United")).isEmpty();
        assertThat(filter.findAll("SCÚNTHORPE United")).as("agrees with the allowed word; the keyword is not exact").isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Σήμερα δωρεὰν μεταφορικά|δωρεὰν",                    // varia (grave), polytonic spelling
        "Σήμερα δωρεᾶν μεταφορικά|δωρεᾶν",                    // perispomeni (circumflex)
        "Σήμερα δωρε\u03B1\u0341ν μεταφορικά|δωρε\u03B1\u0341ν", // U+0341 is U+0301
        "Σήμερα δωρε\u03B1\u0300ν μεταφορικά|δωρε\u03B1\u0300ν", // decomposed varia
    })
    void greekStressAccentsOfPolytonicSpellingAreTheTonos(String escaped, String escapedSpan) {
        String text = unescape(escaped);
        assertThat(FILTER.findAll(text)).singleElement().satisfies(hit -> {
            assertThat(hit.keyword()).isEqualTo("δωρεάν");
            assertThat(hit.matchedIn(text)).isEqualTo(unescape(escapedSpan));
        });
    }

    @Test
    void aGreekWordWithTheStressOnAnotherLetterIsStillTheKeywordButVietnameseGraveIsAnotherTone() {
        assertThat(FILTER.findAll("Σήμερα δὼρεαν")).hasSize(1); // accent on another letter, as δώρεαν
        assertThat(FILTER.findAll("Ông ấy bàn chuyện")).isEmpty(); // grave on Latin letters stays a tone
    }

    private static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("\\u", i)) {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                sb.append(s.charAt(i));
            }
        }
        return sb.toString();
    }

    @Test
    void twoBlockedWordsWithTheSameLettersAreReportedAsWritten() {
        KeywordFilter filter = KeywordFilter.builder().add("bán").add("bàn").build();
        assertThat(filter.findAll("cái bàn gỗ")).extracting(KeywordHit::keyword).containsExactly("bàn");
        assertThat(filter.findAll("đang bán gỗ")).extracting(KeywordHit::keyword).containsExactly("bán");
        assertThat(filter.findAll("dang ban go")).hasSize(1);
        assertThat(filter.mask("cái bàn gỗ", '*')).isEqualTo("cái *** gỗ");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "Anh ấy bắn súng|bán",                          // ă is another letter than a: bắn (to shoot)
        "vậy tiền cọc thì sao|vay tiền",                // vậy (so) is not vay (to borrow)
        "đắt quá|dắt",                                  // đ is another letter than d
    })
    void lettersWithOtherLetterMarksAreOtherLetters(String text, String keyword) {
        assertThat(KeywordFilter.builder().add(keyword).build().findAll(text)).isEmpty();
    }

    @Test
    void keywordsOfTwoScriptsThatLookAlikeAreEachFoundInTheirOwnScript() {
        for (KeywordFilter f : List.of(KeywordFilter.builder().add("ΚΙΝΟ").add("KINO").build(),
                KeywordFilter.builder().add("KINO").add("ΚΙΝΟ").build())) {
            assertThat(f.findAll("Play KINO tonight")).extracting(KeywordHit::keyword).containsExactly("KINO");
            assertThat(f.findAll("Παίξτε ΚΙΝΟ απόψε")).extracting(KeywordHit::keyword).containsExactly("ΚΙΝΟ");
        }
        KeywordFilter list = KeywordFilter.builder().addAll(List.of("δωρεάν", "ΚΙΝΟ", "free", "KINO")).build();
        assertThat(list.findAll("Free KINO tickets")).extracting(KeywordHit::keyword).containsExactly("free", "KINO");
        KeywordFilter casino = KeywordFilter.builder().add("καζίνο").add("kazino").build();
        assertThat(casino.findAll("online kazino")).extracting(KeywordHit::keyword).containsExactly("kazino");
        assertThat(casino.findAll("διαδικτυακό καζίνο")).extracting(KeywordHit::keyword).containsExactly("καζίνο");
    }

    @Test
    void anAllowedWordOfAnotherScriptDoesNotHideTheKeyword() {
        KeywordFilter f = KeywordFilter.builder().add("kino").allow("ΚΙΝΟ").build();
        assertThat(f.findAll("Play kino now")).extracting(KeywordHit::keyword).containsExactly("kino");
        assertThat(f.findAll("Παίξτε ΚΙΝΟ")).isEmpty();
    }

    @Test
    void ofKeywordsWithTheSameLettersTheOneWrittenAsInTheTextIsReported() {
        assertThat(KeywordFilter.builder().add("an").add("ăn").build().findAll("ăn"))
                .extracting(KeywordHit::keyword).containsExactly("ăn");
        assertThat(KeywordFilter.builder().add("tô").add("to").build().findAll("to"))
                .extracting(KeywordHit::keyword).containsExactly("to");
        KeywordFilter three = KeywordFilter.builder().add("ban").add("bán").add("bàn").build();
        assertThat(three.findAll("bán bàn ban bạn")).extracting(KeywordHit::keyword)
                .containsExactly("bán", "bàn", "ban", "ban");
        assertThat(KeywordFilter.builder().add("ban").add("bán").allow("bạn").build().findAll("có bán"))
                .extracting(KeywordHit::keyword).containsExactly("bán");
    }

    @Test
    void eachWordKeepsItsOwnWholeWordRuleWhenTheyShareLetters() {
        KeywordFilter f = KeywordFilter.builder().addWholeWord("frée").add("free").build();
        assertThat(f.findAll("freeway")).extracting(KeywordHit::keyword).containsExactly("free");
        assertThat(f.findAll("c'est frée")).extracting(KeywordHit::keyword).containsExactly("frée");
        KeywordFilter g = KeywordFilter.builder().addWholeWord("ban").add("bán").build();
        assertThat(g.findAll("bánh mì")).extracting(KeywordHit::keyword).containsExactly("bán");
        assertThat(g.findAll("banh mi")).extracting(KeywordHit::keyword).containsExactly("bán");
        assertThat(g.findAll("cấm ban nhạc")).extracting(KeywordHit::keyword).containsExactly("ban");
    }

    /**
     * A clean text's near misses (same letters, other tones) are told apart already in the fast
     * first pass, which records only windows around possible hits. Oracle: recording the whole
     * text and checking every raw hit; both must report the same hits.
     */
    @Test
    void theFastPassDecidesNearMissesAsTheFullPassDoes() {
        String[] syllables = {"bán", "bạn", "bàn", "ban", "BÁN", "ba\u0301n", "qua", "quà", "tặng", "tầng", "tăng",
            "tang", "cờ", "cơ", "bạc", "bác", "δωρεάν", "δώρεαν", "ΔΩΡΕΑΝ", "free", "frée", "\u200B", "  ", " ", ",",
            "đ", "d", "miễn", "mien", "phí", "phi", "phì", "ủa", "\u0300", "x", ".", "!", "phin"};
        KeywordFilter filter = KeywordFilter.builder().add("bán").add("bàn").allow("bạn").add("quà tặng")
                .add("cờ bạc").add("δωρεάν").add("free").add("miễn phí").add("免费").addWholeWord("tang")
                .addWholeWord("phi").allow("free x").build();
        java.util.Random random = new java.util.Random(42);
        int hits = 0;
        int clean = 0;
        for (int round = 0; round < 20_000; round++) {
            StringBuilder b = new StringBuilder();
            for (int w = random.nextInt(8); w >= 0; w--) {
                b.append(syllables[random.nextInt(syllables.length)]);
                if (random.nextInt(3) > 0) {
                    b.append(' ');
                }
            }
            String text = b.toString();
            java.util.List<String> alone = filter.findAll(text).stream()
                    .map(h -> h.keyword() + "@" + h.start() + "-" + h.end()).toList();
            java.util.List<String> recordingEverything = filter.findAllRecordingEverything(text).stream()
                    .map(h -> h.keyword() + "@" + h.start() + "-" + h.end()).toList();
            assertThat(alone).as(text).isEqualTo(recordingEverything);
            assertThat(filter.matches(text)).as(text).isEqualTo(!alone.isEmpty());
            if (alone.isEmpty()) {
                clean++;
            } else {
                hits++;
            }
        }
        assertThat(hits).as("texts with hits").isGreaterThan(1_000);
        assertThat(clean).as("clean texts").isGreaterThan(1_000);
    }

    @Test
    void withoutAccentRemovalAccentsMustMatchExactly() {
        KeywordFilter exact = KeywordFilter.builder().add("bán")
                .normalization(Normalization.STANDARD.toBuilder().accentRemoval(false).build()).build();
        assertThat(exact.findAll("Nha minh ban xe")).isEmpty();
        assertThat(exact.findAll("Nhà mình bán xe")).hasSize(1);
    }
}
