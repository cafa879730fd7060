package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsMessage;
import org.smsbridge.testing.FakeSmsProvider;

/** {@link Outbox#reschedule} and {@link Outbox#expire}. */
class OutboxRescheduleTest {
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final FakeSmsProvider fake = new FakeSmsProvider();
    private final SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("GR").clock(clock).build();
    private final ManualExecutor executor = new ManualExecutor();
    private final RecordingListener events = new RecordingListener();
    private final OutboxStore store = OutboxStore.inMemory();
    private final Outbox outbox = Outbox.builder().client(sms).store(store).clock(clock).executor(executor)
            .autoSend(false).nodeId("node-a").addListener(events).build();

    @AfterEach
    void tearDown() {
        outbox.close();
        executor.shutdownNow();
    }

    private static SmsMessage message(String ref) {
        return SmsMessage.builder().reference(ref).to("+306912345678").text("Καλημέρα").build();
    }

    @Test
    void rescheduleMovesAnOutboxEntryToALaterTime() {
        OutboxEntry e = outbox.enqueue(message("r"));
        Instant later = clock.instant().plus(Duration.ofHours(3));
        OutboxEntry moved = outbox.reschedule(e.id(), later);
        assertThat(moved.status()).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(moved.scheduledAt()).contains(later);
        assertThat(moved.nextAttemptAt()).isEqualTo(later);
        outbox.sendNow().join();
        assertThat(fake.sent()).isEmpty();
        clock.advance(Duration.ofHours(3));
        outbox.sendNow().join();
        assertThat(fake.sent()).hasSize(1);
        assertThat(events.of(OutboxEvent.Scheduled.class)).hasSize(1);
    }

    @Test
    void reschedulingToAPastTimeQueuesForTheNextRun() {
        OutboxEntry e = outbox.schedule(message("r"), clock.instant().plus(Duration.ofDays(1)));
        OutboxEntry moved = outbox.reschedule(e.id(), clock.instant().minusSeconds(1));
        assertThat(moved.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(moved.nextAttemptAt()).isEqualTo(clock.instant());
        outbox.sendNow().join();
        assertThat(fake.sent()).hasSize(1);
    }

    @Test
    void rescheduleSubmitsADraftAndRestoresAnEntryDeletedFromTheOutboxInOneStep() {
        OutboxEntry draft = outbox.saveDraft(message("d"));
        Instant later = clock.instant().plus(Duration.ofHours(1));
        OutboxEntry submitted = outbox.reschedule(draft.id(), later);
        assertThat(submitted.folder()).isEqualTo(Folder.OUTBOX);
        assertThat(submitted.status()).isEqualTo(MessageStatus.SCHEDULED);

        OutboxEntry queued = outbox.enqueue(message("q"));
        outbox.delete(queued.id());
        OutboxEntry restored = outbox.reschedule(queued.id(), later);
        assertThat(restored.folder()).isEqualTo(Folder.OUTBOX);
        assertThat(restored.originFolder()).isEmpty();
        assertThat(restored.scheduledAt()).contains(later);
    }

    @Test
    void rescheduleRefusesSentFailedAndEntriesDeletedFromThere() {
        OutboxEntry e = outbox.enqueue(message("s"));
        outbox.sendNow().join();
        assertThatThrownBy(() -> outbox.reschedule(e.id(), clock.instant())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in SENT");
        outbox.delete(e.id());
        assertThatThrownBy(() -> outbox.reschedule(e.id(), clock.instant())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was deleted from SENT");
        assertThatThrownBy(() -> outbox.reschedule(999, clock.instant())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rescheduleAndExpireRefuseAnEntryBeingSent() {
        OutboxEntry e = outbox.enqueue(message("busy"));
        store.claimDue("node-b", clock.instant(), clock.instant().plus(Duration.ofMinutes(5)), 10);
        assertThatThrownBy(() -> outbox.reschedule(e.id(), clock.instant())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is being sent by node node-b");
        assertThatThrownBy(() -> outbox.expire(e.id(), "too late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is being sent by node node-b");
    }

    @Test
    void expireMovesADraftOrOutboxEntryToFailedWithTheReason() {
        OutboxEntry draft = outbox.saveDraft(message("d"));
        OutboxEntry queued = outbox.enqueue(message("q"));
        for (OutboxEntry e : List.of(draft, queued)) {
            OutboxEntry x = outbox.expire(e.id(), "carrier approval did not arrive within 3 days");
            assertThat(x.folder()).isEqualTo(Folder.FAILED);
            assertThat(x.status()).isEqualTo(MessageStatus.EXPIRED);
            assertThat(x.lastErrorKind()).as("expiry is no send error").isEmpty();
            assertThat(x.lastError()).contains("carrier approval did not arrive within 3 days");
            assertThat(x.attempts()).isZero();
        }
        assertThat(events.of(OutboxEvent.Expired.class)).hasSize(2)
                .allMatch(f -> f.reason().contains("carrier approval"));
        assertThat(events.of(OutboxEvent.Failed.class)).isEmpty();
        outbox.sendNow().join();
        assertThat(fake.sent()).isEmpty();
        assertThatThrownBy(() -> outbox.expire(draft.id(), "again")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is in FAILED");
        assertThatThrownBy(() -> outbox.expire(queued.id(), " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reason must not be blank");
    }
}
