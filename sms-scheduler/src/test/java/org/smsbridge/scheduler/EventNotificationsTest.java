package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessagePurpose;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.templates.MissingValuesException;
import org.smsbridge.testing.FakeSmsProvider;

class EventNotificationsTest {
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private final MutableClock clock = MutableClock.at("2026-05-16T12:00:00Z");
    private final FakeSmsProvider fake = new FakeSmsProvider();
    private final SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("GR").build();
    private final ManualExecutor executor = new ManualExecutor();
    private final ManualExecutor outboxExecutor = new ManualExecutor();
    private final OutboxStore store = OutboxStore.inMemory();
    private final MemberSource members = new MemberSource();
    private Outbox outbox = newOutbox();
    private EventNotifications events;

    private Outbox newOutbox() {
        return Outbox.builder().client(sms).store(store).clock(clock).executor(outboxExecutor).nodeId("n")
                .autoSend(false).build();
    }

    private EventNotifications.Builder builder() {
        return EventNotifications.builder().outbox(outbox).recipients(members).clock(clock).executor(executor)
                .defaultZone(ATHENS).putCommonValue("company", "ACME");
    }

    private EventNotifications events(EventSettings... settings) {
        EventNotifications.Builder b = builder();
        for (EventSettings s : settings) {
            b.configure(s);
        }
        events = b.build();
        return events;
    }

    private static EventSettings on(EventType type) {
        return EventSettings.builder(type).enabled(true).build();
    }

    private static EventSettings on(EventType type, String template) {
        return EventSettings.builder(type).enabled(true).template(template).build();
    }

    private static EventRecipient member(String id, String phone, String name) {
        return EventRecipient.builder(id, phone).putValue("name", name).build();
    }

    private long outboxSize() {
        return outbox.count(OutboxQuery.builder().build());
    }

    private List<String> sentTexts() {
        return fake.sent().stream().map(s -> s.text().orElseThrow()).toList();
    }

    @AfterEach
    void tearDown() {
        if (events != null) {
            events.close();
        }
        outbox.close();
        executor.shutdownNow();
        outboxExecutor.shutdownNow();
    }

    // ------------------------------------------------------------------ registry

    @Test
    void builtInTypesAreRegisteredDisabledWithTheirEnglishDefaultTemplates() {
        events();

        assertThat(events.allSettings()).extracting(s -> s.type().id()).containsExactly("member-registration",
                "birthday", "card-expiry", "consumption", "payment-received", "points-redemption", "voucher-issued",
                "voucher-expiry", "referral-points", "car-ready", "maintenance-due", "debt-due");
        assertThat(events.allSettings()).allSatisfy(s -> {
            assertThat(s.enabled()).isFalse();
            assertThat(s.template().body()).isEqualTo(s.type().defaultTemplate());
            assertThat(s.purpose()).isEqualTo(MessagePurpose.TRANSACTIONAL);
            assertThat(s.sender()).isEmpty();
        });
        assertThat(EventType.builtIn()).filteredOn(EventType::isDateDriven).extracting(EventType::toString)
                .containsExactly("birthday (ANNUAL)", "card-expiry (7 days before)", "voucher-expiry (3 days before)",
                        "maintenance-due (3 days before)", "debt-due (0 days before)");
    }

