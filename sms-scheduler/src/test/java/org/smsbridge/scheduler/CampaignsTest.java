package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessagePurpose;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsClient;
import org.smsbridge.scheduler.internal.RecipientZones;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.templates.SavedTemplate;
import org.smsbridge.templates.Template;
import org.smsbridge.templates.TemplateLibrary;
import org.smsbridge.templates.TemplateStore;
import org.smsbridge.testing.FakeSmsProvider;

class CampaignsTest {
    /** 16:00 in Saigon, 17:00 in Shanghai, 11:00 in Athens, 09:00 in London: day everywhere. */
    private static final Instant DAY = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant END = Instant.parse("2026-03-31T00:00:00Z");
    private static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh");

    private final MutableClock clock = new MutableClock(DAY);
    private final FakeSmsProvider fake = new FakeSmsProvider();
    private final SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("VN").clock(clock).build();
    private final ManualExecutor executor = new ManualExecutor();
    private final OutboxStore store = OutboxStore.inMemory();
    private final RecordingListener events = new RecordingListener();
    private final Outbox outbox = Outbox.builder().client(sms).store(store).clock(clock).executor(executor)
            .autoSend(false).nodeId("node-a").addListener(events).build();
    private final OptOutList optOut = OptOutList.inMemory();
    private Campaigns campaigns = campaigns(false);

    private Campaigns campaigns(boolean approval) {
        return Campaigns.builder().outbox(outbox).clock(clock).optOutList(optOut).defaultRegion("VN")
                .defaultZone(SAIGON).advertisingNeedsApproval(approval).build();
    }

    @AfterEach
    void tearDown() {
        outbox.close();
        executor.shutdownNow();
    }

    private static CampaignRecipient recipient(String id, String name, String phone, String... lists) {
        return new CampaignRecipient(id, Set.of(lists), Map.of("name", name, "phone", phone));
    }

    /** One customer in each script and country. */
    private static final List<CampaignRecipient> FOUR = List.of(
            recipient("vn-1", "Nguyễn Văn An", "0912345678", "vip"),
            recipient("cn-1", "王芳", "+8613800138000", "vip"),
            recipient("gr-1", "Γιώργος", "+306912345678", "newsletter"),
            recipient("uk-1", "John", "+447911123456", "vip", "newsletter"));

    private static Campaign.Builder ads(String id) {
        return Campaign.builder().id(id).name("Tết " + id).purpose(CampaignPurpose.ADVERTISING)
                .template(Template.compile("{name}: giảm 20% · 八折 · έκπτωση 20% · 20% off")).endAt(END)
                .lists(List.of("vip", "newsletter"));
    }

    private static Campaign.Builder care(String id) {
        return Campaign.builder().id(id).name("Bảo dưỡng " + id).purpose(CampaignPurpose.CUSTOMER_CARE)
                .carrierTemplateId("VT-CARE-7").template(Template.compile("{name}, xe của bạn đã đến hạn bảo dưỡng"))
                .endAt(END);
    }

    private Campaign active(Campaign.Builder b) {
        Campaign c = campaigns.create(b.build());
        return campaigns.activate(c.id());
    }

    private List<OutboxEntry> folder(String campaignId, Folder folder) {
        return outbox.query(OutboxQuery.builder().campaignId(campaignId).folder(folder).sort(OutboxQuery.Sort.ID, false)
                .build());
    }

    private OutboxEntry entry(String reference) {
        return store.findByReference(reference).orElseThrow();
    }

    private List<String> sentTo() {
        return fake.sent().stream().map(OutgoingSms::to).toList();
    }

    // ------------------------------------------------------------ status rules

