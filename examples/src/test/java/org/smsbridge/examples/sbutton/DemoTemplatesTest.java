package org.smsbridge.examples.sbutton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsbridge.templates.SavedTemplate;
import org.smsbridge.templates.TemplateEngine;
import org.smsbridge.templates.TemplateLibrary;

class DemoTemplatesTest {
    private final List<SavedTemplate> all = DemoTemplates.samples();

    @Test
    void choosesTheTemplateInTheCustomersLanguage() {
        assertThat(DemoTemplates.choose(all, "car-ready", Fixtures.WANG)).get().extracting(SavedTemplate::name)
                .isEqualTo("car-ready-zh");
        assertThat(DemoTemplates.choose(all, "car-ready", Fixtures.GIORGOS)).get().extracting(SavedTemplate::name)
                .isEqualTo("car-ready-el");
        assertThat(DemoTemplates.choose(all, "birthday", Fixtures.AN)).get().extracting(SavedTemplate::name)
                .isEqualTo("birthday-vi");
    }

    @Test
    void fallsBackToEnglishThenToAnyOfTheKindThenToTheFirstTemplate() {
        assertThat(DemoTemplates.choose(all, "car-ready", Fixtures.PIERRE)).get().extracting(SavedTemplate::name)
                .isEqualTo("car-ready-en");
        List<SavedTemplate> greekOnly = all.stream().filter(t -> t.name().endsWith("-el")).toList();
        assertThat(DemoTemplates.choose(greekOnly, "car-ready", Fixtures.PIERRE)).get()
                .extracting(SavedTemplate::name).isEqualTo("car-ready-el");
        assertThat(DemoTemplates.choose(greekOnly, "no-such-kind", Fixtures.PIERRE)).get()
                .extracting(SavedTemplate::name).isEqualTo("birthday-el");
        assertThat(DemoTemplates.choose(List.of(), "car-ready", Fixtures.WANG)).isEmpty();
    }

    @Test
    void splitsNamesIntoKindAndLanguage() {
        assertThat(DemoTemplates.kindOf("service-reminder-vi")).isEqualTo("service-reminder");
        assertThat(DemoTemplates.languageOf("service-reminder-vi")).contains("vi");
        assertThat(DemoTemplates.kindOf("生日祝福")).isEqualTo("生日祝福");
        assertThat(DemoTemplates.languageOf("car-ready")).isEmpty();
        assertThat(DemoTemplates.kinds(all)).containsExactly("birthday", "car-ready", "service-reminder");
    }

    @Test
    void everySampleTemplateFillsInForEverySampleCustomer() {
        for (Customer c : CustomerDatabase.SAMPLE) {
            TemplateEngine engine = TemplateEngine.builder().locale(c.locale()).build();
            for (SavedTemplate t : all) {
                assertThat(engine.preview(t.body(), EditorModel.values(c, "ACME Auto")).missing())
                        .as("%s for %s", t.name(), c.name()).isEmpty();
            }
        }
    }

    @Test
    void seedsOnlyAnEmptyLibrary() {
        TemplateLibrary library = TemplateLibrary.builder().build();
        assertThat(DemoTemplates.seedIfEmpty(library)).isTrue();
        assertThat(library.list()).hasSize(12);
        library.delete("birthday-en");
        assertThat(DemoTemplates.seedIfEmpty(library)).isFalse();
        assertThat(library.list()).hasSize(11);
    }
}
