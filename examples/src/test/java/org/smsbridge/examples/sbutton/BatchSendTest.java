package org.smsbridge.examples.sbutton;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsbridge.scheduler.Outbox;
import org.smsbridge.scheduler.OutboxEntry;
import org.smsbridge.templates.SavedTemplate;
import org.smsbridge.testing.FakeSmsProvider;

class BatchSendTest {
    private final FakeSmsProvider fake = new FakeSmsProvider();
    private final Outbox outbox = Fixtures.outbox(fake);

    @AfterEach
    void close() {
        outbox.close();
    }

    @Test
    void eachCustomerGetsTheKindOfTemplateInTheirLanguage() {
        BatchSend b = BatchSend.prepare(List.of(Fixtures.WANG, Fixtures.GIORGOS, Fixtures.AN, Fixtures.JOHN),
                DemoTemplates.samples(), "birthday", "ACME Auto", "maria");
        assertThat(b.rows()).allSatisfy(r -> assertThat(r.result()).isEqualTo("ready"));
        assertThat(b.sendable()).extracting(r -> r.message().orElseThrow().text().orElseThrow()).containsExactly(
                "王伟，祝您生日快乐，一路平安！ACME Auto",
                "Χρόνια πολλά Γιώργος Παπαδόπουλος! Καλό δρόμο. ACME Auto",
                "Chúc mừng sinh nhật Nguyễn Văn An! Thượng lộ bình an. ACME Auto",
                "Happy birthday John Smith! Safe driving. ACME Auto");
        assertThat(b.sendable()).extracting(r -> r.options().contact().orElseThrow())
                .containsExactly("customer-1", "customer-3", "customer-6", "customer-8");
        assertThat(b.done()).isFalse();
    }

    @Test
    void aRowWhoseTemplateCannotBeFilledIsFinishedWithTheReason() {
        SavedTemplate odd = SavedTemplate.builder().name("mileage-en").body("Hi {owner}, {mileage} km").build();
        BatchSend b = BatchSend.prepare(List.of(Fixtures.JOHN), List.of(odd), "mileage", "ACME", "maria");
        assertThat(b.rows()).singleElement().satisfies(r -> {
            assertThat(r.message()).isEmpty();
            assertThat(r.finished()).isTrue();
            assertThat(r.result()).isEqualTo("template mileage-en needs [mileage]");
        });
        assertThat(b.sendable()).isEmpty();
        assertThat(b.done()).isTrue();
    }

    @Test
    void sendingThroughTheOutboxGivesEveryRowItsOwnResult() {
        BatchSend b = BatchSend.prepare(List.of(Fixtures.WANG, Fixtures.LANDLINE, Fixtures.JOHN),
                DemoTemplates.samples(), "car-ready", "ACME Auto", "maria");
        List<OutboxEntry> queued = b.sendable().stream()
                .map(r -> outbox.enqueue(r.message().orElseThrow(), r.options())).toList();
        b.queued(queued);
        assertThat(b.rows()).extracting(BatchSend.Row::result).containsOnly("Queued");
        assertThat(b.finishedCount()).isZero();

        outbox.sendNow().join();
        queued.forEach(e -> b.update(outbox.get(e.id()).orElseThrow()));

        assertThat(b.done()).isTrue();
        assertThat(b.rows().get(0).result()).startsWith("Sent · fake-");
        assertThat(b.rows().get(1).result()).startsWith("Failed · INVALID_NUMBER: ");
        assertThat(b.rows().get(2).result()).startsWith("Sent · fake-");
        assertThat(fake.sent()).hasSize(2);
    }
}
