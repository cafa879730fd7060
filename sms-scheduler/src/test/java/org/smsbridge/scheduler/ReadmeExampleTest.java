package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsMessage;
import org.smsbridge.testing.FakeSmsProvider;

/** The README's examples, so they keep compiling and working. */
class ReadmeExampleTest {
    @Test
    void inMemoryExampleSendsTheQueuedAndSubmittedMessages() {
        FakeSmsProvider fake = new FakeSmsProvider();                    // or any SmsProvider
        SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("GR").build();

        Outbox outbox = Outbox.builder()
                .client(sms)
                .store(OutboxStore.inMemory())
                .sendInterval(Duration.ofMinutes(5))                      // default 5 minutes
                .autoSend(true).autoRetryFailed(true)
                .retryPolicy(RetryPolicy.exponential(Duration.ofSeconds(30), Duration.ofHours(1), 5))
                .addListener(event -> {
                    if (event instanceof OutboxEvent.Paused p) {
                        System.err.println("Top up the SMS account: " + p.cause().getMessage());
                    }
                })
                .build();
        outbox.start();

        OutboxEntry e = outbox.enqueue(SmsMessage.builder().to("6912345678").reference("order-1001")
                .text("Το αυτοκίνητό σας είναι έτοιμο").build(),
                EntryOptions.builder().operator("maria").contact("customer-42").build());
        outbox.schedule(SmsMessage.builder().to("+8613812345678").text("您的车已准备好").build(),
                Instant.now().plus(Duration.ofHours(2)));
        OutboxEntry draft = outbox.saveDraft(SmsMessage.builder().to("+84912345678").text("Xe của bạn đã sẵn sàng").build());
        outbox.submitDraft(draft.id());

        CompletableFuture<SendProgress> click = outbox.sendNow();         // the README joins at once
        int sentAtTheClick = fake.sent().size();                          // by the run start() began
        SendProgress done = click.join();                                 // the manual "send" button
        System.out.println(done.sent() + " sent, " + done.failed() + " failed"); // 2 sent, 0 failed
        List<OutboxEntry> sent = outbox.query(OutboxQuery.builder().folder(Folder.SENT).phone("+30691")
                .content("έτοιμο").sort(OutboxQuery.Sort.SENT_AT, true).limit(50).build());
        outbox.close();

        assertThat(done.done()).isTrue();
        assertThat(fake.sent()).hasSize(2);
        // what start()'s run sent after the click is counted; only what it sent before may be missing
        assertThat(done.sent()).isBetween(2 - sentAtTheClick, 2);
        assertThat(done.claimed()).isEqualTo(done.sent());
        assertThat(done.failed()).isZero();
        assertThat(sent).extracting(OutboxEntry::id).containsExactly(e.id());
        assertThat(outbox.get(e.id()).orElseThrow().folder()).isEqualTo(Folder.SENT);
    }

    @Test
    void h2ExampleCreatesTheSchemaAndSends() {
        SmsClient sms = SmsClient.builder().provider(new FakeSmsProvider()).defaultRegion("GR").build();
        JdbcDataSource h2 = new JdbcDataSource();                         // use your pool (HikariCP...) in production
        h2.setURL("jdbc:h2:mem:crm;DB_CLOSE_DELAY=-1");
        JdbcOutboxStore store = JdbcOutboxStore.builder(h2).tablePrefix("crm_").build();
        store.createSchemaIfMissing();                                    // or apply JdbcOutboxStore.ddl(dialect, "crm_") yourself

        Outbox node = Outbox.builder().client(sms).store(store).nodeId("web-1")
                .leaseDuration(Duration.ofMinutes(5)).batchSize(100).build();
        node.start();

        OutboxEntry e = node.enqueue(SmsMessage.builder().to("+447911123456").text("Your car is ready").build());
        node.sendNow().join(); // queued behind the automatic run that start() began, if it is still going
        assertThat(node.get(e.id()).orElseThrow().folder()).isEqualTo(Folder.SENT);
        node.close();
        store.dropSchema();
    }
}
