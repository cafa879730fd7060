package org.smsbridge.examples.sbutton;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smsbridge.scheduler.Folder;
import org.smsbridge.scheduler.OutboxEntry;
import org.smsbridge.scheduler.OutboxQuery;
import org.smsbridge.templates.SavedTemplate;

class DemoAppTest {
    @TempDir
    Path home;

    @Test
    void firstStartCreatesTheDatabaseTemplatesAndSampleCustomersOnce() {
        try (DemoApp app = DemoApp.open(home)) {
            assertThat(app.database().customers()).hasSize(CustomerDatabase.SAMPLE.size())
                    .extracting(Customer::language).contains("zh-CN", "el-GR", "vi-VN", "en-GB");
            assertThat(app.templates().list()).hasSize(12);
            assertThat(app.session().client().provider().name()).isEqualTo("console");
        }
        assertThat(home.resolve("customers.mv.db")).exists();
        assertThat(home.resolve("sms-templates.json")).exists();
        try (DemoApp again = DemoApp.open(home)) {
            assertThat(again.database().customers()).isEqualTo(CustomerDatabase.SAMPLE);
        }
    }

    @Test
    void messagesAndSettingsSurviveARestart() {
        long id;
        try (DemoApp app = DemoApp.open(home)) {
            Customer c = app.database().customers().get(2);
            EditorModel editor = new EditorModel(c, app.templates().list(), app.session().filter(), "ACME Auto", "maria");
            SavedTemplate t = editor.defaultTemplate().orElseThrow();
            id = editor.saveDraft(app.session().outbox(), editor.render(t), t).id();
            app.applySettings(app.session().settings().withAccount("fake", "ACME", "", "", Map.of("balance", "3")));
        }
        assertThat(home.resolve("settings.properties")).exists();
        try (DemoApp app = DemoApp.open(home)) {
            assertThat(app.session().client().provider().name()).isEqualTo("fake");
            OutboxEntry draft = app.session().outbox().get(id).orElseThrow();
            assertThat(draft.folder()).isEqualTo(Folder.DRAFTS);
            assertThat(app.session().outbox().query(OutboxQuery.builder().contact("customer-3").build()))
                    .containsExactly(draft);
        }
    }

    @Test
    void savedSettingsWithAProviderThatIsGoneStartOnTheConsole() throws Exception {
        Files.writeString(home.resolve("settings.properties"), "provider=gone\nsender=ACME\n");
        try (DemoApp app = DemoApp.open(home)) {
            assertThat(app.session().client().provider().name()).isEqualTo("console");
        }
    }
}
