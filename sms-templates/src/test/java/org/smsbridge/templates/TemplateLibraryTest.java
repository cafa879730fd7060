package org.smsbridge.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessagePurpose;
import org.smsbridge.SmsException;

class TemplateLibraryTest {
    private static final SavedTemplate CAR = SavedTemplate.builder().name("car-ready")
            .description("Car repaired").body("Dear {owner}, your car {plate} is ready. Cost: {cost:money}. {signature}")
            .purpose(MessagePurpose.TRANSACTIONAL).carrierTemplateId("SMS_123456").build();

    @Test
    void savesFindsListsRendersAndDeletes() {
        TemplateLibrary library = TemplateLibrary.builder()
                .engine(TemplateEngine.builder().locale(Locale.forLanguageTag("el-GR")).build()).build();
        SavedTemplate birthday = SavedTemplate.builder().name("生日祝福").body("{姓名}，生日快乐！")
                .purpose(MessagePurpose.CUSTOMER_CARE).build();
        library.save(CAR);
        library.save(birthday);
        assertThat(library.list()).containsExactly(CAR, birthday);
        assertThat(library.find("car-ready")).contains(CAR);
        assertThat(library.render("car-ready", Map.of("owner", "Νίκος", "plate", "ΙΚΑ-1234",
                "cost", new BigDecimal("80"), "signature", "ACME")))
                .isEqualTo("Dear Νίκος, your car ΙΚΑ-1234 is ready. Cost: 80,00 €. ACME");
        assertThat(library.preview("生日祝福", Map.of()).missing()).containsExactly("姓名");
        assertThat(library.delete("car-ready")).isTrue();
        assertThat(library.delete("car-ready")).isFalse();
        assertThat(library.find("car-ready")).isEmpty();
    }

    @Test
    void replacesATemplateWithTheSameName() {
        TemplateLibrary library = TemplateLibrary.builder().build();
        library.save(CAR);
        library.save(CAR.toBuilder().body("Ready: {plate}").noCarrierTemplateId().build());
        assertThat(library.list()).hasSize(1);
        assertThat(library.find("car-ready").orElseThrow().carrierTemplateId()).isEmpty();
    }

    @Test
    void refusesToSaveABodyWithASyntaxError() {
        TemplateLibrary library = TemplateLibrary.builder().build();
        assertThatThrownBy(() -> library.save(CAR.toBuilder().body("Dear {owner").build()))
                .isInstanceOfSatisfying(TemplateSyntaxException.class,
                        e -> assertThat(e.templateName()).contains("car-ready"))
                .hasMessageStartingWith("template 'car-ready': template syntax error at line 1, column 6: unclosed '{'")
                .hasMessageEndingWith("; nothing was saved");
        assertThat(library.list()).isEmpty();
    }

    @Test
    void namesTheTemplateWhenASavedBodyUsesAFormatTheEngineDoesNotKnow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("templates.json");
        Files.writeString(file, "{\"version\": 1, \"templates\": [{\"name\": \"a\", \"body\": \"Hi {x:monie}\"}]}",
                StandardCharsets.UTF_8);
        TemplateLibrary library = TemplateLibrary.builder().store(TemplateStore.jsonFile(file)).build();
        assertThatThrownBy(() -> library.render("a", Map.of("x", 1)))
                .isInstanceOfSatisfying(TemplateSyntaxException.class, e -> {
                    assertThat(e.templateName()).contains("a");
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT);
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(7);
                    assertThat(e.problem()).startsWith("unknown format 'monie' in '{x:monie}'");
                })
                .hasMessageStartingWith("template 'a': template syntax error at line 1, column 7: unknown format 'monie'")
                .hasMessageEndingWith("; save a corrected body, or add the format to the library's engine");
        assertThatThrownBy(() -> library.preview("a", Map.of())).hasMessageStartingWith("template 'a': ");
    }

    @Test
    void rendersASavedBodyWithAFormatThatOnlyTheLibrarysEngineKnows(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("templates.json");
        Files.writeString(file, "{\"version\": 1, \"templates\": [{\"name\": \"a\", \"body\": \"Hi {x:monie}\"}]}",
                StandardCharsets.UTF_8);
        TemplateEngine engine = TemplateEngine.builder().formatter("monie", (value, argument, locale) -> value + " coins")
                .build();
        TemplateLibrary library = TemplateLibrary.builder().store(TemplateStore.jsonFile(file)).engine(engine).build();
        assertThat(library.render("a", Map.of("x", 3))).isEqualTo("Hi 3 coins");
    }

    @Test
    void namesTheSavedTemplatesWhenOneIsUnknown() {
        TemplateLibrary library = TemplateLibrary.builder().build();
        library.save(CAR);
        assertThatThrownBy(() -> library.render("car", Map.of()))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT))
                .hasMessage("no saved template named 'car'; saved: [car-ready]");
    }

    @Test
    void keepsTemplatesInAJsonFileAcrossRestarts(@TempDir Path dir) {
        Path file = dir.resolve("nested/templates.json");
        TemplateLibrary first = TemplateLibrary.builder().store(TemplateStore.jsonFile(file)).build();
        first.save(CAR);
        first.save(SavedTemplate.builder().name("Χρόνια πολλά").body("Χρόνια πολλά {όνομα}!").build());
        TemplateLibrary second = first.toBuilder().store(TemplateStore.jsonFile(file)).build();
        assertThat(second.list()).isEqualTo(first.list());
        assertThat(second.find("car-ready")).contains(CAR);
    }

    @Test
    void checksSavedTemplateFields() {
        assertThatThrownBy(() -> SavedTemplate.builder().name(" x"))
                .hasMessageContaining("template name must be 1 to 100 characters");
        assertThatThrownBy(() -> SavedTemplate.builder().body("")).hasMessage("template body must not be empty");
        assertThatThrownBy(() -> SavedTemplate.builder().carrierTemplateId(" "))
                .hasMessageContaining("carrierTemplateId must not be blank");
        assertThatThrownBy(() -> SavedTemplate.builder().name("x").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("body(...)");
        SavedTemplate minimal = SavedTemplate.builder().name("x").body("y").build();
        assertThat(minimal.purpose()).isEqualTo(MessagePurpose.TRANSACTIONAL);
        assertThat(minimal.description()).isEmpty();
        assertThat(minimal.toBuilder().build()).isEqualTo(minimal).hasSameHashCodeAs(minimal);
        assertThat(CAR.toString()).contains("car-ready", "SMS_123456");
    }
}
