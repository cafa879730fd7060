package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.smsbridge.SmsClient;
import org.smsbridge.templates.Template;
import org.smsbridge.testing.FakeSmsProvider;

/** The README's campaign example, so it keeps compiling and working. */
class CampaignReadmeExampleTest {
    @Test
    void campaignExampleHoldsSkipsPackagesAndReleases(@TempDir Path dir) {
        FakeSmsProvider fake = new FakeSmsProvider();
        SmsClient sms = SmsClient.builder().provider(fake).build();
        Outbox outbox = Outbox.builder().client(sms).store(OutboxStore.inMemory()).autoSend(false).build();

        OptOutList optOut = OptOutList.inMemory();                        // or JdbcOptOutList.builder(dataSource).build()
        Campaigns campaigns = Campaigns.builder()
                .outbox(outbox)
                .optOutList(optOut)
                .defaultRegion("VN").defaultZone(ZoneId.of("Asia/Ho_Chi_Minh"))
                .advertisingNeedsApproval(true)                           // the carrier approves advertising first
                .approvalTimeout(Duration.ofDays(3))                      // the default
                .build();

        campaigns.create(Campaign.builder()
                .id("tet-2027").name("Khuyến mãi Tết")
                .purpose(CampaignPurpose.ADVERTISING)
                .template(Template.compile("Chào {name}, giảm 20% dịp Tết! Soạn TC để từ chối."))
                .lists(List.of("vip", "newsletter")).deselectList("newsletter") // all checked by default
                .phoneField("mobile")
                .quietHours(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0))) // the default
                .endAt(Instant.now().plus(Duration.ofDays(30)))
                .build());
        campaigns.activate("tet-2027");

        List<CampaignRecipient> customers = List.of(
                new CampaignRecipient("c-1", Set.of("vip"), Map.of("name", "Nguyễn Văn An", "mobile", "0912345678")),
                new CampaignRecipient("c-2", Set.of("vip"), Map.of("name", "王芳", "mobile", "+8613800138000")),
                new CampaignRecipient("c-3", Set.of("newsletter"), Map.of("name", "Γιώργος", "mobile", "+306912345678")));
        campaigns.recordReply("+8613800138000", "退订");                   // 王芳 replied STOP
        CampaignSendReport report = campaigns.send("tet-2027", customers); // 1 held, 1 opted out, 1 not selected

        ApprovalPackage pkg = campaigns.approvalPackage("tet-2027", customers);
        pkg.writeTo(dir);                             // customers.csv, customers.xlsx, content.txt for the e-mail
        CampaignChange approved = campaigns.recordApproval("tet-2027"); // held messages go to the outbox
        int expired = campaigns.expireUnapproved();   // call periodically: held over 3 days → Failed, EXPIRED
        CampaignCounts counts = campaigns.counts("tet-2027");
        outbox.close();

        assertThat(report.held()).isEqualTo(1);
        assertThat(report.skippedOptedOut()).isEqualTo(1);
        assertThat(report.notSelected()).isEqualTo(1);
        assertThat(pkg.customers()).isEqualTo(1);
        assertThat(dir.resolve("tet-2027-customers.xlsx")).exists();
        assertThat(approved.messages()).isEqualTo(1);
        assertThat(expired).isZero();
        assertThat(counts.queued() + counts.scheduled()).isEqualTo(1);
    }
}
