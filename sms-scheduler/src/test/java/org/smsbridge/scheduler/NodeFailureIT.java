package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsMessage;
import org.smsbridge.testing.FakeSmsProvider;

/** Nodes that die, and databases that go away, in the middle of sending. */
class NodeFailureIT {
    private static SmsMessage message(int i) {
        return SmsMessage.builder().to("+30691" + String.format("%07d", i)).reference("m" + i)
                .text("Το αυτοκίνητό σας είναι έτοιμο " + i).build();
    }

    private static Map<String, Long> sendsByReference(FakeSmsProvider fake) {
        return fake.sent().stream().collect(Collectors.groupingBy(s -> s.reference().orElseThrow(),
                Collectors.counting()));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anotherNodeFinishesTheBatchOfANodeThatDiedAfterItsLease(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind)) {
            MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-02T09:00:00Z"));
            // node A: its provider calls never answer, then its executor is shut down without close()
            FakeSmsProvider slow = new FakeSmsProvider().withLatency(Duration.ofHours(1));
            SmsClient slowClient = SmsClient.builder().provider(slow).sendTimeout(Duration.ofHours(1)).build();
            ScheduledExecutorService aExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "dying-node");
                t.setDaemon(true);
                return t;
            });
            Outbox a = Outbox.builder().client(slowClient).store(db.store()).nodeId("node-a").clock(clock)
                    .executor(aExecutor).batchSize(50).leaseDuration(Duration.ofMinutes(2)).autoSend(false).build();
            List<SmsMessage> messages = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                messages.add(message(i));
            }
            a.enqueueAll(messages, EntryOptions.none());
            a.sendNow();
            OutboxQuery claimedByA = OutboxQuery.builder().status(MessageStatus.SENDING).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (db.store().count(claimedByA) < 50 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            aExecutor.shutdownNow(); // dies: no close(), claims stay behind

            FakeSmsProvider fake = new FakeSmsProvider();
            Outbox b = Outbox.builder().client(SmsClient.builder().provider(fake).build()).store(db.store())
                    .nodeId("node-b").clock(clock).autoSend(false).build();
            b.sendNow().join();

            assertThat(fake.sent()).as("B leaves A's claimed batch alone during the lease").hasSize(70);
            List<OutboxEntry> stuck = db.store().query(claimedByA);
            assertThat(stuck).hasSize(50).allSatisfy(e -> assertThat(e.claimedBy()).contains("node-a"));

            clock.advance(Duration.ofMinutes(2));
            b.sendNow().join();
            b.close();

            List<OutboxEntry> all = db.store().query(OutboxQuery.builder().limit(1000).build());
            assertThat(all).hasSize(120).allSatisfy(e -> assertThat(e.folder()).isEqualTo(Folder.SENT));
            assertThat(sendsByReference(fake).values()).as("B sends each message once").hasSize(120).containsOnly(1L);
            assertThat(slow.sent()).as("only A's in-flight calls can have reached the provider twice")
                    .extracting(s -> s.reference().orElseThrow())
                    .containsExactlyInAnyOrderElementsOf(stuck.stream().map(e -> e.reference().orElseThrow()).toList());
            assertThat(all.stream().filter(e -> e.attempts() == 2).count()).isEqualTo(50);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aStoreOutageIsLoggedBackedOffAndSendingResumes(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            FlakyDataSource flaky = new FlakyDataSource(db.dataSource);
            FakeSmsProvider fake = new FakeSmsProvider();
            ManualExecutor executor = new ManualExecutor();
            RecordingListener events = new RecordingListener();
            Outbox outbox = Outbox.builder().client(SmsClient.builder().provider(fake).build())
                    .store(db.store(flaky)).executor(executor).addListener(events).nodeId("n").build();
            for (int i = 0; i < 20; i++) {
                outbox.enqueue(message(i));
            }
            flaky.down.set(true);
            outbox.start();

            executor.tick();
            executor.tick();
            assertThat(events.of(OutboxEvent.StoreUnavailable.class)).extracting(OutboxEvent.StoreUnavailable::consecutiveFailures)
                    .containsExactly(1, 2);
            executor.tick();
            assertThat(events.of(OutboxEvent.StoreUnavailable.class)).as("backs off: skips a run").hasSize(2);

            flaky.down.set(false);
            executor.tick();
            assertThat(fake.sent()).hasSize(20);
            assertThat(db.store().count(OutboxQuery.builder().folder(Folder.SENT).build())).isEqualTo(20);
            outbox.close();
            executor.shutdownNow();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void outcomesTheStoreMissedAreRecordedWhenItIsBackWithoutSendingAgain(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            FlakyDataSource flaky = new FlakyDataSource(db.dataSource);
            FakeSmsProvider fake = new FakeSmsProvider();
            fake.failWhen(s -> {
                if (s.reference().orElse("").equals("m3")) {
                    flaky.down.set(true); // the connection goes away while the batch is at the provider
                }
                return false;
            }, org.smsbridge.ErrorKind.PROVIDER_ERROR);
            MutableClock clock = new MutableClock(java.time.Instant.parse("2026-03-02T09:00:00Z"));
            ManualExecutor executor = new ManualExecutor();
            Outbox outbox = Outbox.builder().client(SmsClient.builder().provider(fake).build()).clock(clock)
                    .store(db.store(flaky)).executor(executor).nodeId("n").autoSend(false).build();
            for (int i = 0; i < 6; i++) {
                outbox.enqueue(message(i));
            }

            assertThatThrownBy(() -> outbox.sendNow().join()).isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(OutboxStoreException.class);
            assertThat(fake.sent()).hasSize(6);
            List<OutboxEntry> meanwhile = db.store().query(OutboxQuery.builder().build());
            assertThat(meanwhile).as("nothing half-updated: all still claimed, one attempt each").allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(MessageStatus.SENDING);
                assertThat(e.attempts()).isEqualTo(1);
            });

            flaky.down.set(false);
            clock.advance(Duration.ofSeconds(10));
            outbox.sendNow().join();

            assertThat(db.store().query(OutboxQuery.builder().build())).hasSize(6).allSatisfy(e -> {
                assertThat(e.folder()).isEqualTo(Folder.SENT);
                assertThat(e.attempts()).isEqualTo(1);
            });
            assertThat(sendsByReference(fake).values()).containsOnly(1L);
            outbox.close();
            executor.shutdownNow();
        }
    }
}
