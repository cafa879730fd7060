package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smsbridge.SmsClient;
import org.smsbridge.testing.FakeSmsProvider;

/** The README's event-notification example, so it keeps compiling and working. */
class EventNotificationsReadmeTest {
    @Test
    void readmeExampleQueuesTheCarReadyMessageAndCatchesUpADay() {
        FakeSmsProvider fake = new FakeSmsProvider();
        SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("CN").build();
        Outbox outbox = Outbox.builder().client(sms).store(OutboxStore.inMemory()).autoSend(false).build();

        List<EventRecipient> all = List.of(EventRecipient.builder("m-1", "+8613812345678")
                .putValue("name", "王先生").eventDate(LocalDate.of(1990, 5, 17)).build());
        RecipientSource members = query -> query.type().equals(EventType.BIRTHDAY)      // the host's member table
                ? all.stream().filter(m -> query.matches(m.eventDate().orElseThrow())).toList()
                : List.of();

        EventNotifications events = EventNotifications.builder()
                .outbox(outbox)
                .recipients(members)
                .defaultZone(ZoneId.of("Asia/Shanghai"))                  // numbers without +country
                .putCommonValue("company", "傲友软件")                       // a value every template may use
                .configure(EventSettings.builder(EventType.BIRTHDAY).enabled(true)
                        .template("{name}，祝您生日快乐！{company}").sender("AOYOU").build())
                .configure(EventSettings.builder(EventType.CAR_READY).enabled(true)
                        .template("{name}您好，您的爱车（{plate}）已经保养完毕，大约费用（{cost}）元，请前来结帐提车。").build())
                .build();
        events.start();                                                   // the daily job

        EventOutcome ready = events.notify(EventType.CAR_READY,          // ENQUEUED, or DISABLED when switched off
                EventRecipient.builder("c-42", "+8613812345678").putValue("name", "王先生").build(),
                Map.of("plate", "浙A-T0386", "cost", "291.00"));
        EventRunReport missed = events.runFor(LocalDate.of(2026, 5, 1)); // catch up a day the host was down
        events.close();

        assertThat(ready.status()).isEqualTo(EventOutcome.Status.ENQUEUED);
        assertThat(ready.entry().orElseThrow().message().text())
                .contains("王先生您好，您的爱车（浙A-T0386）已经保养完毕，大约费用（291.00）元，请前来结帐提车。");
        assertThat(missed.days()).containsExactly(LocalDate.of(2026, 5, 1));
        assertThat(missed.outcomes()).isEmpty();
        outbox.sendNow().join();
        assertThat(fake.sent()).extracting(s -> s.text().orElseThrow())
                .contains("王先生您好，您的爱车（浙A-T0386）已经保养完毕，大约费用（291.00）元，请前来结帐提车。");
        outbox.close();
    }
}
