package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessagePurpose;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsMessage;

class JdbcOutboxStoreIT {
    private static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");

    private static OutboxEntry queued(String ref, String to, String text) {
        return unreferenced(to, text).toBuilder().message(SmsMessage.builder().to(to).text(text).reference(ref).build())
                .build();
    }

    private static OutboxEntry unreferenced(String to, String text) {
        return OutboxEntry.builder().folder(Folder.OUTBOX).status(MessageStatus.QUEUED)
                .message(SmsMessage.builder().to(to).text(text).build()).createdAt(NOW).nextAttemptAt(NOW).build();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void createsTheSchemaOnceAndDetectsTheDialect(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            JdbcOutboxStore store = db.store();
            store.createSchemaIfMissing();

            assertThat(store.dialect().name()).startsWith(kind == TestDatabase.Kind.MARIADB ? "MARIADB" : kind.name());
            assertThat(store.tableName()).isEqualTo(db.prefix + "outbox_entry");
            assertThat(store.count(OutboxQuery.builder().build())).isZero();
            assertThat(JdbcOutboxStore.ddl(store.dialect(), db.prefix)).contains(db.prefix + "outbox_entry_due_ix");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void keepsEveryFieldOfAnEntryInEveryScript(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            JdbcOutboxStore store = db.store();
            List<OutboxEntry> written = new ArrayList<>();
            String[][] samples = {{"zh", "+8613812345678", "您的车已准备好，请到店取车 😀"},
                {"el", "+306912345678", "Το αυτοκίνητό σας είναι έτοιμο"},
                {"vi", "+84912345678", "Xe của bạn đã sẵn sàng"}, {"en", "+447911123456", "Your car is ready"}};
            for (String[] s : samples) {
                SmsMessage m = SmsMessage.builder().to(s[1]).from("ACME").text(s[2]).reference(s[0]).tag("tag-" + s[0])
                        .purpose(MessagePurpose.CUSTOMER_CARE).validUntil(NOW.plusSeconds(3600))
                        .putMetadata("名字", "Nguyễn & co=1").build();
                OutboxEntry e = OutboxEntry.builder().folder(Folder.DELETED).originFolder(Optional.of(Folder.SENT))
                        .status(MessageStatus.DELIVERED).message(m)
                        .options(EntryOptions.builder().operator("μαρία").contact("客户-42").campaignId("xuân").build())
                        .createdAt(NOW).scheduledAt(Optional.of(NOW.plusSeconds(5))).nextAttemptAt(NOW.plusSeconds(6))
                        .sentAt(Optional.of(NOW.plusSeconds(7))).deliveredAt(Optional.of(NOW.plusSeconds(8)))
                        .attempts(2).lastError(Optional.of(ErrorKind.TIMEOUT), Optional.of("no answer in 30 s"))
                        .providerMessageId(Optional.of("pm-" + s[0])).resendOf(Optional.of(77L)).build();
                written.add(store.insert(e).orElseThrow());
            }
            OutboxEntry template = store.insert(OutboxEntry.builder().folder(Folder.DRAFTS).status(MessageStatus.DRAFT)
                    .message(SmsMessage.builder().to("+306912345678").templateId("car_ready")
                            .putTemplateParam("plate", "ΙΚΥ-1234").build())
                    .createdAt(NOW).nextAttemptAt(NOW).build()).orElseThrow();
            written.add(template);

            for (OutboxEntry w : written) {
                assertThat(store.get(w.id())).contains(w);
            }
            assertThat(store.findByReference("el")).contains(written.get(1));
            assertThat(store.findByProviderMessageId("pm-zh")).contains(written.get(0));
            assertThat(written).extracting(OutboxEntry::version).containsOnly(1L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void insertingAKnownReferenceReturnsEmptyAlsoInBatches(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            JdbcOutboxStore store = db.store();
            assertThat(store.insert(queued("dup", "+306912345678", "a"))).isPresent();
            assertThat(store.insert(queued("dup", "+306912345678", "b"))).isEmpty();

            List<Optional<OutboxEntry>> batch = store.insertAll(List.of(queued("n1", "+306912345678", "x"),
                    queued("dup", "+306912345678", "y"), queued("n2", "+306912345678", "z")));

            assertThat(batch).extracting(Optional::isPresent).containsExactly(true, false, true);
            assertThat(store.count(OutboxQuery.builder().build())).isEqualTo(3);
            List<Optional<OutboxEntry>> clean = store.insertAll(List.of(queued("n3", "+306912345678", "x"),
                    queued("n4", "+306912345678", "y")));
            assertThat(clean).allSatisfy(o -> assertThat(o).isPresent());
            assertThat(store.get(clean.get(1).get().id())).isEqualTo(clean.get(1));
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void aKnownReferenceIsSkippedWithoutADatabaseErrorWhereTheDialectCan(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            SqlErrorCountingDataSource counting = new SqlErrorCountingDataSource(db.dataSource);
            JdbcOutboxStore store = db.store(counting.dataSource());
            OutboxEntry first = store.insert(queued("dup", "+306912345678", "first")).orElseThrow();

            assertThat(store.insert(queued("dup", "+306912345679", "second"))).isEmpty();
            List<Optional<OutboxEntry>> batch = store.insertAll(List.of(queued("n1", "+306912345678", "x"),
                    queued("dup", "+306912345678", "y"), unreferenced("+306912345678", "no reference"),
                    queued("n1", "+306912345678", "n1 again"), queued("n2", "+306912345678", "z"),
                    unreferenced("+306912345678", "no reference either")));

            assertThat(batch).extracting(Optional::isPresent).containsExactly(true, false, true, false, true, true);
            for (Optional<OutboxEntry> inserted : batch) {
                inserted.ifPresent(e -> assertThat(store.get(e.id())).contains(e));
            }
            assertThat(store.findByReference("dup")).as("the first entry stays as it was").contains(first);
            assertThat(store.findByReference("n1").orElseThrow().message().text()).contains("x");
            assertThat(store.count(OutboxQuery.builder().build())).isEqualTo(5);
            if (kind == TestDatabase.Kind.H2) {
                assertThat(counting.errors()).as("H2 has no conflict-free insert; its unique violation is caught")
                        .isNotEmpty().allSatisfy(e -> assertThat(e.getSQLState()).isEqualTo("23505"));
            } else {
                assertThat(counting.errors()).as("no error, so no driver WARN line").isEmpty();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anUpdateWithAStaleVersionChangesNothing(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            JdbcOutboxStore store = db.store();
            OutboxEntry e = store.insert(queued("v", "+306912345678", "a")).orElseThrow();
            OutboxEntry sent = store.update(e.toBuilder().folder(Folder.SENT).build()).orElseThrow();

            assertThat(store.update(e.toBuilder().folder(Folder.FAILED).build())).isEmpty();
            assertThat(store.updateAll(List.of(e, sent))).extracting(Optional::isPresent).containsExactly(false, true);
            assertThat(store.get(e.id()).orElseThrow().version()).isEqualTo(3);
            assertThat(store.delete(e.id(), 2)).isFalse();
            assertThat(store.delete(e.id(), 3)).isTrue();
            store.insert(queued("w", "+306912345678", "b"));
            OutboxEntry x = store.insert(queued("x", "+306912345678", "c")).orElseThrow();
            assertThatThrownBy(() -> store.update(x.toBuilder().message(x.message().toBuilder().reference("w").build())
                    .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("another entry has it");
            assertThat(store.get(x.id())).contains(x);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void concurrentClaimersNeverGetTheSameEntry(TestDatabase.Kind kind) throws Exception {
        try (TestDatabase db = TestDatabase.open(kind)) {
            JdbcOutboxStore store = db.store();
            List<OutboxEntry> rows = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                rows.add(queued("c" + i, "+306912345678", "m" + i));
            }
            store.insertAll(rows);
            ConcurrentLinkedQueue<Long> claimed = new ConcurrentLinkedQueue<>();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String node = "node-" + t;
                futures.add(pool.submit(() -> {
                    for (int round = 0; round < 200; round++) {
                        List<OutboxEntry> got = store.claimDue(node, NOW, NOW.plusSeconds(60), 20);
                        got.forEach(e -> claimed.add(e.id()));
                        if (got.isEmpty() && store.count(OutboxQuery.builder().status(MessageStatus.QUEUED).build()) == 0) {
                            return;
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            Set<Long> unique = new HashSet<>(claimed);
            assertThat(claimed).hasSize(400);
            assertThat(unique).hasSize(400);
            assertThat(store.claimDue("late", NOW.plusSeconds(59), NOW.plusSeconds(120), 100)).isEmpty();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void anExpiredLeaseMakesTheEntryDueAgainAndReleaseReturnsClaims(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            JdbcOutboxStore store = db.store();
            store.insert(queued("a", "+306912345678", "a"));
            store.insert(queued("b", "+306912345678", "b"));
            List<OutboxEntry> first = store.claimDue("dead", NOW, NOW.plusSeconds(30), 1);
            assertThat(first).singleElement().satisfies(e -> {
                assertThat(e.claimedBy()).contains("dead");
                assertThat(e.leaseUntil()).contains(NOW.plusSeconds(30));
                assertThat(e.attempts()).isEqualTo(1);
            });

            List<OutboxEntry> other = store.claimDue("alive", NOW.plusSeconds(29), NOW.plusSeconds(90), 10);
            assertThat(other).extracting(OutboxEntry::id).doesNotContain(first.get(0).id()).hasSize(1);

            List<OutboxEntry> again = store.claimDue("alive", NOW.plusSeconds(30), NOW.plusSeconds(90), 10);
            assertThat(again).singleElement().satisfies(e -> {
                assertThat(e.id()).isEqualTo(first.get(0).id());
                assertThat(e.attempts()).isEqualTo(2);
            });
            assertThat(store.update(first.get(0).toBuilder().folder(Folder.SENT).build()))
                    .as("the dead node's late completion is fenced off by the version").isEmpty();

            assertThat(store.releaseClaims("alive", NOW.plusSeconds(40))).isEqualTo(2);
            assertThat(store.query(OutboxQuery.builder().build())).allSatisfy(e -> {
                assertThat(e.status()).isEqualTo(MessageStatus.QUEUED);
                assertThat(e.claimedBy()).isEmpty();
                assertThat(e.nextAttemptAt()).isEqualTo(NOW.plusSeconds(40));
            });
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void queryReturnsExactlyWhatTheReferenceFilterReturns(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            Random r = new Random(kind.ordinal() + 11);
            QueryProperty.fill(db.store(), r, 300);
            QueryProperty.check(db.store(), r, 300);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void contentSearchTakesPercentAndUnderscoreLiterally(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            JdbcOutboxStore store = db.store();
            store.insert(queued("pct", "+306912345678", "50% off"));
            store.insert(queued("plain", "+306912345678", "500 off"));
            store.insert(queued("under", "+306912345678", "a_b"));
            store.insert(queued("axb", "+306912345678", "axb"));
            store.insert(queued("upper", "+306912345678", "A_B"));

            assertThat(store.query(OutboxQuery.builder().content("0%").build())).extracting(e -> e.reference().get())
                    .containsExactly("pct");
            assertThat(store.query(OutboxQuery.builder().content("a_b").build())).extracting(e -> e.reference().get())
                    .containsExactly("under");
            assertThat(store.query(OutboxQuery.builder().content("%").build())).hasSize(1);
        }
    }
}
