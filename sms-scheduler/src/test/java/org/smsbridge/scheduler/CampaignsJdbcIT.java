package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsClient;
import org.smsbridge.templates.Template;
import org.smsbridge.testing.FakeSmsProvider;

/** Campaigns on the JDBC outbox store and opt-out list of each database. */
class CampaignsJdbcIT {
    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void campaignRunsOnTheHostsDatabase(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
            FakeSmsProvider fake = new FakeSmsProvider();
            SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("VN").clock(clock).build();
            ManualExecutor executor = new ManualExecutor();
            JdbcOptOutList optOut = JdbcOptOutList.builder(db.dataSource).tablePrefix(db.prefix).build();
            optOut.createSchemaIfMissing();
            try (Outbox outbox = Outbox.builder().client(sms).store(db.store()).clock(clock).executor(executor)
                    .autoSend(false).nodeId("node-a").build()) {
                Campaigns campaigns = Campaigns.builder().outbox(outbox).clock(clock).optOutList(optOut)
                        .defaultRegion("VN").advertisingNeedsApproval(true).build();
                campaigns.create(Campaign.builder().id("tet").name("Tết").purpose(CampaignPurpose.ADVERTISING)
                        .template(Template.compile("{name}: giảm 20% · 八折 · έκπτωση 20%"))
                        .endAt(Instant.parse("2026-03-31T00:00:00Z")).lists(List.of("vip")).build());
                campaigns.activate("tet");
                assertThat(campaigns.recordReply("+306912345678", "ΔΙΑΓΡΑΦΗ")).isTrue();
                List<CampaignRecipient> people = List.of(
                        new CampaignRecipient("vn", Set.of("vip"), Map.of("name", "Nguyễn Văn An", "phone", "0912345678")),
                        new CampaignRecipient("cn", Set.of("vip"), Map.of("name", "王芳", "phone", "+8613800138000")),
                        new CampaignRecipient("gr", Set.of("vip"), Map.of("name", "Γιώργος", "phone", "+306912345678")));

                CampaignSendReport r = campaigns.send("tet", people);
                assertThat(r.held()).isEqualTo(2);
                assertThat(r.skippedOptedOut()).isEqualTo(1);
                assertThat(campaigns.send("tet", people).alreadyInOutbox()).isEqualTo(2);

                campaigns.pause("tet");
                assertThat(campaigns.recordApproval("tet").messages()).isZero();
                assertThat(campaigns.resume("tet").messages()).isEqualTo(2);
                assertThat(campaigns.pause("tet").messages()).isEqualTo(2);
                assertThat(campaigns.counts("tet").stopped()).isEqualTo(2);
                campaigns.resume("tet");
                outbox.sendNow().join();
                assertThat(fake.sent()).hasSize(2);
                assertThat(campaigns.counts("tet").sent()).isEqualTo(2);

                campaigns.create(Campaign.builder().id("slow").name("slow").purpose(CampaignPurpose.ADVERTISING)
                        .template(Template.compile("{name}")).endAt(Instant.parse("2026-03-31T00:00:00Z")).build());
                campaigns.activate("slow");
                campaigns.send("slow", people);
                clock.advance(Duration.ofDays(3));
                assertThat(campaigns.expireUnapproved()).isEqualTo(2);
                assertThat(outbox.query(OutboxQuery.builder().campaignId("slow").folder(Folder.FAILED).build()))
                        .hasSize(2).allMatch(e -> e.status() == MessageStatus.EXPIRED
                                && e.lastError().orElseThrow().contains("did not arrive within PT72H"));
            } finally {
                optOut.dropSchema();
                executor.shutdownNow();
            }
        }
    }
}
