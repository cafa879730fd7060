package org.smsbridge.templates;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code {x:upper}} with a Greek locale. The expected values are ICU4J 76.1's
 * {@code UCharacter.toUpperCase(new ULocale("el"), s)} (its GreekUpper), normalized to NFC.
 */
class GreekCapitalsTest {
    private static final TemplateEngine GREEK = TemplateEngine.builder().locale(Locale.forLanguageTag("el-GR")).build();
    private static final Template UPPER = GREEK.compile("{v:upper}");

    private static String upper(String text) {
        return UPPER.render(Map.of("v", text));
    }

    /** The same text with each precomposed tonos letter replaced by its canonically equivalent oxia letter. */
    private static String withOxia(String text) {
        String tonos = "άέήίόύώΆΈΉΊΌΎΏΐΰ";
        String oxia = "\u1F71\u1F73\u1F75\u1F77\u1F79\u1F7B\u1F7D\u1FBB\u1FC9\u1FCB\u1FDB\u1FF9\u1FEB\u1FFB\u1FD3\u1FE3";
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            int k = tonos.indexOf(c);
            sb.append(k < 0 ? c : oxia.charAt(k));
        }
        return sb.toString();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // a dialytika for the ι or υ after a vowel whose accent is dropped
        "Μάιος|ΜΑΪΟΣ",
        "τσάι|ΤΣΑΪ",
        "ρολόι|ΡΟΛΟΪ",
        "Κάιρο|ΚΑΪΡΟ",
        "άυλος|ΑΫΛΟΣ",
        "κέικ|ΚΕΪΚ",
        "πλάι|ΠΛΑΪ",
        "νεράιδα|ΝΕΡΑΪΔΑ",
        "τρόλεϊ|ΤΡΟΛΕΪ",
        "κορόιδο|ΚΟΡΟΪΔΟ",
        "λάιβ|ΛΑΪΒ",
        "μπόι|ΜΠΟΪ",
        "ΜΆΙΟΣ|ΜΑΪΟΣ",
        "Ο Μάιος είναι ο καλύτερος μήνας|Ο ΜΑΪΟΣ ΕΙΝΑΙ Ο ΚΑΛΥΤΕΡΟΣ ΜΗΝΑΣ",
        "Το τσάι και το κέικ σας περιμένουν|ΤΟ ΤΣΑΪ ΚΑΙ ΤΟ ΚΕΪΚ ΣΑΣ ΠΕΡΙΜΕΝΟΥΝ",
        "Έλα πλάι μου|ΕΛΑ ΠΛΑΪ ΜΟΥ",
        "Ρολόι χειρός σε προσφορά|ΡΟΛΟΪ ΧΕΙΡΟΣ ΣΕ ΠΡΟΣΦΟΡΑ",
        // a written dialytika stays
        "προϊόν|ΠΡΟΪΟΝ",
        "διαΐτα|ΔΙΑΪΤΑ",
        "φαΐ|ΦΑΪ",
        "Μαΐου|ΜΑΪΟΥ",
        "Ραντεβού: Τρίτη 5 Μαΐου, 10:00|ΡΑΝΤΕΒΟΥ: ΤΡΙΤΗ 5 ΜΑΪΟΥ, 10:00",
        // accents dropped, diphthongs and other vowel pairs left alone
        "Καλημέρα|ΚΑΛΗΜΕΡΑ",
        "ΚΑΛΗΜΈΡΑ|ΚΑΛΗΜΕΡΑ",
        "Εύη|ΕΥΗ",
        "Ιούνιος|ΙΟΥΝΙΟΣ",
        "Ιούλιος|ΙΟΥΛΙΟΣ",
        "ευχαριστούμε|ΕΥΧΑΡΙΣΤΟΥΜΕ",
        "παραλαβή|ΠΑΡΑΛΑΒΗ",
        "αυτοκίνητο|ΑΥΤΟΚΙΝΗΤΟ",
        "χάος|ΧΑΟΣ",
        "Πειραιάς|ΠΕΙΡΑΙΑΣ",
        "ευρώ|ΕΥΡΩ",
        "Το δέμα σας είναι έτοιμο για παραλαβή|ΤΟ ΔΕΜΑ ΣΑΣ ΕΙΝΑΙ ΕΤΟΙΜΟ ΓΙΑ ΠΑΡΑΛΑΒΗ",
        "Ευχαριστούμε για την προτίμηση!|ΕΥΧΑΡΙΣΤΟΥΜΕ ΓΙΑ ΤΗΝ ΠΡΟΤΙΜΗΣΗ!",
        "'Αγαπητέ πελάτη, το αυτοκίνητό σας είναι έτοιμο'|'ΑΓΑΠΗΤΕ ΠΕΛΑΤΗ, ΤΟ ΑΥΤΟΚΙΝΗΤΟ ΣΑΣ ΕΙΝΑΙ ΕΤΟΙΜΟ'",
        "Κωδικός: 1234. Ισχύει για 5 λεπτά|ΚΩΔΙΚΟΣ: 1234. ΙΣΧΥΕΙ ΓΙΑ 5 ΛΕΠΤΑ",
        // the disjunctive ή ("or") alone keeps its tonos
        "ΝΑΙ ή ΟΧΙ|ΝΑΙ Ή ΟΧΙ",
        "Ναι ή όχι;|ΝΑΙ Ή ΟΧΙ;",
        "σήμερα ή αύριο|ΣΗΜΕΡΑ Ή ΑΥΡΙΟ",
        "Αθήνα ή Θεσσαλονίκη|ΑΘΗΝΑ Ή ΘΕΣΣΑΛΟΝΙΚΗ",
        "(ή)|(Ή)",
        "ή.|Ή.",
        "ή|Ή",
        "Ή|Ή",
        "ἢ|Ή",
        // other scripts keep their accents; a iota subscript becomes a capital iota
        "Café Νίκος|CAFÉ ΝΙΚΟΣ",
        "Καλημέρα κυρία Nguyễn|ΚΑΛΗΜΕΡΑ ΚΥΡΙΑ NGUYỄN",
        "ᾳ|ΑΙ",
    })
    void writesGreekCapitalsAsIcuDoes(String text, String expected) {
        assertThat(upper(text)).isEqualTo(expected);
        assertThat(upper(Normalizer.normalize(text, Normalizer.Form.NFD))).as("typed in NFD").isEqualTo(expected);
        assertThat(upper(withOxia(text))).as("with oxia letters").isEqualTo(expected);
        assertThat(Normalizer.isNormalized(expected, Normalizer.Form.NFC)).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"παραλαβή", "xή", "ή's", "ήδη", "ή.Α"})
    void dropsTheTonosOfAnEtaInsideAWord(String text) {
        assertThat(upper(text)).doesNotContain("Ή");
    }

    @Test
    void addsADialytikaAfterAnyAccentedVowelAsIcuDoes() {
        // not only after α, ε, ο, υ (before ι) and α, ε, η, ο (before υ): ICU's GreekUpper adds it
        // after every vowel whose accent it drops
        assertThat(upper("ώι")).isEqualTo("ΩΪ");
        assertThat(upper("ήυ")).isEqualTo("ΗΫ");
        assertThat(upper("άει")).isEqualTo("ΑΕΙ");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"hello world", "Nguye\u0302\u0303n", "王伟先生", "istanbul", "straße", "μαρια", "ΜΑΡΙΑ"})
    void upperCasesTextWithoutGreekAccentsAsTheJdkDoes(String text) {
        assertThat(upper(text)).isEqualTo(text.toUpperCase(Locale.forLanguageTag("el-GR")));
    }

    @Test
    void keepsTheJdkCaseMappingForOtherLocales() {
        TemplateEngine english = TemplateEngine.builder().locale(Locale.US).build();
        assertThat(english.render("{v:upper}", Map.of("v", "Μάιος ή"))).isEqualTo("ΜΆΙΟΣ Ή");
    }
}
