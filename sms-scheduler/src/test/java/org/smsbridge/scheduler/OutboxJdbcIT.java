package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsMessage;
import org.smsbridge.testing.FakeSmsProvider;

/** The outbox's folder flows end to end on every database. */
class OutboxJdbcIT {
    private static SmsMessage message(String ref, String to, String text) {
        return SmsMessage.builder().reference(ref).to(to).text(text).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void foldersSchedulesRetriesPausesAndReceiptsWorkOnTheDatabase(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
            FakeSmsProvider fake = new FakeSmsProvider();
            RecordingListener events = new RecordingListener();
            Outbox outbox = Outbox.builder().client(SmsClient.builder().provider(fake).defaultRegion("GR").build())
                    .store(db.store()).clock(clock).executor(new ManualExecutor()).nodeId("n").autoSend(false)
                    .retryPolicy(RetryPolicy.exponential(Duration.ofSeconds(10), Duration.ofMinutes(1), 3))
                    .addListener(events).build();

            OutboxEntry local = outbox.enqueue(message("gr", "6912345678", "Το αυτοκίνητό σας είναι έτοιμο"),
                    EntryOptions.builder().operator("μαρία").build());
            OutboxEntry later = outbox.schedule(message("zh", "+8613812345678", "您的车已准备好"),
                    clock.instant().plus(Duration.ofHours(1)));
            OutboxEntry draft = outbox.saveDraft(message("vi", "+84912345678", "Xe của bạn"));
            AtomicBoolean failedOnce = new AtomicBoolean();
            fake.failWhen(s -> s.reference().orElse("").equals("en") && failedOnce.compareAndSet(false, true),
                    ErrorKind.TIMEOUT);
            OutboxEntry flaky = outbox.enqueue(message("en", "+447911123456", "Your car is ready"));
            assertThat(outbox.enqueue(message("gr", "+306900000000", "again")).id()).isEqualTo(local.id());

            outbox.sendNow().join();
            OutboxEntry sent = outbox.get(local.id()).orElseThrow();
            assertThat(sent.folder()).isEqualTo(Folder.SENT);
            assertThat(sent.phone()).as("Sent holds the E.164 number").isEqualTo("+306912345678");
            assertThat(outbox.query(OutboxQuery.builder().phone("+30691").operator("μαρία").build()))
                    .extracting(OutboxEntry::id).containsExactly(local.id());
            assertThat(outbox.get(flaky.id()).orElseThrow().lastErrorKind()).contains(ErrorKind.TIMEOUT);
            assertThat(outbox.get(later.id()).orElseThrow().folder()).isEqualTo(Folder.OUTBOX);

            outbox.updateDraft(draft.id(), message("vi", "+84912345678", "Xe của bạn đã sẵn sàng"));
            outbox.submitDraft(draft.id());
            clock.advance(Duration.ofHours(1));
            outbox.sendNow().join();
            assertThat(outbox.count(OutboxQuery.builder().folder(Folder.SENT).build())).isEqualTo(4);
            assertThat(fake.sent()).extracting(s -> s.reference().orElseThrow())
                    .containsExactlyInAnyOrder("gr", "en", "vi", "zh");

            String providerId = outbox.get(later.id()).orElseThrow().providerMessageId().orElseThrow();
            assertThat(outbox.onDeliveryReceipt(DeliveryReceipt.builder(providerId, MessageStatus.DELIVERED)
                    .doneAt(clock.instant()).build()).orElseThrow().deliveredAt()).contains(clock.instant());

            OutboxEntry deleted = outbox.delete(local.id());
            assertThat(deleted.originFolder()).contains(Folder.SENT);
            OutboxEntry again = outbox.resend(local.id());
            assertThat(again.resendOf()).contains(local.id());
            assertThat(outbox.restore(local.id()).folder()).isEqualTo(Folder.SENT);

            fake.withBalance(0);
            outbox.sendNow().join();
            assertThat(outbox.isPaused()).isTrue();
            assertThat(outbox.get(again.id()).orElseThrow().status()).isEqualTo(MessageStatus.QUEUED);
            fake.topUp(1);
            outbox.resume();
            outbox.sendNow().join();
            assertThat(outbox.get(again.id()).orElseThrow().folder()).isEqualTo(Folder.SENT);
            assertThat(events.of(OutboxEvent.Paused.class)).hasSize(1);

            outbox.delete(again.id());
            outbox.purgeAll(List.of(again.id()));
            assertThat(outbox.get(again.id())).isEmpty();
            outbox.close();
        }
    }
}
