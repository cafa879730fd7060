package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smsbridge.SmsClient;
import org.smsbridge.templates.Template;
import org.smsbridge.testing.FakeSmsProvider;

/** The README's bulk import example, so it keeps compiling and working. */
class BulkImportReadmeTest {
    @TempDir
    Path dir;

    @Test
    void readmeExampleImportsPreviewsAndSends() throws Exception {
        Files.write(dir.resolve("customers.csv"), List.of("phone,name,tag", "13800138000,王小明,vip",
                "13800138001,李华,new", "12,坏,vip"), Charset.forName("GB18030"));
        FakeSmsProvider fake = new FakeSmsProvider();
        SmsClient sms = SmsClient.builder().provider(fake).build();
        Outbox outbox = Outbox.builder().client(sms).store(OutboxStore.inMemory()).autoSend(false).build();
        List<Double> bar = new ArrayList<>();
        StringWriter writer = new StringWriter();

        BulkImport bulk = BulkImport.builder().outbox(outbox).channel(sms.provider().name()).build();
        ImportOptions options = ImportOptions.builder()
                .format(ImportOptions.Format.CSV)
                .charset(Charset.forName("GB18030"))
                .phoneColumn("phone")
                .variable("name", "name")
                .tagColumn("tag")
                .template(Template.compile("{name}，您的订单已发货。"))
                .defaultRegion("CN")
                .executeAt(Instant.parse("2026-03-02T09:00:00Z"))
                .build();

        ImportPlan plan = bulk.plan(ImportSource.of(dir.resolve("customers.csv")), options);
        assertThat(plan.tags()).hasToString("[vip (1/2), new (1/1)]");
        assertThat(plan.rows("vip")).hasSize(1);
        assertThat(plan.firstMessage().orElseThrow().text()).isEqualTo("王小明，您的订单已发货。");
        assertThat(plan.rejectedSample()).hasSize(1);
        assertThat(plan.writeRejects(writer)).isEqualTo(1);
        assertThat(plan.confirmation().summary(java.time.ZoneId.systemDefault())).contains("Messages:  2 (rejected rows: 1)");

        ImportRun run = bulk.start(plan, List.of("vip"), p -> bar.add(p.fraction()));
        assertThat(run.completion().join().enqueued()).isEqualTo(1);
        assertThat(bar).last().isEqualTo(1.0);
        assertThat(bulk.progress(plan.planId())).contains(run.progress());
        outbox.sendNow().join();
        assertThat(outbox.query(BulkImport.sent(plan.planId()))).hasSize(1);
        assertThat(bulk.deleteEnqueued(plan.planId())).isZero();
        outbox.close();
    }
}
