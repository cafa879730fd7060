package org.smsbridge.templates.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessagePurpose;
import org.smsbridge.SmsException;
import org.smsbridge.templates.SavedTemplate;
import org.smsbridge.templates.TemplateSyntaxException;

class JsonFileTemplateStoreTest {
    @TempDir
    Path dir;

    private static SavedTemplate template(String name) {
        return SavedTemplate.builder().name(name).body("Hi {name} " + name).description("d " + name)
                .purpose(MessagePurpose.ADVERTISING).build();
    }

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.toList();
        }
    }

    @Test
    void startsEmptyWithoutAFileAndWritesReadableJson() throws IOException {
        Path file = dir.resolve("t.json");
        JsonFileTemplateStore store = new JsonFileTemplateStore(file);
        assertThat(store.list()).isEmpty();
        assertThat(file).doesNotExist();
        store.save(template("b").toBuilder().carrierTemplateId("SMS_1").build());
        store.save(template("a"));
        String json = Files.readString(file);
        assertThat(json).contains("\"version\" : 1", "\"name\" : \"a\"", "\"carrierTemplateId\" : \"SMS_1\"",
                "\"purpose\" : \"ADVERTISING\"");
        assertThat(json.indexOf("\"a\"")).isLessThan(json.indexOf("\"b\""));
        assertThat(new JsonFileTemplateStore(file).list()).isEqualTo(store.list());
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void keepsTheOldFileAndStateWhenAWriteFailsBeforeTheMove() throws IOException {
        Path file = dir.resolve("t.json");
        new JsonFileTemplateStore(file).save(template("a"));
        byte[] before = Files.readAllBytes(file);
        List<Path> temporaries = new ArrayList<>();
        JsonFileTemplateStore failing = new JsonFileTemplateStore(file, tmp -> {
            temporaries.add(tmp);
            assertThat(tmp.getParent()).isEqualTo(file.getParent());
            throw new UncheckedIOException(new IOException("disk full"));
        });
        assertThatThrownBy(() -> failing.save(template("b")))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining("cannot write template file " + file)
                .hasMessageContaining("the change was not saved and the old file is unchanged");
        assertThatThrownBy(() -> failing.delete("a")).isInstanceOf(SmsException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(failing.list()).extracting(SavedTemplate::name).containsExactly("a");
        assertThat(temporaries).hasSize(2).allSatisfy(tmp -> assertThat(tmp).doesNotExist());
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void replacesTheFileOnlyWithACompleteNewOne() throws IOException {
        Path file = dir.resolve("t.json");
        JsonFileTemplateStore store = new JsonFileTemplateStore(file, tmp -> {
            // at this point the new content is complete in the temporary file and the old file is intact
            try {
                assertThat(new JsonFileTemplateStore(tmp).list()).isNotEmpty();
            } catch (SmsException e) {
                throw new AssertionError(e);
            }
        });
        store.save(template("a"));
        store.save(template("b"));
        assertThat(new JsonFileTemplateStore(file).list()).hasSize(2);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "{\"version\": 1, \"templates\": [ {\"name\": \"a\", |not valid JSON at line 1, column",
        "[]|not a JSON object with a \"templates\" array",
        "{\"version\": 2, \"templates\": []}|\"version\" must be 1, was 2",
        "{\"version\": 1}|\"templates\" must be an array",
        "{\"version\": 1, \"templates\": [{\"body\": \"x\"}]}|template 1 is invalid: \"name\" is missing",
        "{\"version\": 1, \"templates\": [{\"name\": \"a\", \"body\": 3}]}|is invalid: \"body\" must be a string",
        "{\"version\": 1, \"templates\": [{\"name\": \"a\", \"body\": \"x\", \"purpose\": \"SPAM\"}]}|is invalid: \"purpose\" must be one of TRANSACTIONAL, CUSTOMER_CARE, ADVERTISING",
        "{\"version\": 1, \"templates\": [{\"name\": \"a\", \"body\": \"Hi {x\"}]}|is invalid: \"body\" has a syntax error at line 1, column 4: unclosed",
        "{\"version\": 1, \"templates\": [{\"name\": \"a\", \"body\": \"x\"}, {\"name\": \"a\", \"body\": \"y\"}]}|template 2 repeats the name 'a'",
        "''|not a JSON object",
    })
    void refusesACorruptFileWithAClearErrorAndLeavesItUntouched(String content, String problem) throws IOException {
        Path file = dir.resolve("t.json");
        Files.writeString(file, content.equals("''") ? "" : content, StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> new JsonFileTemplateStore(file))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageStartingWith("template file " + file + " is corrupt: ")
                .hasMessageContaining(problem)
                .hasMessageEndingWith("; fix or restore the file (it was left unchanged)");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void refusesABodyWithASyntaxErrorNamingTheFileTheEntryAndThePosition() throws IOException {
        Path file = dir.resolve("t.json");
        Files.writeString(file, "{\"version\": 1, \"templates\": [{\"name\": \"ok\", \"body\": \"Hi {x}\"},"
                + " {\"name\": \"car-ready\", \"body\": \"Dear {owner},\\nyour car {plate is ready\"}]}",
                StandardCharsets.UTF_8);
        byte[] before = Files.readAllBytes(file);
        assertThatThrownBy(() -> new JsonFileTemplateStore(file))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageStartingWith("template file " + file + " is corrupt: template 2 ('car-ready') is invalid: "
                        + "\"body\" has a syntax error at line 2, column 10: unclosed '{'")
                .hasRootCauseInstanceOf(TemplateSyntaxException.class);
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void namesTheAllowedPurposesWhenAnEntryHasAnUnknownOne() throws IOException {
        Path file = dir.resolve("t.json");
        Files.writeString(file, "{\"version\": 1, \"templates\": [{\"name\": \"promo\", \"body\": \"x\", "
                + "\"purpose\": \"SPAM\"}]}", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> new JsonFileTemplateStore(file))
                .isInstanceOf(SmsException.class)
                .hasMessage("template file " + file + " is corrupt: template 1 ('promo') is invalid: \"purpose\" must "
                        + "be one of TRANSACTIONAL, CUSTOMER_CARE, ADVERTISING (or left out for TRANSACTIONAL), was "
                        + "'SPAM'; fix or restore the file (it was left unchanged)")
                .hasMessageNotContaining("No enum constant");
    }

    @Test
    void opensABodyWithAnUnknownFormatNameAsFormatsBelongToTheEngine() throws IOException {
        Path file = dir.resolve("t.json");
        Files.writeString(file, "{\"version\": 1, \"templates\": [{\"name\": \"a\", \"body\": \"Hi {x:monie}\"}]}",
                StandardCharsets.UTF_8);
        assertThat(new JsonFileTemplateStore(file).list()).extracting(SavedTemplate::body).containsExactly("Hi {x:monie}");
    }

    @Test
    void refusesToSaveABodyWithASyntaxErrorSoTheFileCanAlwaysBeOpened() throws IOException {
        Path file = dir.resolve("t.json");
        JsonFileTemplateStore store = new JsonFileTemplateStore(file);
        store.save(template("a"));
        byte[] before = Files.readAllBytes(file);
        SavedTemplate bad = SavedTemplate.builder().name("b").body("Hi {name").build();
        assertThatThrownBy(() -> store.save(bad))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT))
                .hasMessageStartingWith("template 'b' was not saved to " + file + ": template syntax error at line 1, "
                        + "column 4: unclosed '{'");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(store.find("b")).isEmpty();
        assertThat(new JsonFileTemplateStore(file).list()).extracting(SavedTemplate::name).containsExactly("a");
    }

    @Test
    void keepsEveryTemplateSavedFromManyThreads() throws Exception {
        Path file = dir.resolve("t.json");
        JsonFileTemplateStore store = new JsonFileTemplateStore(file);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        store.save(template("t" + thread + "-" + i));
                        store.list();
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.list()).hasSize(40);
        assertThat(new JsonFileTemplateStore(file).list()).isEqualTo(store.list());
        assertThat(filesIn(dir)).containsExactly(file);
    }

    @Test
    void keepsThePermissionsOfTheOldFile() throws IOException {
        Path file = dir.resolve("t.json");
        JsonFileTemplateStore store = new JsonFileTemplateStore(file);
        store.save(template("a"));
        java.util.Set<java.nio.file.attribute.PosixFilePermission> readable =
                java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(file, readable);
        store.save(template("b"));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(readable);
    }

    @Test
    void deletesAndReportsWhetherSomethingWasDeleted() {
        Path file = dir.resolve("t.json");
        JsonFileTemplateStore store = new JsonFileTemplateStore(file);
        store.save(template("a"));
        assertThat(store.delete("zzz")).isFalse();
        assertThat(store.delete("a")).isTrue();
        assertThat(new JsonFileTemplateStore(file).list()).isEmpty();
        assertThat(store.toString()).contains("0 templates");
    }

    @Test
    void keepsAnInMemoryStoreSortedByName() {
        InMemoryTemplateStore store = new InMemoryTemplateStore();
        store.save(template("b"));
        store.save(template("a"));
        assertThat(store.list()).extracting(SavedTemplate::name).containsExactly("a", "b");
        assertThat(store.find("a")).isPresent();
        assertThat(store.delete("a")).isTrue();
        assertThat(store.delete("a")).isFalse();
    }
}
