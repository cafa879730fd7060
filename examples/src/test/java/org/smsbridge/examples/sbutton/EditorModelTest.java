package org.smsbridge.examples.sbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.filter.KeywordHit;
import org.smsbridge.scheduler.Folder;
import org.smsbridge.scheduler.Outbox;
import org.smsbridge.scheduler.OutboxEntry;
import org.smsbridge.scheduler.OutboxQuery;
import org.smsbridge.templates.SavedTemplate;
import org.smsbridge.testing.FakeSmsProvider;

class EditorModelTest {
    private final FakeSmsProvider fake = new FakeSmsProvider();
    private final Outbox outbox = Fixtures.outbox(fake);

    @AfterEach
    void close() {
        outbox.close();
    }

    private static EditorModel editor(Customer c) {
        return new EditorModel(c, DemoTemplates.samples(), SmsSession.demoFilter(), "ACME Auto", "maria");
    }

    private static SavedTemplate template(String name) {
        return DemoTemplates.samples().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void opensWithTheCarReadyTemplateInTheCustomersLanguageFilledFromTheRecord() {
        EditorModel zh = editor(Fixtures.WANG);
        assertThat(zh.defaultTemplate()).get().extracting(SavedTemplate::name).isEqualTo("car-ready-zh");
        assertThat(zh.render(zh.defaultTemplate().orElseThrow()))
                .isEqualTo("王伟您好，您的爱车（浙A-T0386）已经保养完毕，大约费用（291.00）元，请前来结帐提车。ACME Auto");

        EditorModel el = editor(Fixtures.GIORGOS);
        assertThat(el.render(el.defaultTemplate().orElseThrow())).isEqualTo(
                "Γεια σας Γιώργος Παπαδόπουλος, το αυτοκίνητό σας ΙΚΑ-1234 είναι έτοιμο. Κόστος 80,50 €. ACME Auto");
        EditorModel vi = editor(Fixtures.AN);
        assertThat(vi.render(vi.defaultTemplate().orElseThrow())).contains("Chi phí 1.500.000 ₫");
        EditorModel en = editor(Fixtures.JOHN);
        assertThat(en.render(en.defaultTemplate().orElseThrow())).contains("Cost: £120.50");
    }

    @Test
    void aTemplateWithAFieldTheRecordLacksIsShownWithTheMissingName() {
        SavedTemplate odd = SavedTemplate.builder().name("odd-en").body("Hi {owner}, km: {mileage}").build();
        EditorModel m = new EditorModel(Fixtures.JOHN, List.of(odd), SmsSession.demoFilter(), "ACME", "maria");
        assertThat(m.missing(odd)).containsExactly("mileage");
        assertThat(m.problems(m.render(odd))).anyMatch(p -> p.contains("{field}"));
    }

    @Test
    void counterShowsSegmentsEncodingAndCharactersLeft() {
        assertThat(EditorModel.counterText("a".repeat(283))).isEqualTo("2 SMS · GSM-7 · 23 left");
        assertThat(EditorModel.counterText("Hello")).isEqualTo("1 SMS · GSM-7 · 155 left");
        assertThat(EditorModel.counterText("您好")).isEqualTo("1 SMS · UCS-2 · 68 left");
        assertThat(EditorModel.counterText("")).isEqualTo("0 SMS · GSM-7 · 160 left");
    }

    @Test
    void keywordHitsArePositionsInTheTextAsShown() {
        EditorModel m = editor(Fixtures.GIORGOS);
        String text = m.render(template("service-reminder-el"));
        List<KeywordHit> hits = m.keywordHits(text);
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).matchedIn(text)).isEqualTo("Δωρεάν");
        assertThat(m.keywordHits("本月免费检查，Kiểm tra MIỄN PHÍ, f r e e"))
                .extracting(h -> h.keyword()).containsExactly("免费", "miễn phí", "free");
    }

    @Test
    void problemsSayWhyATextCannotBeSent() {
        EditorModel m = editor(Fixtures.JOHN);
        assertThat(m.problems("Your car is ready")).isEmpty();
        assertThat(m.problems("  ")).containsExactly("the text is empty");
        assertThat(m.problems("FREE check-up")).containsExactly(
                "carriers block 'FREE'; reword the highlighted text");
        assertThat(m.problems("x".repeat(153 * 7))).containsExactly("the text needs 7 SMS; at most 6 are allowed");
    }

    @Test
    void aNumberThatCannotReceiveSmsIsAProblemBeforeSending() {
        EditorModel m = editor(Fixtures.LANDLINE);
        assertThat(m.problems("Your car is ready")).singleElement().asString().contains("210 123 4567");
    }

    @Test
    void sendPutsTheMessageInTheOutboxAndSendsItAtOnce() {
        EditorModel m = editor(Fixtures.GIORGOS);
        SavedTemplate t = m.defaultTemplate().orElseThrow();
        OutboxEntry e = m.send(outbox, m.render(t), t);
        assertThat(e.folder()).isEqualTo(Folder.SENT);
        assertThat(e.operator()).contains("maria");
        assertThat(e.contact()).contains("customer-3");
        assertThat(e.tag()).contains("s-button");
        assertThat(fake.lastTo("+306912345678")).get().satisfies(s -> assertThat(s.text()).get(
                org.assertj.core.api.InstanceOfAssertFactories.STRING).contains("ΙΚΑ-1234"));
    }

    @Test
    void pressingSendTwiceInOneEditorSendsOnce() {
        EditorModel m = editor(Fixtures.JOHN);
        SavedTemplate t = m.defaultTemplate().orElseThrow();
        OutboxEntry first = m.send(outbox, "Your car is ready", t);
        OutboxEntry second = m.send(outbox, "Your car is ready", t);
        assertThat(second.id()).isEqualTo(first.id());
        assertThat(fake.sent()).hasSize(1);
    }

    @Test
    void sendAfterSaveAsDraftSendsTheDraftWithTheEditedText() {
        EditorModel m = editor(Fixtures.JOHN);
        SavedTemplate t = m.defaultTemplate().orElseThrow();
        OutboxEntry draft = m.saveDraft(outbox, "first text", t);
        assertThat(draft.folder()).isEqualTo(Folder.DRAFTS);
        assertThat(m.saveDraft(outbox, "second text", t).id()).isEqualTo(draft.id());
        OutboxEntry sent = m.send(outbox, "final text", t);
        assertThat(sent.id()).isEqualTo(draft.id());
        assertThat(sent.folder()).isEqualTo(Folder.SENT);
        assertThat(fake.sent()).singleElement().satisfies(s -> assertThat(s.text()).contains("final text"));
        assertThat(outbox.count(OutboxQuery.builder().folder(Folder.DRAFTS).build())).isZero();
    }

    @Test
    void scheduleAfterSaveAsDraftReplacesTheDraft() {
        EditorModel m = editor(Fixtures.JOHN);
        SavedTemplate t = m.defaultTemplate().orElseThrow();
        OutboxEntry draft = m.saveDraft(outbox, "draft", t);
        Instant at = Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        OutboxEntry scheduled = m.schedule(outbox, "later", t, at);
        assertThat(scheduled.folder()).isEqualTo(Folder.OUTBOX);
        assertThat(scheduled.scheduledAt()).contains(at);
        assertThat(outbox.get(draft.id())).isEmpty();
        assertThat(outbox.sendNow().join().sent()).isZero();
    }

    @Test
    void aBlockedWordMakesTheSendFailWithTheReason() {
        EditorModel m = editor(Fixtures.JOHN);
        SavedTemplate t = template("service-reminder-en");
        OutboxEntry e = m.send(outbox, m.render(t), t);
        assertThat(e.folder()).isEqualTo(Folder.FAILED);
        assertThat(e.lastErrorKind()).contains(ErrorKind.BLOCKED_KEYWORD);
        assertThat(BatchSend.resultText(e)).startsWith("Failed · BLOCKED_KEYWORD");
        assertThat(fake.sent()).isEmpty();
    }

    @Test
    void scheduleTimeMustBeInTheFuture() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        ZoneId athens = ZoneId.of("Europe/Athens");
        assertThat(EditorModel.proposedScheduleTime(athens, clock)).isEqualTo(LocalDateTime.of(2026, 11, 25, 9, 0));
        assertThat(EditorModel.scheduleAt(LocalDateTime.of(2026, 11, 25, 9, 0), athens, clock))
                .isEqualTo(Instant.parse("2026-11-25T07:00:00Z"));
        assertThatThrownBy(() -> EditorModel.scheduleAt(LocalDateTime.of(2026, 11, 24, 12, 0), athens, clock))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the time 2026-11-24T12:00 has passed; choose a later time or press Send");
    }

    @Test
    void sentStatusIsTheProvidersAnswer() {
        EditorModel m = editor(Fixtures.WANG);
        SavedTemplate t = m.defaultTemplate().orElseThrow();
        assertThat(m.send(outbox, m.render(t), t).status()).isEqualTo(MessageStatus.SENT);
    }
}
