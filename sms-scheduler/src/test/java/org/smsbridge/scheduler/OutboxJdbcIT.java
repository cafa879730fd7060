package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
            Outbox outbox = outbox(db, fake, clock, events,
                    RetryPolicy.exponential(Duration.ofSeconds(10), Duration.ofMinutes(1), 3), false);

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

    private static Outbox outbox(TestDatabase db, FakeSmsProvider fake, MutableClock clock, RecordingListener events,
            RetryPolicy policy, boolean autoRetryFailed) {
        return Outbox.builder().client(SmsClient.builder().provider(fake).defaultRegion("GR").build())
                .store(db.store()).clock(clock).executor(new ManualExecutor()).nodeId("n").autoSend(false)
                .autoRetryFailed(autoRetryFailed).retryPolicy(policy).addListener(events).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aLateReceiptNeverChangesAFinalStatusOnTheDatabase(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
            FakeSmsProvider fake = new FakeSmsProvider();
            RecordingListener events = new RecordingListener();
            Outbox outbox = outbox(db, fake, clock, events, RetryPolicy.ofDefaults(), false);
            OutboxEntry e = outbox.enqueue(message("dlr", "+306912345678", "Το αυτοκίνητό σας είναι έτοιμο"));
            outbox.sendNow().join();
            String id = outbox.get(e.id()).orElseThrow().providerMessageId().orElseThrow();
            Instant done = clock.instant().plusSeconds(3);

            OutboxEntry delivered = outbox.onDeliveryReceipt(DeliveryReceipt.builder(id, MessageStatus.DELIVERED)
                    .doneAt(done).build()).orElseThrow();
            Optional<OutboxEntry> late = outbox.onDeliveryReceipt(DeliveryReceipt.builder(id,
                    MessageStatus.UNDELIVERED).doneAt(done.plusSeconds(60)).build());

            assertThat(late).contains(delivered);
            OutboxEntry stored = outbox.get(e.id()).orElseThrow();
            assertThat(stored.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(stored.deliveredAt()).contains(done);
            assertThat(stored.version()).isEqualTo(delivered.version());
            assertThat(events.of(OutboxEvent.ReceiptApplied.class)).hasSize(1);
            outbox.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void conflictingReceiptsAtOnceLeaveTheFirstFinalStatusOnTheDatabase(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind)) {
            MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
            FakeSmsProvider fake = new FakeSmsProvider();
            RecordingListener events = new RecordingListener();
            Outbox outbox = outbox(db, fake, clock, events, RetryPolicy.ofDefaults(), false);
            int messages = 10;
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                OutboxEntry e = outbox.enqueue(message("race-" + i, "+30691234567" + i, "Hi " + i));
                ids.add(null);
                outbox.sendNow().join();
                ids.set(i, outbox.get(e.id()).orElseThrow().providerMessageId().orElseThrow());
            }
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> all = new ArrayList<>();
                for (String id : ids) {
                    for (MessageStatus st : List.of(MessageStatus.DELIVERED, MessageStatus.UNDELIVERED)) {
                        all.add(pool.submit(() -> {
                            go.await();
                            return outbox.onDeliveryReceipt(DeliveryReceipt.builder(id, st).build());
                        }));
                    }
                }
                go.countDown();
                for (Future<?> f : all) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }

            List<OutboxEvent.ReceiptApplied> applied = events.of(OutboxEvent.ReceiptApplied.class);
            assertThat(applied).as("one receipt per message changed it").hasSize(messages);
            for (OutboxEvent.ReceiptApplied a : applied) {
                OutboxEntry stored = outbox.get(a.entry().id()).orElseThrow();
                assertThat(stored.status()).as("the receipt applied first stays").isEqualTo(a.receipt().status());
                assertThat(stored.version()).isEqualTo(a.entry().version());
            }
            outbox.close();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void autoRetryExpiryAndClearedErrorsWorkOnTheDatabase(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
            FakeSmsProvider fake = new FakeSmsProvider();
            RecordingListener events = new RecordingListener();
            RetryPolicy policy = RetryPolicy.exponential(Duration.ofSeconds(1), Duration.ofMinutes(1), 2).withJitter(0);
            Outbox outbox = outbox(db, fake, clock, events, policy, true);
            fake.failWhen(s -> s.reference().orElse("").equals("down"), ErrorKind.PROVIDER_UNAVAILABLE);
            fake.failWhen(s -> s.reference().orElse("").equals("auth"), ErrorKind.AUTHENTICATION);
            AtomicBoolean limitedOnce = new AtomicBoolean();
            fake.failWhen(s -> s.reference().orElse("").equals("limited") && limitedOnce.compareAndSet(false, true),
                    ErrorKind.RATE_LIMITED);
            OutboxEntry down = outbox.enqueue(message("down", "+306912345671", "down"));
            OutboxEntry auth = outbox.enqueue(message("auth", "+306912345672", "auth"));
            OutboxEntry limited = outbox.enqueue(message("limited", "+306912345673", "limited"));
            OutboxEntry stale = outbox.enqueue(SmsMessage.builder().reference("stale").to("+306912345674").text("stale")
                    .validUntil(clock.instant().plusSeconds(1)).build());
            clock.advance(Duration.ofSeconds(2));

            for (int i = 0; i < 30; i++) { // manual runs, a minute apart
                outbox.sendNow().join();
                clock.advance(Duration.ofMinutes(1));
            }

            OutboxEntry d = outbox.get(down.id()).orElseThrow();
            assertThat(d.folder()).isEqualTo(Folder.FAILED);
            assertThat(d.attempts()).isEqualTo(policy.maxAttempts() + Outbox.MAX_AUTO_RETRIES);
            OutboxEntry a = outbox.get(auth.id()).orElseThrow();
            assertThat(a.folder()).isEqualTo(Folder.FAILED);
            assertThat(a.attempts()).isEqualTo(1);
            assertThat(events.of(OutboxEvent.Requeued.class)).extracting(r -> r.entry().id())
                    .containsOnly(down.id()).hasSize(Outbox.MAX_AUTO_RETRIES);
            OutboxEntry l = outbox.get(limited.id()).orElseThrow();
            assertThat(l.folder()).isEqualTo(Folder.SENT);
            assertThat(l.lastErrorKind()).isEmpty();
            assertThat(l.lastError()).isEmpty();
            assertThat(outbox.query(OutboxQuery.builder().errorKind(ErrorKind.RATE_LIMITED).build())).isEmpty();
            OutboxEntry x = outbox.get(stale.id()).orElseThrow();
            assertThat(x.status()).isEqualTo(MessageStatus.EXPIRED);
            assertThat(x.attempts()).isZero();
            assertThat(x.lastErrorKind()).isEmpty();
            assertThat(x.lastError()).get().asString().startsWith("expired");
            assertThat(fake.attempts()).isEqualTo(policy.maxAttempts() + Outbox.MAX_AUTO_RETRIES + 1 + 2);
            outbox.close();
        }
    }
}
