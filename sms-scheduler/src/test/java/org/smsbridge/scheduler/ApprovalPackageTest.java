package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApprovalPackageTest {
    private static final List<List<String>> ROWS = List.of(
            List.of("Nguyễn Văn An", "+84912345678"),
            List.of("王芳", "+8613800138000"),
            List.of("Γιώργος Παπαδόπουλος", "+306912345678"),
            List.of("=HYPERLINK(\"http://evil\",\"John\")", "+447911123456"),
            List.of("@SUM(A1)", "+84912345679"),
            List.of("-2+3", "+84912345670"),
            List.of("\tTab", "+84912345671"),
            List.of("Smith, \"Jr\"", "+84912345672"));

    private static ApprovalPackage pkg() {
        return new ApprovalPackage("tet-2027", "Chào {name}", "mail", ROWS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=1+2", "+84912345678", "-5", "@cmd", "\tx", "\rx"})
    void cellsStartingWithFormulaCharactersGetALeadingQuote(String cell) {
        assertThat(ApprovalPackage.escapeCell(cell)).isEqualTo("'" + cell);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nguyễn Văn An", "王芳", "Γιώργος", "John = boss", "0912345678"})
    void otherCellsAreUnchanged(String cell) {
        assertThat(ApprovalPackage.escapeCell(cell)).isEqualTo(cell);
    }

    @Test
    void csvIsUtf8WithBomHeaderEscapedCellsAndQuotedCommas() {
        String csv = new String(pkg().csv(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFname,phone\r\n");
        assertThat(csv.split("\r\n")).containsSubsequence(
                "Nguyễn Văn An,'+84912345678",
                "王芳,'+8613800138000",
                "Γιώργος Παπαδόπουλος,'+306912345678",
                "\"'=HYPERLINK(\"\"http://evil\"\",\"\"John\"\")\",'+447911123456",
                "'@SUM(A1),'+84912345679",
                "'-2+3,'+84912345670",
                "'\tTab,'+84912345671",
                "\"Smith, \"\"Jr\"\"\",'+84912345672");
        assertThat(pkg().customers()).isEqualTo(ROWS.size());
    }

    @Test
    void xlsxHoldsTheCellsAsWrittenInTextFormatAndNoFormula() throws IOException {
        byte[] xlsx = pkg().xlsx();
        String sheet = zipEntry(xlsx, "xl/worksheets/sheet1.xml");
        assertThat(sheet).doesNotContain("<f>");
        List<String> texts = texts(sheet);
        assertThat(texts).startsWith("name", "phone", "Nguyễn Văn An", "+84912345678", "王芳", "+8613800138000",
                "Γιώργος Παπαδόπουλος", "+306912345678", "=HYPERLINK(\"http://evil\",\"John\")", "+447911123456",
                "@SUM(A1)");
        assertThat(texts).hasSize(2 * (ROWS.size() + 1));
        // every data cell uses a style whose number format is Text (built-in id 49 or "@")
        String styles = zipEntry(xlsx, "xl/styles.xml");
        assertThat(styles).containsPattern("numFmtId=\"(49|\\d+)\"");
        assertThat(sheet).contains(" s=\"");
        assertThat(styles.contains("formatCode=\"@\"") || styles.contains("numFmtId=\"49\"")).isTrue();
    }

    @Test
    void writeToWritesTheThreeFiles(@TempDir Path dir) throws IOException {
        ApprovalPackage p = new ApprovalPackage("tết/2027", "Chào {name}", "Content to approve:\nChào {name}", ROWS);
        List<Path> files = p.writeTo(dir.resolve("out"));
        assertThat(files).extracting(f -> f.getFileName().toString())
                .containsExactly("tết_2027-customers.csv", "tết_2027-customers.xlsx", "tết_2027-content.txt");
        assertThat(Files.readAllBytes(files.get(0))).isEqualTo(p.csv());
        assertThat(Files.readAllBytes(files.get(1))).isEqualTo(p.xlsx());
        assertThat(Files.readString(files.get(2))).isEqualTo("Content to approve:\nChào {name}");
        assertThat(p.toString()).contains("customers=8");
    }

    static String zipEntry(byte[] zip, String name) throws IOException {
        Path file = Files.createTempFile("approval", ".xlsx");
        try {
            Files.write(file, zip);
            try (ZipFile z = new ZipFile(file.toFile())) {
                ZipEntry e = z.getEntry(name);
                if (e == null) {
                    throw new AssertionError(name + " is not in the workbook");
                }
                return new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
            }
        } finally {
            Files.delete(file);
        }
    }

    /** The texts of the sheet's cells, in order, XML entities decoded. */
    static List<String> texts(String sheetXml) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<t[^>]*>(.*?)</t>", Pattern.DOTALL).matcher(sheetXml);
        while (m.find()) {
            String t = Pattern.compile("&#x([0-9a-fA-F]+);").matcher(m.group(1))
                    .replaceAll(r -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(r.group(1), 16))));
            t = Pattern.compile("&#([0-9]+);").matcher(t)
                    .replaceAll(r -> Matcher.quoteReplacement(Character.toString(Integer.parseInt(r.group(1)))));
            out.add(t.replace("&quot;", "\"").replace("&apos;", "'").replace("&lt;", "<").replace("&gt;", ">")
                    .replace("&amp;", "&"));
        }
        return out;
    }
}
