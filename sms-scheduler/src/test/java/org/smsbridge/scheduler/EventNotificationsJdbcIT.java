package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.smsbridge.SmsClient;
import org.smsbridge.testing.FakeSmsProvider;

/** Event messages are made once per recipient, event and day on every database, across restarts. */
class EventNotificationsJdbcIT {

    @ParameterizedTest
    @EnumSource(TestDatabase.Kind.class)
    void dateDrivenMessagesAreMadeOnceAcrossARestartOnTheDatabase(TestDatabase.Kind kind) {
        try (TestDatabase db = TestDatabase.open(kind)) {
            MutableClock clock = MutableClock.at("2026-05-16T12:00:00Z");
            FakeSmsProvider fake = new FakeSmsProvider();
            SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("GR").build();
            MemberSource members = new MemberSource()
                    .add(EventType.BIRTHDAY, EventRecipient.builder("会员-1", "+8613812345678").putValue("name", "王先生").putValue("wish", "生日快乐！")
                            .build(), LocalDate.of(1990, 5, 17))
                    .add(EventType.BIRTHDAY, EventRecipient.builder("μέλος-2", "+306912345678")
                            .putValue("name", "Μαρία").putValue("wish", "Χρόνια πολλά!").build(), LocalDate.of(2000, 5, 17))
                    .add(EventType.CARD_EXPIRY, EventRecipient.builder("thẻ-3", "+84912345678")
                            .putValue("name", "anh Hùng").putValue("cardNumber", "VN-3").build(), LocalDate.of(2026, 5, 24));

            EventRunReport first = run(db, clock, sms, members);
            EventRunReport afterRestart = run(db, clock, sms, members);

            assertThat(first.made()).isEqualTo(3);
            assertThat(afterRestart.made()).isZero();
            assertThat(afterRestart.count(EventOutcome.Status.DUPLICATE)).isEqualTo(3);
            assertThat(afterRestart.outcomes()).extracting(o -> o.entry().orElseThrow().id())
                    .containsExactlyInAnyOrderElementsOf(first.outcomes().stream()
                            .map(o -> o.entry().orElseThrow().id()).toList());
            assertThat(db.store().count(OutboxQuery.builder().build())).isEqualTo(3);
            OutboxEntry chinese = db.store().findByReference("event:birthday:会员-1:2026-05-17").orElseThrow();
            assertThat(chinese.message().text()).contains("王先生: 生日快乐！");
            assertThat(chinese.scheduledAt()).contains(java.time.Instant.parse("2026-05-17T01:00:00Z"));
            assertThat(chinese.contact()).contains("会员-1");
            assertThat(chinese.message().metadata()).containsEntry(EventNotifications.METADATA_DAY, "2026-05-17");

            Outbox sender = outbox(db, clock, sms);
            clock.advance(Duration.ofDays(1));
            sender.sendNow().join();
            sender.close();
            assertThat(fake.sent()).extracting(s -> s.text().orElseThrow()).containsExactlyInAnyOrder(
                    "王先生: 生日快乐！", "Μαρία: Χρόνια πολλά!", "anh Hùng, thẻ VN-3 hết hạn vào 2026-05-24.");
        }
    }

    private static EventRunReport run(TestDatabase db, MutableClock clock, SmsClient sms, MemberSource members) {
        Outbox outbox = outbox(db, clock, sms);
        ManualExecutor executor = new ManualExecutor();
        EventNotifications events = EventNotifications.builder().outbox(outbox).recipients(members).clock(clock)
                .executor(executor).defaultZone(ZoneId.of("Europe/Athens"))
                .configure(EventSettings.builder(EventType.BIRTHDAY).enabled(true).template("{name}: {wish}").build())
                .build();
        events.configure(EventSettings.builder(EventType.CARD_EXPIRY).enabled(true)
                .template("{name}, thẻ {cardNumber} hết hạn vào {eventDate}.").build());
        try {
            return events.runDue();
        } finally {
            events.close();
            outbox.close();
            executor.shutdownNow();
        }
    }

    private static Outbox outbox(TestDatabase db, MutableClock clock, SmsClient sms) {
        return Outbox.builder().client(sms).store(db.store()).clock(clock).executor(new ManualExecutor())
                .nodeId("events").autoSend(false).build();
    }
}