    @Test
    void sendIsRefusedUnlessTheCampaignIsActive() {
        campaigns.create(ads("draft").build());
        assertThatThrownBy(() -> campaigns.send("draft", FOUR)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is DRAFT").hasMessageContaining("activate(\"draft\")");
        active(ads("paused"));
        campaigns.pause("paused");
        assertThatThrownBy(() -> campaigns.send("paused", FOUR)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is PAUSED").hasMessageContaining("resume(\"paused\")");
        active(ads("ended"));
        campaigns.end("ended");
        assertThatThrownBy(() -> campaigns.send("ended", FOUR)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is ENDED").hasMessageContaining("never sends again");
        assertThat(store.count(OutboxQuery.builder().build())).isZero();
    }

    @Test
    void sendIsRefusedOnceTheEndTimeHasPassed() {
        active(ads("short").endAt(DAY.plus(Duration.ofHours(1))));
        clock.advance(Duration.ofHours(1));
        assertThatThrownBy(() -> campaigns.send("short", FOUR)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ended at 2026-03-02T10:00:00Z").hasMessageContaining("update(...)");
        campaigns.update(campaigns.get("short").orElseThrow().toBuilder().endAt(END).build());
        assertThat(campaigns.send("short", FOUR).added()).as("after moving the end time").isEqualTo(4);
    }

    @Test
    void statusTransitionsFollowTheRules() {
        campaigns.create(ads("c").build());
        assertThatThrownBy(() -> campaigns.pause("c")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("it must be ACTIVE");
        assertThatThrownBy(() -> campaigns.resume("c")).hasMessageContaining("it must be PAUSED");
        assertThat(campaigns.activate("c").status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThatThrownBy(() -> campaigns.activate("c")).hasMessageContaining("it must be DRAFT");
        assertThat(campaigns.pause("c").campaign().status()).isEqualTo(CampaignStatus.PAUSED);
        assertThat(campaigns.resume("c").campaign().status()).isEqualTo(CampaignStatus.ACTIVE);
        assertThat(campaigns.end("c").campaign().status()).isEqualTo(CampaignStatus.ENDED);
        assertThatThrownBy(() -> campaigns.end("c")).hasMessageContaining("is ENDED");
        assertThatThrownBy(() -> campaigns.update(ads("c").build())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("has ended");
    }

    @Test
    void activatingOrResumingAfterTheEndIsRefused() {
        campaigns.create(ads("late").endAt(DAY.plusSeconds(60)).build());
        active(ads("late2").endAt(DAY.plusSeconds(60)));
        campaigns.pause("late2");
        clock.advance(Duration.ofMinutes(1));
        assertThatThrownBy(() -> campaigns.activate("late")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ended at");
        assertThatThrownBy(() -> campaigns.resume("late2")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ended at");
    }

    @Test
    void definitionsAreUniqueAndUpdateKeepsTheStatus() {
        campaigns.create(ads("c").build());
        assertThatThrownBy(() -> campaigns.create(ads("c").build())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exists");
        assertThatThrownBy(() -> campaigns.update(ads("c").status(CampaignStatus.ACTIVE).build()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not change the status");
        assertThat(campaigns.update(ads("c").name("renamed").build()).name()).isEqualTo("renamed");
        assertThatThrownBy(() -> campaigns.activate("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no campaign 'nope'");
        assertThatThrownBy(() -> campaigns.update(ads("nope").build())).isInstanceOf(IllegalArgumentException.class);
        assertThat(campaigns.get("nope")).isEmpty();
        campaigns.create(ads("a").build());
        assertThat(campaigns.list()).extracting(Campaign::id).containsExactly("a", "c");
    }

    // ------------------------------------------------------------ sending

    @Test
    void customerCareRendersEachRecipientAndQueuesItWithTheCampaignId() {
        active(care("care"));
        CampaignSendReport r = campaigns.send("care", FOUR);
        assertThat(r.targeted()).isEqualTo(4);
        assertThat(r.queued()).isEqualTo(4);
        assertThat(r.rejected()).isEmpty();

        OutboxEntry vn = entry("campaign:care:vn-1");
        assertThat(vn.folder()).isEqualTo(Folder.OUTBOX);
        assertThat(vn.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(vn.campaignId()).contains("care");
        assertThat(vn.contact()).contains("vn-1");
        assertThat(vn.phone()).as("normalized with the default region").isEqualTo("+84912345678");
        assertThat(vn.message().text()).contains("Nguyễn Văn An, xe của bạn đã đến hạn bảo dưỡng");
        assertThat(vn.message().purpose()).isEqualTo(MessagePurpose.CUSTOMER_CARE);
        assertThat(vn.message().metadata()).containsEntry("carrierTemplateId", "VT-CARE-7")
                .containsEntry("campaign", "care");
        assertThat(vn.message().validUntil()).contains(END);
        assertThat(entry("campaign:care:cn-1").message().text().orElseThrow()).contains("王芳,");
        assertThat(entry("campaign:care:gr-1").message().text().orElseThrow()).contains("Γιώργος,");

        outbox.sendNow().join();
        assertThat(sentTo()).containsExactlyInAnyOrder("+84912345678", "+8613800138000", "+306912345678",
                "+447911123456");
    }

    @Test
    void sendingTheSameRecipientsAgainAddsNothing() {
        active(ads("again"));
        assertThat(campaigns.send("again", FOUR).added()).isEqualTo(4);
        outbox.sendNow().join();
        CampaignSendReport second = campaigns.send("again", FOUR);
        assertThat(second.added()).isZero();
        assertThat(second.alreadyInOutbox()).isEqualTo(4);
        outbox.sendNow().join();
        assertThat(fake.sent()).hasSize(4);
        List<CampaignRecipient> twice = List.of(FOUR.get(0), FOUR.get(0));
        active(ads("dup"));
        CampaignSendReport r = campaigns.send("dup", twice);
        assertThat(r.added()).isEqualTo(1);
        assertThat(r.alreadyInOutbox()).as("the same recipient twice in one call").isEqualTo(1);
    }

    @Test
    void onlyRecipientsOnSelectedListsAreSentTo() {
        active(ads("sel").deselectList("newsletter"));
        CampaignSendReport r = campaigns.send("sel", FOUR);
        assertThat(r.targeted()).isEqualTo(3);
        assertThat(r.notSelected()).isEqualTo(1);
        assertThat(store.findByReference("campaign:sel:gr-1")).isEmpty();
        assertThat(store.findByReference("campaign:sel:uk-1")).as("also on a selected list").isPresent();
    }

    @Test
    void recipientsWithoutAValidNumberOrTemplateValuesAreRejectedWithTheReason() {
        active(ads("bad").phoneField("mobile").lists(List.of()));
        CampaignSendReport r = campaigns.send("bad", List.of(
                CampaignRecipient.of("no-number", Map.of("name", "An")),
                CampaignRecipient.of("blank", Map.of("name", "An", "mobile", " ")),
                CampaignRecipient.of("bad-number", Map.of("name", "An", "mobile", "12")),
                CampaignRecipient.of("no-name", Map.of("mobile", "0912345678")),
                CampaignRecipient.of("ok", Map.of("name", "An", "mobile", "0912345678"))));
        assertThat(r.rejected()).containsOnlyKeys("no-number", "blank", "bad-number", "no-name");
        assertThat(r.rejected().get("no-number")).contains("no number in field 'mobile'");
        assertThat(r.rejected().get("bad-number")).contains("field 'mobile'");
        assertThat(r.rejected().get("no-name")).contains("template").contains("name");
        assertThat(r.queued()).isEqualTo(1);
    }

    @Test
    void savedTemplatesComeFromTheLibrary() {
        TemplateLibrary library = TemplateLibrary.builder().store(TemplateStore.inMemory()).build();
        library.save(SavedTemplate.builder().name("tet").body("Chúc mừng năm mới, {name}!").build());
        campaigns = Campaigns.builder().outbox(outbox).clock(clock).defaultRegion("VN").templates(library).build();
        active(ads("saved").templateName("tet"));
        campaigns.send("saved", FOUR.subList(0, 1));
        assertThat(entry("campaign:saved:vn-1").message().text()).contains("Chúc mừng năm mới, Nguyễn Văn An!");
        active(ads("missing").templateName("nope"));
        assertThatThrownBy(() -> campaigns.send("missing", FOUR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no saved template named 'nope'");
        Campaigns without = Campaigns.builder().outbox(outbox).clock(clock).build();
        without.create(ads("x").templateName("tet").status(CampaignStatus.ACTIVE).build());
        assertThatThrownBy(() -> without.send("x", FOUR)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("templates(library)");
    }

    // ------------------------------------------------------------ quiet hours and time

    @Test
    void advertisingAtNightWaitsForMorningInEachRecipientsZone() {
        clock.advance(Duration.ofHours(6)); // 15:00 UTC: 22:00 Saigon, 23:00 Shanghai, 17:00 Athens, 15:00 London
        active(ads("night"));
        CampaignSendReport r = campaigns.send("night", FOUR);
        assertThat(r.queued()).isEqualTo(2);
        assertThat(r.scheduled()).isEqualTo(2);
        assertThat(entry("campaign:night:vn-1").scheduledAt()).contains(Instant.parse("2026-03-03T01:00:00Z"));
        assertThat(entry("campaign:night:cn-1").scheduledAt()).contains(Instant.parse("2026-03-03T00:00:00Z"));
        assertThat(entry("campaign:night:gr-1").status()).isEqualTo(MessageStatus.QUEUED);
        outbox.sendNow().join();
        assertThat(sentTo()).containsExactlyInAnyOrder("+306912345678", "+447911123456");
        clock.advance(Duration.ofHours(10)); // 01:00 UTC: 08:00 in Saigon
        outbox.sendNow().join();
        assertThat(sentTo()).hasSize(4);
    }

    @Test
    void customerCareFollowsItsOwnQuietHoursOrNone() {
        clock.advance(Duration.ofHours(6)); // 22:00 in Saigon
        active(care("care-night"));
        assertThat(campaigns.send("care-night", FOUR.subList(0, 1)).scheduled()).isEqualTo(1);
        active(care("care-any").quietHours(QuietHours.none()));
        assertThat(campaigns.send("care-any", FOUR.subList(0, 1)).queued()).isEqualTo(1);
    }

    @Test
    void sendAtAndStartTimeDelayTheMessagesAndQuietHoursStillApply() {
        Instant at = Instant.parse("2026-03-05T03:00:00Z"); // 10:00 in Saigon
        active(ads("later").sendAt(at));
        campaigns.send("later", FOUR.subList(0, 1));
        assertThat(entry("campaign:later:vn-1").scheduledAt()).contains(at);
        Instant start = Instant.parse("2026-03-06T15:00:00Z"); // 22:00 in Saigon
        active(ads("starts").startAt(start));
        campaigns.send("starts", FOUR.subList(0, 1));
        assertThat(entry("campaign:starts:vn-1").scheduledAt()).contains(Instant.parse("2026-03-07T01:00:00Z"));
    }

    @Test
    void aNumberWithSeveralZonesIsSentOnlyWhenItIsDayInAllOfThem() {
        List<ZoneId> zones = RecipientZones.candidates("+79161234567");
        assertThat(zones.stream().map(z -> z.getRules().getOffset(DAY)).distinct()).hasSizeGreaterThan(1);
        active(ads("ru").lists(List.of()));
        campaigns.send("ru", List.of(CampaignRecipient.of("ru-1", Map.of("name", "Иван", "phone", "+79161234567"))));
        Instant at = entry("campaign:ru:ru-1").nextAttemptAt();
        for (ZoneId z : zones) {
            assertThat(QuietHours.DEFAULT.isQuiet(at, z)).as("quiet in %s at %s", z, at).isFalse();
        }
        Instant minuteBefore = at.minusSeconds(60);
        assertThat(zones).as("a minute earlier it was night somewhere")
                .anyMatch(z -> QuietHours.DEFAULT.isQuiet(minuteBefore, z));
    }

    @Test
    void aNumberWhoseZonesNeverShareADayIsRejected() {
        QuietHours mornings = QuietHours.of(LocalTime.of(12, 0), LocalTime.of(8, 0)); // allowed 08:00-12:00 only
        active(ads("ru2").lists(List.of()).quietHours(mornings));
        CampaignSendReport r = campaigns.send("ru2",
                List.of(CampaignRecipient.of("ru-1", Map.of("name", "Иван", "phone", "+79161234567"))));
        assertThat(r.rejected()).containsKey("ru-1");
        assertThat(r.rejected().get("ru-1")).contains("no hour outside the quiet hours");
        assertThat(store.findByReference("campaign:ru2:ru-1")).isEmpty();
    }

    @Test
    void messagesStillUnsentAtTheCampaignsEndExpireInsteadOfBeingSent() {
        active(ads("ending").endAt(DAY.plus(Duration.ofHours(2))));
        campaigns.send("ending", FOUR.subList(0, 1));
        clock.advance(Duration.ofHours(3));
        outbox.sendNow().join();
        assertThat(fake.sent()).isEmpty();
        assertThat(entry("campaign:ending:vn-1").status()).isEqualTo(MessageStatus.EXPIRED);
        assertThat(campaigns.counts("ending").expired()).isEqualTo(1);
    }

    // ------------------------------------------------------------ pause, resume, end

    @Test
    void pauseStopsUnsentMessagesAndResumeSendsThem() {
        active(ads("p"));
        campaigns.send("p", FOUR);
        CampaignChange paused = campaigns.pause("p");
        assertThat(paused.messages()).isEqualTo(4);
        assertThat(folder("p", Folder.DELETED)).hasSize(4).allMatch(e -> e.originFolder().orElseThrow() == Folder.OUTBOX);
        outbox.sendNow().join();
        assertThat(fake.sent()).isEmpty();
        assertThat(campaigns.counts("p").stopped()).isEqualTo(4);

        CampaignChange resumed = campaigns.resume("p");
        assertThat(resumed.messages()).isEqualTo(4);
        assertThat(folder("p", Folder.OUTBOX)).hasSize(4);
        outbox.sendNow().join();
        assertThat(fake.sent()).hasSize(4);
    }

    @Test
    void resumingAtNightMovesTheStoppedMessagesToTheMorning() {
        active(ads("pn"));
        campaigns.send("pn", FOUR.subList(0, 1));
        campaigns.pause("pn");
        clock.advance(Duration.ofHours(6)); // 22:00 in Saigon
        campaigns.resume("pn");
        OutboxEntry e = entry("campaign:pn:vn-1");
        assertThat(e.folder()).isEqualTo(Folder.OUTBOX);
        assertThat(e.status()).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(e.scheduledAt()).contains(Instant.parse("2026-03-03T01:00:00Z"));
        outbox.sendNow().join();
        assertThat(fake.sent()).isEmpty();
    }

    @Test
    void resumeKeepsALaterScheduledTime() {
        Instant at = Instant.parse("2026-03-05T03:00:00Z");
        active(ads("ps").sendAt(at));
        campaigns.send("ps", FOUR.subList(0, 1));
        campaigns.pause("ps");
        campaigns.resume("ps");
        assertThat(entry("campaign:ps:vn-1").scheduledAt()).contains(at);
    }

    @Test
    void pauseSkipsAMessageANodeIsSendingRightNow() {
        active(ads("busy"));
        campaigns.send("busy", FOUR.subList(0, 2));
        List<OutboxEntry> claimed = store.claimDue("node-b", DAY, DAY.plus(Duration.ofMinutes(5)), 1);
        CampaignChange paused = campaigns.pause("busy");
        assertThat(paused.messages()).isEqualTo(1);
        assertThat(paused.skipped()).containsOnlyKeys(claimed.get(0).id());
        assertThat(paused.skipped().get(claimed.get(0).id())).contains("is being sent");
    }

    @Test
    void endStopsOutboxAndHeldMessagesForGood() {
        campaigns = campaigns(true);
        active(ads("e"));
        campaigns.send("e", FOUR.subList(0, 2));
        active(care("ce"));
        campaigns.send("ce", FOUR.subList(0, 2));
        assertThat(campaigns.end("e").messages()).as("held drafts").isEqualTo(2);
        assertThat(campaigns.end("ce").messages()).as("queued").isEqualTo(2);
        assertThat(folder("e", Folder.DELETED)).hasSize(2);
        assertThat(folder("ce", Folder.DELETED)).hasSize(2);
        outbox.sendNow().join();
        assertThat(fake.sent()).isEmpty();
        assertThatThrownBy(() -> campaigns.resume("e")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> campaigns.recordApproval("e")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("is ENDED");
    }

    // ------------------------------------------------------------ carrier approval

    @Test
    void advertisingIsHeldAsDraftsUntilTheCarrierApproves() {
        campaigns = campaigns(true);
        active(ads("ad"));
        CampaignSendReport r = campaigns.send("ad", FOUR);
        assertThat(r.held()).isEqualTo(4);
        assertThat(folder("ad", Folder.DRAFTS)).hasSize(4).allMatch(e -> e.status() == MessageStatus.DRAFT);
        outbox.sendNow().join();
        assertThat(fake.sent()).isEmpty();
        assertThat(campaigns.counts("ad").held()).isEqualTo(4);

        CampaignChange approved = campaigns.recordApproval("ad");
        assertThat(approved.messages()).isEqualTo(4);
        assertThat(approved.campaign().approvedAt()).contains(DAY);
        outbox.sendNow().join();
        assertThat(fake.sent()).hasSize(4);

        assertThat(campaigns.send("ad", List.of(recipient("vn-2", "Trần Thị Bình", "0912345679", "vip"))).queued())
                .as("after approval nothing is held").isEqualTo(1);
        assertThat(campaigns.recordApproval("ad").campaign().approvedAt()).as("recorded once").contains(DAY);
    }

    @Test
    void customerCareIsNeverHeldForApproval() {
        campaigns = campaigns(true);
        active(care("care"));
        assertThat(campaigns.send("care", FOUR).queued()).isEqualTo(4);
        assertThatThrownBy(() -> campaigns.recordApproval("care")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only advertising");
    }

    @Test
    void approvalAtNightReleasesHeldMessagesInTheMorning() {
        campaigns = campaigns(true);
        active(ads("an"));
        campaigns.send("an", FOUR.subList(0, 1));
        clock.advance(Duration.ofHours(6)); // 22:00 in Saigon
        campaigns.recordApproval("an");
        OutboxEntry e = entry("campaign:an:vn-1");
        assertThat(e.status()).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(e.nextAttemptAt()).isEqualTo(Instant.parse("2026-03-03T01:00:00Z"));
    }

    @Test
    void approvalWhilePausedReleasesOnResume() {
        campaigns = campaigns(true);
        active(ads("ap"));
        campaigns.send("ap", FOUR.subList(0, 2));
        campaigns.pause("ap");
        assertThat(campaigns.recordApproval("ap").messages()).isZero();
        assertThat(folder("ap", Folder.DRAFTS)).hasSize(2);
        assertThat(campaigns.resume("ap").messages()).isEqualTo(2);
        outbox.sendNow().join();
        assertThat(fake.sent()).hasSize(2);
    }

    @Test
    void heldMessagesExpireAfterThreeDaysWithoutApproval() {
        campaigns = campaigns(true);
        active(ads("slow"));
        campaigns.send("slow", FOUR);
        clock.advance(Duration.ofDays(3).minusMinutes(1));
        assertThat(campaigns.expireUnapproved()).isZero();
        clock.advance(Duration.ofMinutes(1));
        assertThat(campaigns.expireUnapproved()).isEqualTo(4);
        List<OutboxEntry> failed = folder("slow", Folder.FAILED);
        assertThat(failed).hasSize(4).allMatch(e -> e.status() == MessageStatus.EXPIRED);
        assertThat(failed.get(0).lastErrorKind()).isEmpty();
        assertThat(failed.get(0).lastError().orElseThrow())
                .contains("carrier approval of advertising campaign 'slow' did not arrive within PT72H");
        assertThat(events.of(OutboxEvent.Expired.class)).hasSize(4);
        CampaignCounts counts = campaigns.counts("slow");
        assertThat(counts.expired()).isEqualTo(4);
        assertThat(counts.held()).isZero();
        assertThat(campaigns.recordApproval("slow").messages()).as("nothing left to release").isZero();
    }

    @Test
    void approvalTimeoutIsConfigurable() {
        campaigns = Campaigns.builder().outbox(outbox).clock(clock).defaultRegion("VN").advertisingNeedsApproval(true)
                .approvalTimeout(Duration.ofHours(12)).build();
        active(ads("fast"));
        campaigns.send("fast", FOUR.subList(0, 1));
        clock.advance(Duration.ofHours(12));
        assertThat(campaigns.expireUnapproved()).isEqualTo(1);
        assertThatThrownBy(() -> Campaigns.builder().approvalTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("approvalTimeout must be positive");
    }

    @Test
    void carrierRejectionExpiresHeldMessagesWithTheCarriersReason() {
        campaigns = campaigns(true);
        active(ads("no"));
        campaigns.send("no", FOUR.subList(0, 2));
        CampaignChange rejected = campaigns.recordRejection("no", "nội dung vi phạm quy định quảng cáo");
        assertThat(rejected.messages()).isEqualTo(2);
        assertThat(folder("no", Folder.FAILED)).hasSize(2).allMatch(e -> e.lastError().orElseThrow()
                .contains("the carrier rejected advertising campaign 'no': nội dung vi phạm quy định quảng cáo"));
        assertThatThrownBy(() -> campaigns.recordRejection("no", " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void approvalPackageListsTargetedReachableCustomersAndTheContent() throws Exception {
        optOut.add("+306912345678", DAY, "reply: ΔΙΑΓΡΑΦΗ");
        campaigns.create(ads("pkg").sender("ACME").build());
        List<CampaignRecipient> all = new java.util.ArrayList<>(FOUR);
        all.add(recipient("evil", "=cmd|' /C calc'!A0", "0912345670", "vip"));
        all.add(recipient("bad", "Bad", "12", "vip"));
        ApprovalPackage p = campaigns.approvalPackage("pkg", all);
        assertThat(p.customers()).as("opted-out and invalid numbers left out").isEqualTo(4);
        String csv = new String(p.csv(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(csv).contains("Nguyễn Văn An,'+84912345678", "王芳,'+8613800138000", "John,'+447911123456",
                "'=cmd|' /C calc'!A0,'+84912345670").doesNotContain("Γιώργος");
        assertThat(ApprovalPackageTest.texts(ApprovalPackageTest.zipEntry(p.xlsx(), "xl/worksheets/sheet1.xml")))
                .contains("Nguyễn Văn An", "+84912345678", "=cmd|' /C calc'!A0");
        assertThat(p.content()).isEqualTo("{name}: giảm 20% · 八折 · έκπτωση 20% · 20% off");
        assertThat(p.emailText()).contains("Tết pkg (pkg)", "Sender: ACME", "Customers: 4", p.content());
        campaigns.create(care("carepkg").build());
        assertThatThrownBy(() -> campaigns.approvalPackage("carepkg", FOUR)).isInstanceOf(IllegalStateException.class);
    }

    // ------------------------------------------------------------ opt-out

    @Test
    void advertisingSkipsOptedOutNumbersButCustomerCareDoesNot() {
        assertThat(campaigns.recordReply("0912345678", "HỦY")).isTrue();
        assertThat(campaigns.recordReply("+8613800138000", "退订")).isTrue();
        assertThat(campaigns.recordReply("+306912345678", "Ευχαριστώ!")).isFalse();
        assertThat(optOut.contains("+84912345678")).isTrue();
        assertThat(optOut.size()).isEqualTo(2);

        active(ads("ad"));
        CampaignSendReport ad = campaigns.send("ad", FOUR);
        assertThat(ad.skippedOptedOut()).isEqualTo(2);
        assertThat(ad.queued()).isEqualTo(2);
        assertThat(store.findByReference("campaign:ad:vn-1")).isEmpty();
        assertThat(campaigns.counts("ad").skippedOptedOut()).isEqualTo(2);

        active(care("care"));
        assertThat(campaigns.send("care", FOUR).queued()).isEqualTo(4);
    }

    @Test
    void stopRepliesAreRecordedOnceInFourScripts() {
        assertThat(campaigns.recordReply("+447911123456", "STOP")).isTrue();
        assertThat(campaigns.recordReply("+447911123456", "stop please")).isTrue();
        assertThat(campaigns.recordReply("+306912345678", "Διαγραφή")).isTrue();
        assertThat(campaigns.recordReply("+8613800138000", "TD")).isTrue();
        assertThat(campaigns.recordReply("0912345678", "Từ chối")).isTrue();
        assertThat(optOut.size()).isEqualTo(4);
        assertThatThrownBy(() -> campaigns.recordReply("12", "STOP")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid number");
        assertThat(campaigns.recordReply("12", "hello")).as("non-opt-out replies are not checked").isFalse();
    }

    // ------------------------------------------------------------ counts

    @Test
    void countsFollowTheMessagesThroughTheOutbox() {
        optOut.add("+306912345678", DAY, "front desk");
        fake.failWhen(s -> s.to().equals("+447911123456"), ErrorKind.INVALID_NUMBER);
        clock.advance(Duration.ofHours(6)); // night in Saigon and Shanghai
        active(ads("n"));
        campaigns.send("n", FOUR);
        CampaignCounts before = campaigns.counts("n");
        assertThat(before.targeted()).isEqualTo(4);
        assertThat(before.skippedOptedOut()).isEqualTo(1);
        assertThat(before.queued()).isEqualTo(1);
        assertThat(before.scheduled()).isEqualTo(2);
        assertThat(before.pending()).isEqualTo(3);

        outbox.sendNow().join(); // the UK number fails
        clock.advance(Duration.ofHours(10));
        outbox.sendNow().join(); // Saigon and Shanghai are sent
        String id = entry("campaign:n:vn-1").providerMessageId().orElseThrow();
        outbox.onDeliveryReceipt(fake.deliver(id, MessageStatus.DELIVERED));
        CampaignCounts after = campaigns.counts("n");
        assertThat(after.sent()).isEqualTo(2);
        assertThat(after.delivered()).isEqualTo(1);
        assertThat(after.failed()).isEqualTo(1);
        assertThat(after.pending()).isZero();
        assertThat(after.expired()).isZero();
        assertThatThrownBy(() -> campaigns.counts("nope")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderChecksItsSettings() {
        assertThatThrownBy(() -> Campaigns.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("outbox is required");
        assertThatThrownBy(() -> Campaigns.builder().clock(clock).clock(clock))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("set it once");
        assertThatThrownBy(() -> Campaigns.builder().defaultRegion("XX")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Campaigns.DEFAULT_APPROVAL_TIMEOUT).isEqualTo(Duration.ofDays(3));
        assertThat(campaigns.toString()).contains("advertisingNeedsApproval=false");
    }
}