    @Test
    void disabledEventMakesNoMessageAndSaysSoInsteadOfThrowing() {
        events();

        EventOutcome o = events.notify(EventType.CAR_READY, member("c-1", "+306912345678", "Maria"),
                Map.of("plate", "ΙΚΑ-1234", "cost", "120"));

        assertThat(o.status()).isEqualTo(EventOutcome.Status.DISABLED);
        assertThat(o.isNew()).isFalse();
        assertThat(o.entry()).isEmpty();
        assertThat(o.reason()).contains("event type 'car-ready' is disabled");
        assertThat(outboxSize()).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Chinese    | +8613812345678 | {name}您好，您的爱车（{plate}）已经保养完毕，大约费用（{cost}）元，请前来结帐提车。{company} | 王先生 | 浙A-T0386 | 王先生您好，您的爱车（浙A-T0386）已经保养完毕，大约费用（291.00）元，请前来结帐提车。ACME
            Greek      | +306912345678  | Αγαπητέ {name}, το αυτοκίνητό σας {plate} είναι έτοιμο. Κόστος: {cost} €. {company}   | Νίκο   | ΙΚΑ-1234  | Αγαπητέ Νίκο, το αυτοκίνητό σας ΙΚΑ-1234 είναι έτοιμο. Κόστος: 291.00 €. ACME
            Vietnamese | +84912345678   | Chào {name}, xe {plate} của bạn đã sửa xong. Chi phí: {cost} đ. {company}             | anh Hùng | 29A-12345 | Chào anh Hùng, xe 29A-12345 của bạn đã sửa xong. Chi phí: 291.00 đ. ACME
            English    | +447911123456  | Dear {name}, your car {plate} is ready. Cost: {cost}. {company}                      | John   | AB12 CDE  | Dear John, your car AB12 CDE is ready. Cost: 291.00. ACME
            """)
    void immediateEventIsRenderedAndQueuedInEveryScript(String script, String phone, String template, String name,
            String plate, String expected) {
        events(EventSettings.builder(EventType.CAR_READY).enabled(true).template(template).sender("ACME")
                .purpose(MessagePurpose.CUSTOMER_CARE).build());

        EventOutcome o = events.notify(EventType.CAR_READY, member("c-42", phone, name),
                Map.of("plate", plate, "cost", "291.00"));

        assertThat(o.status()).isEqualTo(EventOutcome.Status.ENQUEUED);
        assertThat(o.day()).isEmpty();
        OutboxEntry e = o.entry().orElseThrow();
        assertThat(e.folder()).isEqualTo(Folder.OUTBOX);
        assertThat(e.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(e.message().text()).contains(expected);
        assertThat(e.message().from()).contains("ACME");
        assertThat(e.message().purpose()).isEqualTo(MessagePurpose.CUSTOMER_CARE);
        assertThat(e.tag()).contains("event:car-ready");
        assertThat(e.contact()).contains("c-42");
        assertThat(e.operator()).contains(EventNotifications.DEFAULT_OPERATOR);
        assertThat(e.message().metadata()).containsEntry(EventNotifications.METADATA_TYPE, "car-ready")
                .containsEntry(EventNotifications.METADATA_RECIPIENT, "c-42");

        outbox.sendNow().join();

        assertThat(sentTexts()).containsExactly(expected);
    }

    @Test
    void missingTemplateValuesAreAnErrorListingEveryOneAndNothingIsQueued() {
        events(on(EventType.CAR_READY));

        assertThatThrownBy(() -> events.notify(EventType.CAR_READY, member("c-1", "+306912345678", "Maria"), Map.of()))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT);
                    assertThat(e.getMessage()).contains("event 'car-ready' for recipient 'c-1'")
                            .contains("no value for plate, cost");
                    assertThat(e.getCause()).isInstanceOfSatisfying(MissingValuesException.class,
                            m -> assertThat(m.missingNames()).containsExactly("plate", "cost"));
                });
        assertThat(outboxSize()).isZero();
    }

    @Test
    void callValuesWinOverRecipientValuesWhichWinOverCommonValues() {
        events(on(EventType.PAYMENT_RECEIVED, "{name}|{amount}|{balance}|{company}"));
        EventRecipient r = EventRecipient.builder("m-1", "+306912345678").putValue("name", "Maria")
                .putValue("balance", "10").putValue("company", "Branch 2").build();

        EventOutcome o = events.notify(EventType.PAYMENT_RECEIVED, r, Map.of("amount", "50", "balance", "60"));

        assertThat(o.entry().orElseThrow().message().text()).contains("Maria|50|60|Branch 2");
    }

    @Test
    void notifyWithAKeyIsMadeOncePerKey() {
        events(on(EventType.CONSUMPTION));
        EventRecipient r = EventRecipient.builder("m-1", "+306912345678").putValue("name", "Maria")
                .putValue("cardNumber", "A-1").build();
        Map<String, ?> values = Map.of("amount", "12.00", "balance", "88.00");

        EventOutcome first = events.notify(EventType.CONSUMPTION, r, values, "order-1001");
        EventOutcome again = events.notify(EventType.CONSUMPTION, r, values, "order-1001");
        EventOutcome other = events.notify(EventType.CONSUMPTION, r, values, "order-1002");

        assertThat(first.status()).isEqualTo(EventOutcome.Status.ENQUEUED);
        assertThat(first.entry().orElseThrow().reference()).contains("event:consumption:m-1:order-1001");
        assertThat(again.status()).isEqualTo(EventOutcome.Status.DUPLICATE);
        assertThat(again.entry().orElseThrow().id()).isEqualTo(first.entry().orElseThrow().id());
        assertThat(other.status()).isEqualTo(EventOutcome.Status.ENQUEUED);
        assertThat(outboxSize()).isEqualTo(2);
        assertThatThrownBy(() -> events.notify(EventType.CONSUMPTION, r, values, " "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key must not be blank");
    }

    @Test
    void unregisteredTypeIsAnErrorThatSaysHowToRegisterIt() {
        events();
        EventType tyres = EventType.immediate("tyre-change", "Dear {name}, your tyres are changed.");

        assertThatThrownBy(() -> events.notify(tyres, member("c-1", "+306912345678", "Maria")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event type 'tyre-change' is not registered")
                .hasMessageContaining("configure(EventSettings.builder(type)");
    }

    @Test
    void hostsAddTheirOwnImmediateAndDateDrivenTypes() {
        EventType tyres = EventType.immediate("tyre-change", "Dear {name}, your winter tyres are fitted.");
        EventType insurance = EventType.daysBefore("insurance-due", 14,
                "Dear {name}, the insurance of {plate} ends on {eventDate}, in {daysLeft} days.");
        events(on(tyres), on(insurance));
        members.add(insurance, member("car-7", "+306912345678", "Maria").toBuilder().putValue("plate", "ΙΚΑ-1234")
                .build(), LocalDate.of(2026, 6, 1));

        EventOutcome now = events.notify(tyres, member("c-1", "+306912345678", "Νίκο"));
        EventRunReport run = events.runFor(LocalDate.of(2026, 5, 18));

        assertThat(now.entry().orElseThrow().message().text()).contains("Dear Νίκο, your winter tyres are fitted.");
        assertThat(run.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(EventOutcome.Status.SCHEDULED);
            assertThat(o.entry().orElseThrow().message().text())
                    .contains("Dear Maria, the insurance of ΙΚΑ-1234 ends on 2026-06-01, in 14 days.");
        });
        assertThat(events.allSettings()).extracting(s -> s.type().id()).endsWith("tyre-change", "insurance-due");
    }

    @Test
    void aSecondTypeWithABuiltInIdIsRefused() {
        EventType fake = EventType.immediate("birthday", "Hi {name}");

        assertThatThrownBy(() -> builder().configure(on(fake)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event type id 'birthday' is already registered as birthday (ANNUAL)");
    }

    @Test
    void typesCanBeSwitchedOnAndOffAndReconfiguredWhileRunning() {
        events();
        EventRecipient r = member("m-1", "+306912345678", "Maria");

        events.enable(EventType.BIRTHDAY);
        assertThat(events.notify(EventType.BIRTHDAY, r).status()).isEqualTo(EventOutcome.Status.ENQUEUED);
        events.configure(events.settings(EventType.BIRTHDAY).toBuilder().template("Χρόνια πολλά, {name}!").build());
        assertThat(events.notify(EventType.BIRTHDAY, r).entry().orElseThrow().message().text())
                .contains("Χρόνια πολλά, Maria!");
        events.disable(EventType.BIRTHDAY);
        assertThat(events.notify(EventType.BIRTHDAY, r).status()).isEqualTo(EventOutcome.Status.DISABLED);
        assertThat(events.settings(EventType.BIRTHDAY).template().body()).isEqualTo("Χρόνια πολλά, {name}!");
    }

    @Test
    void settingsAndTypesCheckTheirArguments() {
        assertThatThrownBy(() -> EventSettings.builder(EventType.BIRTHDAY).daysBefore(3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("event type 'birthday' is ANNUAL; only BEFORE_DATE types");
        assertThatThrownBy(() -> EventSettings.builder(EventType.CARD_EXPIRY).daysBefore(-1))
                .hasMessageContaining("must be between 0 and 366, was -1");
        assertThatThrownBy(() -> EventSettings.builder(EventType.CARD_EXPIRY).sender("ACME SERVICES"))
                .isInstanceOfSatisfying(SmsException.class,
                        e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_SENDER));
        assertThatThrownBy(() -> EventType.immediate("Car Ready", "x"))
                .hasMessageContaining("event type id 'Car Ready' must be 1 to 40 lower-case letters");
        assertThatThrownBy(() -> EventType.immediate("car-ready-2", " "))
                .hasMessageContaining("defaultTemplate of event type 'car-ready-2' must not be blank");
        assertThatThrownBy(() -> EventType.daysBefore("x", 400, "x")).hasMessageContaining("was 400");
        assertThatThrownBy(() -> EventRecipient.builder("m".repeat(101), "+306912345678"))
                .hasMessageContaining("id has 101 characters");
        assertThatThrownBy(() -> EventDateQuery.of(EventType.CAR_READY, LocalDate.of(2026, 1, 1), 0,
                LeapDayRule.FEB_28)).hasMessageContaining("'car-ready' is IMMEDIATE");
        assertThat(EventSettings.builder(EventType.CARD_EXPIRY).daysBefore(30).build().daysBefore()).isEqualTo(30);
    }

    @Test
    void builderChecksItsSettings() {
        assertThatThrownBy(() -> EventNotifications.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no outbox");
        assertThatThrownBy(() -> builder().sendTime(LocalTime.of(21, 0)).latestSendTime(LocalTime.of(8, 0)).build())
                .hasMessageContaining("latestSendTime 08:00 must be after sendTime 21:00");
        assertThatThrownBy(() -> builder().catchUpDays(32)).hasMessageContaining("between 0 and 31, was 32");
        assertThatThrownBy(() -> builder().checkInterval(Duration.ZERO)).hasMessageContaining("must be positive");
        assertThatThrownBy(() -> builder().checkInterval(Duration.ofHours(7))).hasMessageContaining("at most 6 hours");
        assertThatThrownBy(() -> builder().clock(clock)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clock was already set");
        EventNotifications noSource = EventNotifications.builder().outbox(outbox).clock(clock).executor(executor).build();
        assertThatThrownBy(noSource::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no RecipientSource");
        assertThatThrownBy(() -> noSource.runFor(LocalDate.of(2026, 5, 17))).hasMessageContaining("no RecipientSource");
    }

    @Test
    void recipientToStringMasksThePhoneNumber() {
        assertThat(member("m-1", "+306912345678", "Maria").toString()).contains("+30691****678")
                .doesNotContain("Maria");
    }

    // ------------------------------------------------------------------ date-driven: zones and the day

    @Test
    void birthdayGoesOutAtNineLocalInEachRecipientsZone() {
        events(on(EventType.BIRTHDAY, "{name}: {eventDate}"));
        LocalDate birthday = LocalDate.of(1990, 5, 17);
        members.add(EventType.BIRTHDAY, member("cn", "+8613812345678", "王先生"), birthday)      // zone from +86
                .add(EventType.BIRTHDAY, member("us", "+12125550123", "John").toBuilder().zone(NEW_YORK).build(), birthday)
                .add(EventType.BIRTHDAY, member("gr", "+306912345678", "Μαρία"), birthday)       // zone from +30
                .add(EventType.BIRTHDAY, member("local", "6912345670", "Νίκος"), birthday);       // no +country: default zone

        EventRunReport run = events.runFor(LocalDate.of(2026, 5, 17));

        assertThat(run.days()).containsExactly(LocalDate.of(2026, 5, 17));
        assertThat(run.count(EventOutcome.Status.SCHEDULED)).isEqualTo(4);
        assertThat(run.outcomes()).extracting(o -> o.recipientId() + "@" + o.entry().orElseThrow().scheduledAt().orElseThrow())
                .containsExactly("cn@2026-05-17T01:00:00Z", "us@2026-05-17T13:00:00Z", "gr@2026-05-17T06:00:00Z",
                        "local@2026-05-17T06:00:00Z");
        OutboxEntry cn = run.outcomes().get(0).entry().orElseThrow();
        assertThat(cn.reference()).contains("event:birthday:cn:2026-05-17");
        assertThat(cn.message().text()).contains("王先生: 2026-05-17");
        assertThat(cn.message().metadata()).containsEntry(EventNotifications.METADATA_DAY, "2026-05-17");

        clock.advance(Duration.ofHours(13));                     // 2026-05-17T01:00Z, 09:00 in Shanghai
        outbox.sendNow().join();
        assertThat(fake.sent()).extracting(OutgoingSms::to).containsExactly("+8613812345678");
        clock.advance(Duration.ofHours(5));                      // 06:00Z, 09:00 in Athens
        outbox.sendNow().join();
        assertThat(fake.sent()).extracting(OutgoingSms::to).containsExactly("+8613812345678", "+306912345678",
                "+306912345670");
        clock.advance(Duration.ofHours(7));                      // 13:00Z, 09:00 in New York
        outbox.sendNow().join();
        assertThat(fake.sent()).hasSize(4);
    }

    @Test
    void configuredSendTimeIsUsedAndAnExplicitZoneWinsOverTheNumber() {
        events = builder().sendTime(LocalTime.of(10, 30)).configure(on(EventType.BIRTHDAY)).build();
        members.add(EventType.BIRTHDAY, member("cn-in-ny", "+8613812345678", "Li").toBuilder().zone(NEW_YORK).build(),
                LocalDate.of(1980, 5, 17));

        EventRunReport run = events.runFor(LocalDate.of(2026, 5, 17));

        assertThat(run.outcomes().get(0).entry().orElseThrow().scheduledAt())
                .contains(Instant.parse("2026-05-17T14:30:00Z"));
    }

    @Test
    void localSendTimeFollowsDaylightSavingChanges() {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-20T00:00:00Z")));
        events(on(EventType.BIRTHDAY));
        members.add(EventType.BIRTHDAY, member("before", "+306912345671", "Anna"), LocalDate.of(1990, 3, 28))
                .add(EventType.BIRTHDAY, member("after", "+306912345672", "Bob"), LocalDate.of(1990, 3, 29));

        List<Instant> at = Stream.of(LocalDate.of(2026, 3, 28), LocalDate.of(2026, 3, 29))
                .flatMap(d -> events.runFor(d).outcomes().stream())
                .map(o -> o.entry().orElseThrow().scheduledAt().orElseThrow()).toList();

        assertThat(at).containsExactly(Instant.parse("2026-03-28T07:00:00Z"),  // 09:00 EET (UTC+2)
                Instant.parse("2026-03-29T06:00:00Z"));                         // 09:00 EEST (UTC+3), the day clocks go forward
    }

    @Test
    void sourceAnsweringNullIsAnErrorThatSaysWhatToReturn() {
        events = EventNotifications.builder().outbox(outbox).recipients(q -> null).clock(clock).executor(executor)
                .configure(on(EventType.BIRTHDAY)).build();

        assertThatThrownBy(() -> events.runFor(LocalDate.of(2026, 5, 17))).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("RecipientSource returned null for EventDateQuery{birthday on 2026-05-17")
                .hasMessageContaining("return an empty list instead");
    }

    @Test
    void recipientWhoseLocalDateIsAlreadyTomorrowIsGreetedWhileUtcIsStillToday() {
        ZoneId auckland = ZoneId.of("Pacific/Auckland");          // UTC+13 in March (daylight time)
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-03-08T10:30:00Z")));
        events(on(EventType.BIRTHDAY, "Happy birthday, {name}!"));
        LocalDate birthday = LocalDate.of(1985, 3, 10);
        members.add(EventType.BIRTHDAY, member("nz", "+64211234567", "Aroha").toBuilder().zone(auckland).build(), birthday)
                .add(EventType.BIRTHDAY, member("us", "+12125550123", "John").toBuilder().zone(NEW_YORK).build(), birthday);
        events.runDue();                                          // runs up to 2026-03-09, the newest date anywhere

        clock.advance(Duration.ofHours(23).plusMinutes(29));      // 2026-03-09T09:59Z: 03-10 has not begun anywhere
        assertThat(events.runDue().days()).isEmpty();
        clock.advance(Duration.ofMinutes(1));                     // 10:00Z: 2026-03-10 begins in UTC+14
        EventRunReport run = events.runDue();

        assertThat(run.days()).containsExactly(LocalDate.of(2026, 3, 10));
        assertThat(run.outcomes()).extracting(o -> o.recipientId() + "@" + o.entry().orElseThrow().scheduledAt().orElseThrow())
                .containsExactly("nz@2026-03-09T20:00:00Z", "us@2026-03-10T13:00:00Z");

        clock.advance(Duration.ofHours(10));                      // 2026-03-09T20:00Z = 2026-03-10 09:00 in Auckland
        outbox.sendNow().join();
        assertThat(fake.sent()).extracting(OutgoingSms::to).containsExactly("+64211234567");
        assertThat(sentTexts()).containsExactly("Happy birthday, Aroha!");
    }

    @Test
    void sourceMayAnswerWithMoreRecipientsThanMatchAndTheOthersAreSkipped() {
        events(on(EventType.BIRTHDAY));
        RecipientSource everyoneInMay = q -> List.of(
                member("a", "+306912345671", "Anna").toBuilder().eventDate(LocalDate.of(1990, 5, 17)).build(),
                member("b", "+306912345672", "Bob").toBuilder().eventDate(LocalDate.of(1990, 5, 18)).build());
        events = EventNotifications.builder().outbox(outbox).recipients(everyoneInMay).clock(clock).executor(executor)
                .putCommonValue("company", "ACME").configure(on(EventType.BIRTHDAY)).build();

        EventRunReport run = events.runFor(LocalDate.of(2026, 5, 17));

        assertThat(run.made()).isEqualTo(1);
        assertThat(run.outcomes()).filteredOn(o -> o.status() == EventOutcome.Status.SKIPPED).singleElement()
                .satisfies(o -> {
                    assertThat(o.recipientId()).isEqualTo("b");
                    assertThat(o.reason()).contains("date 1990-05-18 is not due on 2026-05-17");
                });
    }

    @Test
    void recipientWithMissingValuesIsSkippedWithTheNamesAndTheOthersStillGetTheirMessage() {
        events(on(EventType.CARD_EXPIRY));
        LocalDate expiry = LocalDate.of(2026, 5, 24);
        members.add(EventType.CARD_EXPIRY, member("no-card", "+306912345671", "Anna"), expiry)
                .add(EventType.CARD_EXPIRY, member("ok", "+306912345672", "Bob").toBuilder()
                        .putValue("cardNumber", "A-2").build(), expiry);

        EventRunReport run = events.runFor(LocalDate.of(2026, 5, 17));

        assertThat(run.outcomes()).extracting(EventOutcome::recipientId, EventOutcome::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("no-card", EventOutcome.Status.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("ok", EventOutcome.Status.SCHEDULED));
        assertThat(run.outcomes().get(0).reason()).contains("the template has no value for cardNumber");
        assertThat(run.outcomes().get(1).entry().orElseThrow().message().text())
                .contains("Dear Bob, your membership card A-2 expires on 2026-05-24. Please renew it at ACME.");
    }

    @Test
    void disabledDateDrivenTypesAreNotAskedForAndAreReported() {
        events(on(EventType.BIRTHDAY));
        members.add(EventType.CARD_EXPIRY, member("m", "+306912345678", "Anna"), LocalDate.of(2026, 5, 24));

        EventRunReport run = events.runFor(LocalDate.of(2026, 5, 17));

        assertThat(members.asked).extracting(q -> q.type().id()).containsExactly("birthday");
        assertThat(run.disabled()).containsExactly(EventType.CARD_EXPIRY, EventType.VOUCHER_EXPIRY,
                EventType.MAINTENANCE_DUE, EventType.DEBT_DUE);
        assertThat(outboxSize()).isZero();
    }

    // ------------------------------------------------------------------ dedupe

    @Test
    void secondRunOfTheSameDayMakesNothingNew() {
        events(on(EventType.BIRTHDAY));
        members.add(EventType.BIRTHDAY, member("m", "+306912345678", "Anna"), LocalDate.of(1990, 5, 17));

        EventRunReport first = events.runFor(LocalDate.of(2026, 5, 17));
        clock.advance(Duration.ofHours(1));
        EventRunReport second = events.runFor(LocalDate.of(2026, 5, 17));

        assertThat(first.made()).isEqualTo(1);
        assertThat(second.made()).isZero();
        assertThat(second.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(EventOutcome.Status.DUPLICATE);
            assertThat(o.entry().orElseThrow().id()).isEqualTo(first.outcomes().get(0).entry().orElseThrow().id());
        });
        assertThat(outboxSize()).isEqualTo(1);
    }

    @Test
    void theSameRecipientTwiceInOneAnswerGetsOneMessage() {
        EventRecipient anna = member("m", "+306912345678", "Anna").toBuilder().eventDate(LocalDate.of(1990, 5, 17)).build();
        events = EventNotifications.builder().outbox(outbox).recipients(q -> List.of(anna, anna)).clock(clock)
                .executor(executor).putCommonValue("company", "ACME").configure(on(EventType.BIRTHDAY)).build();

        EventRunReport run = events.runFor(LocalDate.of(2026, 5, 17));

        assertThat(run.outcomes()).extracting(EventOutcome::status)
                .containsExactly(EventOutcome.Status.SCHEDULED, EventOutcome.Status.DUPLICATE);
        assertThat(outboxSize()).isEqualTo(1);
    }

    @Test
    void dedupeSurvivesARestartOnTheSameStore() {
        events(on(EventType.BIRTHDAY), on(EventType.DEBT_DUE));
        members.add(EventType.BIRTHDAY, member("m", "+306912345678", "Anna"), LocalDate.of(1990, 5, 17))
                .add(EventType.DEBT_DUE, member("d", "+306912345679", "Bob").toBuilder().putValue("amount", "80")
                        .build(), LocalDate.of(2026, 5, 17));
        assertThat(events.runDue().made()).isEqualTo(2);
        events.close();
        outbox.close();

        outbox = newOutbox();                                      // the host restarts: new outbox, same store
        events(on(EventType.BIRTHDAY), on(EventType.DEBT_DUE));
        EventRunReport afterRestart = events.runDue();

        assertThat(afterRestart.made()).isZero();
        assertThat(afterRestart.count(EventOutcome.Status.DUPLICATE)).isEqualTo(2);
        assertThat(outboxSize()).isEqualTo(2);
    }

    // ------------------------------------------------------------------ leap days

    static Stream<Arguments> leapDays() {
        return Stream.of(
                Arguments.of(LeapDayRule.FEB_28, 2028, List.of("feb28@2028-02-28", "leap@2028-02-29", "mar1@2028-03-01")),
                Arguments.of(LeapDayRule.FEB_28, 2027, List.of("feb28@2027-02-28", "leap@2027-02-28", "mar1@2027-03-01")),
                Arguments.of(LeapDayRule.MARCH_1, 2027, List.of("feb28@2027-02-28", "mar1@2027-03-01", "leap@2027-03-01")),
                Arguments.of(LeapDayRule.MARCH_1, 2028, List.of("feb28@2028-02-28", "leap@2028-02-29", "mar1@2028-03-01")),
                Arguments.of(LeapDayRule.FEB_28, 2100, List.of("feb28@2100-02-28", "leap@2100-02-28", "mar1@2100-03-01")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("leapDays")
    void leapDayBirthdaysAreGreetedOncePerYear(LeapDayRule rule, int year, List<String> expected) {
        clock.advance(Duration.between(clock.instant(), Instant.parse(year - 1 + "-12-01T00:00:00Z")));
        events = builder().leapDayRule(rule).configure(on(EventType.BIRTHDAY)).build();
        members.add(EventType.BIRTHDAY, member("leap", "+306912345671", "Leo"), LocalDate.of(2000, 2, 29))
                .add(EventType.BIRTHDAY, member("feb28", "+306912345672", "Fay"), LocalDate.of(1999, 2, 28))
                .add(EventType.BIRTHDAY, member("mar1", "+306912345673", "Mia"), LocalDate.of(1999, 3, 1));

        List<String> greeted = Stream.iterate(LocalDate.of(year, 2, 26), d -> d.plusDays(1)).limit(6)
                .flatMap(d -> events.runFor(d).outcomes().stream())
                .map(o -> o.recipientId() + "@" + o.day().orElseThrow()).toList();

        assertThat(greeted).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void annualQueryListsTheLeapDayOnlyOnTheRulesDayOfACommonYear() {
        assertThat(EventDateQuery.of(EventType.BIRTHDAY, LocalDate.of(2027, 2, 28), 0, LeapDayRule.FEB_28).monthDays())
                .extracting(Object::toString).containsExactly("--02-28", "--02-29");
        assertThat(EventDateQuery.of(EventType.BIRTHDAY, LocalDate.of(2028, 2, 28), 0, LeapDayRule.FEB_28).monthDays())
                .extracting(Object::toString).containsExactly("--02-28");
        assertThat(EventDateQuery.of(EventType.BIRTHDAY, LocalDate.of(2027, 3, 1), 0, LeapDayRule.MARCH_1).monthDays())
                .extracting(Object::toString).containsExactly("--03-01", "--02-29");
        assertThat(EventDateQuery.of(EventType.BIRTHDAY, LocalDate.of(2027, 3, 1), 0, LeapDayRule.FEB_28).date()).isEmpty();
    }

    // ------------------------------------------------------------------ N days before

    @ParameterizedTest(name = "{0} {1} days before {3}")
    @CsvSource({
            "card-expiry,    7, 2026-12-27, 2027-01-03",
            "card-expiry,    7, 2026-12-31, 2027-01-07",
            "voucher-expiry, 3, 2027-02-27, 2027-03-02",
            "voucher-expiry, 3, 2028-02-28, 2028-03-02",
            "voucher-expiry, 1, 2026-04-30, 2026-05-01",
            "debt-due,       0, 2026-12-31, 2026-12-31",
            "maintenance-due, 30, 2026-12-15, 2027-01-14",
    })
    void remindersGoOutNDaysBeforeTheDateAcrossMonthAndYearEnds(String typeId, int days, LocalDate day,
            LocalDate date) {
        EventType type = EventType.builtIn().stream().filter(t -> t.id().equals(typeId)).findFirst().orElseThrow();
        clock.advance(Duration.between(clock.instant(), day.minusDays(1).atStartOfDay(ATHENS).toInstant()));
        events(EventSettings.builder(type).enabled(true).daysBefore(days).template("{eventDate} in {daysLeft}").build());
        members.add(type, member("m", "+306912345678", "Anna"), date);

        List<EventOutcome> made = Stream.iterate(day.minusDays(2), d -> d.plusDays(1)).limit(5)
                .flatMap(d -> events.runFor(d).outcomes().stream()).toList();

        assertThat(made).singleElement().satisfies(o -> {
            assertThat(o.day()).contains(day);
            assertThat(o.status()).isEqualTo(EventOutcome.Status.SCHEDULED);
            assertThat(o.entry().orElseThrow().message().text()).contains(date + " in " + days);
        });
        assertThat(members.asked).filteredOn(q -> q.day().equals(day)).singleElement()
                .satisfies(q -> assertThat(q.date()).contains(date));
    }

    // ------------------------------------------------------------------ late messages and catching up

    @Test
    void lateReminderGoesOutAtOnceInTheSendingWindowWithTheDaysLeftFromToday() {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-05-12T11:00:00Z"))); // 14:00 in Athens
        events(on(EventType.CARD_EXPIRY, "{eventDate} in {daysLeft} days"));
        members.add(EventType.CARD_EXPIRY, member("m", "+306912345678", "Anna"), LocalDate.of(2026, 5, 17));

        EventOutcome o = events.runFor(LocalDate.of(2026, 5, 10)).outcomes().get(0);  // missed two days ago

        assertThat(o.status()).isEqualTo(EventOutcome.Status.ENQUEUED);
        assertThat(o.entry().orElseThrow().message().text()).contains("2026-05-17 in 5 days");
        outbox.sendNow().join();
        assertThat(sentTexts()).containsExactly("2026-05-17 in 5 days");
    }

    @Test
    void lateMessageAtNightWaitsForTheNextLocalMorning() {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-05-16T19:30:00Z"))); // 22:30 in Athens
        events(on(EventType.BIRTHDAY));
        members.add(EventType.BIRTHDAY, member("m", "+306912345678", "Anna"), LocalDate.of(1990, 5, 16))
                .add(EventType.BIRTHDAY, member("cn", "+8613812345678", "Li"), LocalDate.of(1990, 5, 16));

        EventRunReport run = events.runFor(LocalDate.of(2026, 5, 16));

        assertThat(run.outcomes()).extracting(o -> o.entry().orElseThrow().scheduledAt().orElseThrow())
                .containsExactly(Instant.parse("2026-05-17T06:00:00Z"),   // 09:00 next morning in Athens
                        Instant.parse("2026-05-17T01:00:00Z"));           // 03:30 in Shanghai: 09:00 that morning
        assertThat(run.count(EventOutcome.Status.SCHEDULED)).isEqualTo(2);
    }

    @Test
    void reminderWhoseDateHasPassedIsSkipped() {
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-05-18T08:00:00Z")));
        events(on(EventType.DEBT_DUE));
        members.add(EventType.DEBT_DUE, member("d", "+306912345678", "Bob").toBuilder().putValue("amount", "80")
                .build(), LocalDate.of(2026, 5, 17));

        EventOutcome o = events.runFor(LocalDate.of(2026, 5, 17)).outcomes().get(0);

        assertThat(o.status()).isEqualTo(EventOutcome.Status.SKIPPED);
        assertThat(o.reason()).contains("its date 2026-05-17 passed before the message could go out (2026-05-18 in Europe/Athens)");
        assertThat(outboxSize()).isZero();
    }

    @Test
    void rerunAfterTheReminderDateReportsTheMessageMadeOnTimeAsDuplicate() {
        events(on(EventType.DEBT_DUE));
        members.add(EventType.DEBT_DUE, member("d", "+306912345678", "Bob").toBuilder().putValue("amount", "80")
                .build(), LocalDate.of(2026, 5, 17));
        OutboxEntry onTime = events.runFor(LocalDate.of(2026, 5, 17)).outcomes().get(0).entry().orElseThrow();

        clock.advance(Duration.ofDays(2));
        EventOutcome again = events.runFor(LocalDate.of(2026, 5, 17)).outcomes().get(0);

        assertThat(again.status()).isEqualTo(EventOutcome.Status.DUPLICATE);
        assertThat(again.entry().orElseThrow().id()).isEqualTo(onTime.id());
    }

    @Test
    void runDueCatchesUpTheDaysMissedSinceItsLastRunWithinABound() {
        events = builder().catchUpDays(1).configure(on(EventType.BIRTHDAY)).build();
        members.add(EventType.BIRTHDAY, member("m19", "+306912345671", "Anna"), LocalDate.of(1990, 5, 19));

        EventRunReport first = events.runDue();                   // 2026-05-16T12:00Z
        assertThat(first.days()).containsExactly(LocalDate.of(2026, 5, 15), LocalDate.of(2026, 5, 16),
                LocalDate.of(2026, 5, 17));
        assertThat(events.runDue().days()).as("nothing more is due the same hour").isEmpty();

        clock.advance(Duration.ofDays(4));                        // host down; 2026-05-20T12:00Z, 15:00 in Athens
        EventRunReport caughtUp = events.runDue();
        assertThat(caughtUp.days()).containsExactly(LocalDate.of(2026, 5, 18), LocalDate.of(2026, 5, 19),
                LocalDate.of(2026, 5, 20), LocalDate.of(2026, 5, 21));
        assertThat(caughtUp.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.day()).contains(LocalDate.of(2026, 5, 19));
            assertThat(o.status()).isEqualTo(EventOutcome.Status.ENQUEUED);
        });

        clock.advance(Duration.ofDays(60));                       // down for two months: at most 31 days back
        EventRunReport bounded = events.runDue();
        assertThat(bounded.days()).startsWith(LocalDate.of(2026, 7, 19).minusDays(EventNotifications.MAX_CATCH_UP_DAYS))
                .endsWith(LocalDate.of(2026, 7, 20)).hasSize(EventNotifications.MAX_CATCH_UP_DAYS + 2);
    }

    @Test
    void firstRunAfterAStartCatchesUpOnlyCatchUpDays() {
        events = builder().catchUpDays(0).configure(on(EventType.BIRTHDAY)).build();

        assertThat(events.runDue().days()).containsExactly(LocalDate.of(2026, 5, 16), LocalDate.of(2026, 5, 17));
    }

    @Test
    void explicitRunForCatchesUpAnOlderDay() {
        events(on(EventType.BIRTHDAY));
        members.add(EventType.BIRTHDAY, member("m", "+306912345678", "Anna"), LocalDate.of(1990, 5, 1));

        EventRunReport run = events.runFor(LocalDate.of(2026, 5, 1));

        assertThat(run.outcomes()).singleElement().satisfies(o -> {
            assertThat(o.status()).isEqualTo(EventOutcome.Status.ENQUEUED);  // 15:00 in Athens: at once
            assertThat(o.entry().orElseThrow().reference()).contains("event:birthday:m:2026-05-01");
        });
    }

    // ------------------------------------------------------------------ start and close

    @Test
    void startedJobRunsEachDateOnceAndStopsOnClose() {
        events = builder().checkInterval(Duration.ofMinutes(10)).configure(on(EventType.BIRTHDAY)).build();
        members.add(EventType.BIRTHDAY, member("m", "+306912345678", "Anna"), LocalDate.of(1990, 5, 18));

        events.start();
        events.start();
        assertThat(executor.periods()).containsExactly(Duration.ofMinutes(10));
        executor.tick();
        int asked = members.asked.size();
        executor.tick();
        assertThat(members.asked).as("no new date, no question").hasSize(asked);
        assertThat(outboxSize()).isZero();

        clock.advance(Duration.ofHours(22));                      // 2026-05-17T10:00Z: 05-18 begins in UTC+14
        executor.tick();
        assertThat(outbox.query(OutboxQuery.builder().build())).singleElement()
                .satisfies(e -> assertThat(e.scheduledAt()).contains(Instant.parse("2026-05-18T06:00:00Z")));

        events.close();
        clock.advance(Duration.ofDays(1));
        executor.tick();
        assertThat(members.asked).hasSize(asked + 1);
        assertThatThrownBy(() -> events.notify(EventType.BIRTHDAY, member("m", "+306912345678", "Anna")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThatThrownBy(() -> events.runFor(LocalDate.of(2026, 5, 19))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failedCheckIsRetriedWithTheSameDatesAtTheNextCheck() {
        AtomicInteger calls = new AtomicInteger();
        RecipientSource flaky = q -> {
            if (calls.getAndIncrement() == 0) {
                throw new IllegalStateException("member database down");
            }
            return members.recipients(q);
        };
        members.add(EventType.BIRTHDAY, member("m", "+306912345678", "Anna"), LocalDate.of(1990, 5, 17));
        events = EventNotifications.builder().outbox(outbox).recipients(flaky).clock(clock).executor(executor)
                .defaultZone(ATHENS).putCommonValue("company", "ACME").configure(on(EventType.BIRTHDAY)).build();

        events.start();
        executor.tick();
        assertThat(outboxSize()).isZero();
        executor.tick();

        assertThat(outbox.query(OutboxQuery.builder().build())).singleElement()
                .satisfies(e -> assertThat(e.reference()).contains("event:birthday:m:2026-05-17"));
    }

    @Test
    void eventMessagesAreOrdinaryOutboxEntriesTheHostCanFindAndDelete() {
        events(on(EventType.BIRTHDAY));
        members.add(EventType.BIRTHDAY, member("m", "+306912345678", "Anna"), LocalDate.of(1990, 5, 17));
        events.runFor(LocalDate.of(2026, 5, 17));

        List<OutboxEntry> found = outbox.query(OutboxQuery.builder().tag("event:birthday").contact("m").build());
        outbox.delete(found.get(0).id());
        EventRunReport again = events.runFor(LocalDate.of(2026, 5, 17));

        assertThat(found).hasSize(1);
        assertThat(again.count(EventOutcome.Status.DUPLICATE)).as("a deleted message is not made again").isEqualTo(1);
        assertThat(EventNotifications.reference(EventType.BIRTHDAY, "m", LocalDate.of(2026, 5, 17)))
                .isEqualTo(found.get(0).reference().orElseThrow());
        assertThat(SmsMessage.builder().to("+306912345678").text("x").build().reference()).isEmpty();
    }
}
