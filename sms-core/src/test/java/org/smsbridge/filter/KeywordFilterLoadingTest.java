package org.smsbridge.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

class KeywordFilterLoadingTest {
    @TempDir
    Path dir;

    @Test
    void loadsUtf8FileSkippingCommentsBlankLinesAndDuplicates() throws IOException {
        Path file = dir.resolve("blocked.txt");
        Files.writeString(file, "\uFEFF# carrier list\nfree\n\n  miễn phí  \r\nδωρεάν\n#免费\n免费\nfree\n   \n",
                StandardCharsets.UTF_8);
        KeywordFilter filter = KeywordFilter.load(file);
        assertThat(filter.keywords()).containsExactly("free", "miễn phí", "δωρεάν", "免费");
        assertThat(filter.findAll("ＦＲＥＥ")).hasSize(1);
    }

    @Test
    void aCommentAfterAKeywordIsNotPartOfIt() throws IOException {
        Path file = dir.resolve("blocked.txt");
        Files.writeString(file, "中奖 # lottery win\nc#\nno#1\t# a number\nfree\t#\nsố #1\nvay\u00A0# nbsp\n"
                + "  #indented comment\n\t#todo: more\n贷款 #loans\n", StandardCharsets.UTF_8);
        KeywordFilter filter = KeywordFilter.load(file);
        assertThat(filter.keywords()).containsExactly("中奖", "c#", "no#1", "free", "số #1", "vay", "贷款");
        assertThat(filter.findAll("恭喜中奖了")).hasSize(1);
    }

    @Test
    void builderAddsAFileToOtherKeywords() throws IOException {
        Path file = dir.resolve("more.txt");
        Files.writeString(file, "loan\n", StandardCharsets.UTF_8);
        KeywordFilter filter = KeywordFilter.builder().add("free").addAll(file).build();
        assertThat(filter.keywords()).containsExactly("free", "loan");
    }

    @Test
    void missingFileIsAConfigurationErrorNamingThePath() {
        Path missing = dir.resolve("nope.txt");
        assertThatThrownBy(() -> KeywordFilter.load(missing))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining(missing.toString())
                .hasMessageContaining("does not exist");
    }

    @Test
    void directoryIsAConfigurationError() {
        assertThatThrownBy(() -> KeywordFilter.load(dir))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining(dir.toString())
                .hasMessageContaining("cannot be read");
    }

    @Test
    void fileThatIsNotUtf8IsAConfigurationErrorWithTheLine() throws IOException {
        Path file = dir.resolve("latin1.txt");
        Files.write(file, new byte[] {'f', 'r', 'e', 'e', '\n', 'c', 'a', 'f', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> KeywordFilter.load(file))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining("not valid UTF-8 at line 2");
    }

    @Test
    void keywordInAFileThatNormalizesToNothingIsNamed() throws IOException {
        Path file = dir.resolve("bad.txt");
        Files.writeString(file, "free\n\u200B\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> KeywordFilter.load(file))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'\\u200B'");
    }
}
