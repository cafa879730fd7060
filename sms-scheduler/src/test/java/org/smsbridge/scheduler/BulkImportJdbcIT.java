package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsClient;
import org.smsbridge.templates.Template;
import org.smsbridge.testing.FakeSmsProvider;

/** A bulk import into the JDBC store on every database: batches, schedule, cancel and delete, lists. */
class BulkImportJdbcIT {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void importsSchedulesCancelsAndSendsOnTheDatabase(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
            FakeSmsProvider fake = new FakeSmsProvider();
            ManualExecutor executor = new ManualExecutor();
            Outbox outbox = Outbox.builder().client(SmsClient.builder().provider(fake).build()).store(db.store())
                    .clock(clock).executor(executor).autoSend(false).batchSize(500).build();
            BulkImport bulk = BulkImport.builder().outbox(outbox).clock(clock).executor(Runnable::run)
                    .batchSize(50).build();
            List<String> lines = new ArrayList<>(List.of("電話,名字,組"));
            String[] names = {"王小明", "Γιώργος", "Nguyễn Thị Hương", "John"};
            for (int i = 0; i < 300; i++) {
                lines.add("+3069" + (12340000 + i) + "," + names[i % 4] + "," + (i < 200 ? "vip" : "new"));
            }
            Charset gb = Charset.forName("GB18030");
            byte[] bytes = (String.join("\r\n", lines) + "\r\n").getBytes(gb);
            ImportOptions options = ImportOptions.builder().charset(gb).phoneColumn("電話").variable("name", "名字")
                    .tagColumn("組").template(Template.compile("{name}: 您的订单已发货 / η παραγγελία στάλθηκε"))
                    .executeAt(clock.instant().plus(Duration.ofHours(1))).build();

            ImportPlan plan = bulk.plan(ImportSource.of("gb18030.csv", bytes), options);
            assertThat(plan.tags()).containsExactly(new TagSummary("vip", 200, 200, 200, 200),
                    new TagSummary("new", 100, 100, 100, 100));

            ImportRun vip = bulk.start(plan, List.of("vip"), p -> {
                if (p.state() == ImportProgress.State.RUNNING && p.enqueued() == 100) {
                    bulk.cancel(p.planId());
                }
            });
            assertThat(vip.progress().state()).isEqualTo(ImportProgress.State.CANCELLED);
            assertThat(outbox.count(BulkImport.pending(plan.planId()))).isEqualTo(100);
            assertThat(bulk.deleteEnqueued(plan.planId())).isEqualTo(100);

            ImportRun again = bulk.start(plan);
            assertThat(again.progress().enqueued()).isEqualTo(300);
            List<OutboxEntry> pending = outbox.query(BulkImport.pending(plan.planId()).toBuilder().limit(1000).build());
            assertThat(pending).hasSize(200).allSatisfy(e -> assertThat(e.status()).isEqualTo(MessageStatus.SCHEDULED));
            assertThat(pending).extracting(e -> e.message().text().orElseThrow())
                    .contains("王小明: 您的订单已发货 / η παραγγελία στάλθηκε", "Nguyễn Thị Hương: 您的订单已发货 / η παραγγελία στάλθηκε");

            fake.failWhen(s -> s.to().endsWith("0"), ErrorKind.INVALID_NUMBER);
            clock.advance(Duration.ofHours(1));
            outbox.sendNow().join();

            assertThat(outbox.count(BulkImport.failed(plan.planId()))).isEqualTo(20);
            assertThat(outbox.count(BulkImport.sent(plan.planId()))).isEqualTo(180);
            outbox.close();
            executor.shutdownNow();
        }
    }
}
