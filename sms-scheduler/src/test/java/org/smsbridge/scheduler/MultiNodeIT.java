package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsMessage;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.testing.FakeSmsProvider;

/**
 * Several outboxes on one database, a provider failing 10 % of calls at random: every message ends
 * in exactly one terminal folder, none is sent twice, none is lost.
 */
class MultiNodeIT {
    private static final int MESSAGES = 2_000;

    static Stream<Arguments> setups() {
        return Stream.of(TestDatabase.Kind.values()).flatMap(k -> Stream.of(Arguments.of(k, 2), Arguments.of(k, 4)));
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void nodesEnqueueingTheSameReferencesAtOnceAddEachOnceWithoutDatabaseErrors(TestDatabase.Kind kind)
            throws Exception {
        int nodes = 3;
        int messages = 600;
        try (TestDatabase db = TestDatabase.open(kind)) {
            SqlErrorCountingDataSource counting = new SqlErrorCountingDataSource(db.dataSource);
            SmsClient sms = SmsClient.builder().provider(new FakeSmsProvider()).build();
            List<SmsMessage> all = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                all.add(SmsMessage.builder().to("+30691" + String.format("%07d", i)).reference("ref-" + i)
                        .text("Μήνυμα " + i).build());
            }
            RecordingListener events = new RecordingListener();
            List<Outbox> outboxes = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                outboxes.add(Outbox.builder().client(sms).store(db.store(counting.dataSource())).nodeId("node-" + n)
                        .autoSend(false).addListener(events).build());
            }
            ExecutorService pool = Executors.newFixedThreadPool(nodes);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Map<String, Long>>> returned = new ArrayList<>();
            for (Outbox node : outboxes) {
                returned.add(pool.submit(() -> {
                    go.await();
                    Map<String, Long> ids = new HashMap<>();
                    for (int from = 0; from < messages; from += 50) {
                        List<SmsMessage> chunk = all.subList(from, from + 50);
                        List<OutboxEntry> got = from % 100 == 0 ? node.enqueueAll(chunk, EntryOptions.none())
                                : chunk.stream().map(node::enqueue).toList(); // batched and one by one
                        got.forEach(e -> ids.put(e.reference().orElseThrow(), e.id()));
                    }
                    return ids;
                }));
            }
            go.countDown();
            List<Map<String, Long>> idsByNode = new ArrayList<>();
            for (Future<Map<String, Long>> f : returned) {
                idsByNode.add(f.get(120, TimeUnit.SECONDS));
            }
            pool.shutdown();
            outboxes.forEach(Outbox::close);

            List<OutboxEntry> stored = db.store().query(OutboxQuery.builder().limit(OutboxQuery.MAX_LIMIT).build());
            assertThat(stored).as("none lost, none twice").hasSize(messages)
                    .extracting(e -> e.reference().orElseThrow()).doesNotHaveDuplicates();
            Map<String, Long> storedIds = stored.stream()
                    .collect(Collectors.toMap(e -> e.reference().orElseThrow(), OutboxEntry::id));
            assertThat(idsByNode).as("every node got the stored entry of each reference")
                    .allSatisfy(ids -> assertThat(ids).isEqualTo(storedIds));
            assertThat(events.of(OutboxEvent.Enqueued.class)).as("each reference announced by one node only")
                    .extracting(e -> e.entry().reference().orElseThrow()).hasSize(messages).doesNotHaveDuplicates();
            if (kind != TestDatabase.Kind.H2) {
                assertThat(counting.errors()).as("no duplicate-key error, so no driver WARN line").isEmpty();
            }
            sms.close();
        }
    }

    @ParameterizedTest(name = "{0} with {1} nodes")
    @MethodSource("setups")
    void everyMessageEndsInExactlyOneTerminalFolderAndNoneIsSentTwice(TestDatabase.Kind kind, int nodes)
            throws InterruptedException {
        try (TestDatabase db = TestDatabase.open(kind)) {
            FakeSmsProvider fake = new FakeSmsProvider();
            fake.failWhen(s -> ThreadLocalRandom.current().nextInt(10) == 0, ErrorKind.PROVIDER_UNAVAILABLE);
            SmsClient sms = SmsClient.builder().provider(fake).build();
            List<Outbox> outboxes = new ArrayList<>();
            List<AtomicInteger> sentByNode = new ArrayList<>();
            for (int n = 0; n < nodes; n++) {
                AtomicInteger sent = new AtomicInteger();
                sentByNode.add(sent);
                outboxes.add(Outbox.builder().client(sms).store(db.store()).nodeId("node-" + n)
                        .sendInterval(Duration.ofMillis(20)).batchSize(50)
                        .retryPolicy(RetryPolicy.exponential(Duration.ofMillis(5), Duration.ofMillis(20), 3))
                        .addListener(e -> {
                            if (e instanceof OutboxEvent.Sent) {
                                sent.incrementAndGet();
                            }
                        }).build());
            }
            outboxes.forEach(Outbox::start);
            for (int chunk = 0; chunk < MESSAGES / 200; chunk++) {
                List<SmsMessage> messages = new ArrayList<>();
                for (int i = chunk * 200; i < (chunk + 1) * 200; i++) {
                    messages.add(SmsMessage.builder().to("+30691" + String.format("%07d", i)).reference("m" + i)
                            .text("Μήνυμα " + i + " 消息 tin nhắn message").build());
                }
                outboxes.get(chunk % nodes).enqueueAll(messages, EntryOptions.none());
            }

            OutboxQuery waiting = OutboxQuery.builder().folder(Folder.OUTBOX).build();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (db.store().count(waiting) > 0 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            outboxes.forEach(Outbox::close);

            List<OutboxEntry> all = db.store().query(OutboxQuery.builder().limit(OutboxQuery.MAX_LIMIT).build());
            assertThat(all).as("none lost").hasSize(MESSAGES);
            assertThat(all).extracting(e -> e.reference().orElseThrow()).doesNotHaveDuplicates();
            assertThat(all).extracting(OutboxEntry::folder).as("every message ends in a terminal folder")
                    .isSubsetOf(Folder.SENT, Folder.FAILED);
            Map<String, Long> sends = fake.sent().stream()
                    .collect(Collectors.groupingBy(s -> s.reference().orElseThrow(), Collectors.counting()));
            assertThat(sends.values()).as("none sent twice").containsOnly(1L);
            for (OutboxEntry e : all) {
                String ref = e.reference().orElseThrow();
                if (e.folder() == Folder.SENT) {
                    assertThat(sends).as(ref).containsEntry(ref, 1L);
                } else {
                    assertThat(sends).as(ref).doesNotContainKey(ref);
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.lastErrorKind()).contains(ErrorKind.PROVIDER_UNAVAILABLE);
                }
            }
            assertThat(fake.attempts()).as("every provider call is counted on an entry")
                    .isEqualTo(all.stream().mapToLong(OutboxEntry::attempts).sum());
            assertThat(all.stream().filter(e -> e.attempts() > 1).count()).as("the 10 % failures were retried")
                    .isGreaterThan(MESSAGES / 20);
            assertThat(sentByNode).as("every node took part").allSatisfy(n -> assertThat(n.get()).isPositive());
            assertThat(sentByNode.stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(sends.size());
            Function<OutgoingSms, String> ref = s -> s.reference().orElseThrow();
            assertThat(fake.sent()).extracting(ref).hasSize(sends.size());
            sms.close();
        }
    }
}
