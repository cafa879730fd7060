package org.smsbridge.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

class ChineseVariantsTest {
    @TempDir
    Path dir;

    @Test
    void builtInTableCoversCommonCharacters() {
        ChineseVariants table = ChineseVariants.builtIn();
        assertThat(table.size()).isGreaterThan(2000);
        assertThat(table.fold("費".codePointAt(0))).isEqualTo("费".codePointAt(0));
        assertThat(table.fold("贷".codePointAt(0))).isEqualTo("贷".codePointAt(0));
        assertThat(table.fold("乾".codePointAt(0))).as("ambiguous characters are left alone")
                .isEqualTo("乾".codePointAt(0));
    }

    @Test
    void frequentTaiwanAndHongKongSpellingsMatchTheSimplifiedKeywords() {
        KeywordFilter filter = KeywordFilter.builder().add("汇款").add("台湾").add("线上赌场").add("众筹").add("周末")
                .add("卫生").build();
        assertThat(filter.findAll("請立即匯款至以下帳號")).extracting(KeywordHit::keyword).containsExactly("汇款");
        assertThat(filter.findAll("請立即滙款")).extracting(KeywordHit::keyword).containsExactly("汇款");
        assertThat(filter.findAll("歡迎來臺灣")).extracting(KeywordHit::keyword).containsExactly("台湾");
        assertThat(filter.findAll("綫上賭場送彩金")).extracting(KeywordHit::keyword).containsExactly("线上赌场");
        assertThat(filter.findAll("參與衆籌")).extracting(KeywordHit::keyword).containsExactly("众筹");
        assertThat(filter.findAll("本週末")).extracting(KeywordHit::keyword).containsExactly("周末");
        assertThat(filter.findAll("衞生署")).extracting(KeywordHit::keyword).containsExactly("卫生");
    }

    @Test
    void loadsAnOpenCcTable() throws IOException {
        Path file = dir.resolve("TSCharacters.txt");
        Files.writeString(file, "# test\n萬\t万\n乾\t乾 干\n臺\t台 苔\nabc\tx\n", StandardCharsets.UTF_8);
        ChineseVariants table = ChineseVariants.load(file);
        assertThat(table.size()).isEqualTo(2);
        KeywordFilter filter = KeywordFilter.builder().add("台湾")
                .normalization(Normalization.STANDARD.toBuilder().chineseVariantTable(table).build()).build();
        assertThat(filter.matches("臺湾")).isTrue();
        assertThat(filter.matches("台灣")).as("灣 is not in this small table").isFalse();
    }

    @Test
    void buildsFromAMap() {
        ChineseVariants table = ChineseVariants.of(Map.of("灣", "湾"));
        assertThat(table.size()).isEqualTo(1);
        assertThat(table).isEqualTo(ChineseVariants.of(Map.of("灣", "湾")));
        assertThatThrownBy(() -> ChineseVariants.of(Map.of("灣灣", "湾")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'灣灣'");
    }

    @Test
    void missingTableIsAConfigurationError() {
        assertThatThrownBy(() -> ChineseVariants.load(dir.resolve("none.txt")))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining("does not exist");
    }
}
