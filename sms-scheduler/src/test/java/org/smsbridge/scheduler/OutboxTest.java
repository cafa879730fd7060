package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsMessage;
import org.smsbridge.testing.FakeSmsProvider;

class OutboxTest {
    private final MutableClock clock = MutableClock.at("2026-03-02T09:00:00Z");
    private final FakeSmsProvider fake = new FakeSmsProvider();
    private final SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("GR").build();
    private final ManualExecutor executor = new ManualExecutor();
    private final RecordingListener events = new RecordingListener();
    private final OutboxStore store = OutboxStore.inMemory();
    private Outbox outbox = outbox(b -> { });

    private interface Config {
        void apply(Outbox.Builder b);
    }

    private Outbox outbox(Config config) {
        Outbox.Builder b = Outbox.builder().client(sms).store(store).clock(clock).executor(executor)
                .nodeId("node-a").sendInterval(Duration.ofMinutes(5))
                .retryPolicy(RetryPolicy.exponential(Duration.ofSeconds(30), Duration.ofMinutes(10), 3))
                .addListener(events);
        config.apply(b);
        return b.build();
    }

    @AfterEach
    void tearDown() {
        outbox.close();
        executor.shutdownNow();
    }

    private static SmsMessage message(String ref, String to, String text) {
        return SmsMessage.builder().reference(ref).to(to).text(text).build();
    }

    private static SmsMessage greek(String ref) {
        return message(ref, "+306912345678", "Το αυτοκίνητό σας είναι έτοιμο");
    }

    private List<String> sentReferences() {
        return fake.sent().stream().map(s -> s.reference().orElse("?")).toList();
    }

    @Test
    void enqueuedMessageWaitsInOutboxUntilARunSendsItToSent() {
        OutboxEntry e = outbox.enqueue(greek("r1"), EntryOptions.builder().operator("maria").contact("c-42")
                .campaignId("spring").build());

        assertThat(e.folder()).isEqualTo(Folder.OUTBOX);
        assertThat(e.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(e.createdAt()).isEqualTo(clock.instant());
        assertThat(fake.sent()).isEmpty();

        SendProgress p = outbox.sendNow().join();

        assertThat(p).isEqualTo(new SendProgress(1, 1, 0, 0, false, true));
        OutboxEntry sent = outbox.get(e.id()).orElseThrow();
        assertThat(sent.folder()).isEqualTo(Folder.SENT);
        assertThat(sent.status()).isEqualTo(MessageStatus.SENT);
        assertThat(sent.sentAt()).contains(clock.instant());
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.providerMessageId()).contains("fake-1");
        assertThat(sent.operator()).contains("maria");
        assertThat(sent.contact()).contains("c-42");
        assertThat(sent.campaignId()).contains("spring");
        assertThat(sent.claimedBy()).isEmpty();
        assertThat(sent.version()).isGreaterThan(e.version());
        assertThat(events.events()).extracting(ev -> ev.getClass().getSimpleName()).containsExactly("Enqueued", "Sent");
    }

    @Test
    void enqueueingTheSameReferenceTwiceReturnsTheExistingEntry() {
        OutboxEntry first = outbox.enqueue(greek("same"));
        OutboxEntry second = outbox.enqueue(message("same", "+306900000000", "other text"));

        assertThat(second).isEqualTo(first);
        assertThat(outbox.count(OutboxQuery.builder().build())).isEqualTo(1);
        assertThat(outbox.enqueueAll(List.of(greek("same"), greek("new")), EntryOptions.none()))
                .extracting(OutboxEntry::id).containsExactly(first.id(), first.id() + 1);
    }

    @Test
    void scheduledMessageIsNotSentBeforeItsTime() {
        Instant at = clock.instant().plus(Duration.ofHours(2));
        OutboxEntry e = outbox.schedule(greek("later"), at);
        assertThat(e.status()).isEqualTo(MessageStatus.SCHEDULED);
        assertThat(e.scheduledAt()).contains(at);

        clock.advance(Duration.ofHours(2).minusMillis(1));
        outbox.sendNow().join();
        assertThat(fake.sent()).isEmpty();

        clock.advance(Duration.ofMillis(1));
        outbox.sendNow().join();
        assertThat(sentReferences()).containsExactly("later");
        assertThat(events.of(OutboxEvent.Scheduled.class)).hasSize(1);
    }

    @Test
    void scheduleAllHoldsEveryMessageUntilItsTimeAndKeepsInputOrder() {
        Instant at = clock.instant().plus(Duration.ofMinutes(30));
        OutboxEntry existing = outbox.enqueue(greek("b"));

        List<OutboxEntry> all = outbox.scheduleAll(List.of(greek("a"), greek("b"), greek("c")), at,
                EntryOptions.builder().campaignId("spring").build());

        assertThat(all).extracting(e -> e.reference().orElse("?")).containsExactly("a", "b", "c");
        assertThat(all.get(1)).isEqualTo(existing);
        assertThat(List.of(all.get(0), all.get(2))).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.SCHEDULED);
            assertThat(e.scheduledAt()).contains(at);
            assertThat(e.campaignId()).contains("spring");
        });
        outbox.sendNow().join();
        assertThat(sentReferences()).containsExactly("b");

        clock.advance(Duration.ofMinutes(30));
        outbox.sendNow().join();
        assertThat(sentReferences()).containsExactlyInAnyOrder("b", "a", "c");
        assertThat(events.of(OutboxEvent.Scheduled.class)).hasSize(2);
    }

    @Test
    void scheduleAllWithAPastTimeQueuesForTheNextRun() {
        List<OutboxEntry> all = outbox.scheduleAll(List.of(greek("p")), clock.instant().minusSeconds(60),
                EntryOptions.none());

        assertThat(all.get(0).status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(all.get(0).scheduledAt()).isEmpty();
        outbox.sendNow().join();
        assertThat(sentReferences()).containsExactly("p");
    }

    @Test
    void autoSendOffSendsNothingUntilSendNow() {
        outbox = outbox(b -> b.autoSend(false));
        outbox.start();
        outbox.enqueue(greek("manual"));

        executor.tick();
        assertThat(executor.periods()).isEmpty();
        assertThat(fake.attempts()).isZero();

        outbox.sendNow().join();
        assertThat(sentReferences()).containsExactly("manual");
    }

    @Test
    void autoSendRunsEverySendIntervalOnTheExecutor() {
        outbox.start();
        outbox.start();
        assertThat(executor.periods()).containsExactly(Duration.ofMinutes(5));

        outbox.enqueue(greek("a"));
        executor.tick();
        outbox.enqueue(greek("b"));
        assertThat(sentReferences()).containsExactly("a");
        executor.tick();
        assertThat(sentReferences()).containsExactly("a", "b");
    }

    @Test
    void draftsAreNeverSentUntilSubmitted() {
        OutboxEntry d = outbox.saveDraft(greek("draft"));
        assertThat(d.folder()).isEqualTo(Folder.DRAFTS);
        assertThat(d.status()).isEqualTo(MessageStatus.DRAFT);
        outbox.sendNow().join();
        assertThat(fake.attempts()).isZero();

        OutboxEntry edited = outbox.updateDraft(d.id(), message("draft", "+306912345678", "Νέο κείμενο"));
        assertThat(edited.message().text()).contains("Νέο κείμενο");
        OutboxEntry submitted = outbox.submitDraft(d.id());
        assertThat(submitted.folder()).isEqualTo(Folder.OUTBOX);

        outbox.sendNow().join();
        assertThat(fake.sent()).singleElement().satisfies(s -> assertThat(s.text()).contains("Νέο κείμενο"));
        assertThatThrownBy(() -> outbox.updateDraft(d.id(), greek("draft")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("is in SENT");
    }

    @Test
    void updatingADraftToAReferenceOfAnotherEntryIsRejected() {
        outbox.enqueue(greek("taken"));
        OutboxEntry d = outbox.saveDraft(greek("mine"));

        assertThatThrownBy(() -> outbox.updateDraft(d.id(), greek("taken")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'taken' is used by entry");
    }

    @Test
    void deleteRemembersTheOriginFolderAndRestoreReturnsThere() {
        OutboxEntry draft = outbox.saveDraft(greek("d"));
        OutboxEntry queued = outbox.enqueue(greek("q"));

        OutboxEntry deletedDraft = outbox.delete(draft.id());
        OutboxEntry deletedQueued = outbox.delete(queued.id());
        assertThat(deletedDraft.folder()).isEqualTo(Folder.DELETED);
        assertThat(deletedDraft.originFolder()).contains(Folder.DRAFTS);
        assertThat(deletedQueued.originFolder()).contains(Folder.OUTBOX);

        outbox.sendNow().join();
        assertThat(fake.attempts()).as("deleted outbox entries are not sent").isZero();

        assertThat(outbox.restore(draft.id()).folder()).isEqualTo(Folder.DRAFTS);
        assertThat(outbox.restore(queued.id()).folder()).isEqualTo(Folder.OUTBOX);
        outbox.sendNow().join();
        assertThat(sentReferences()).containsExactly("q");
        assertThatThrownBy(() -> outbox.restore(queued.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must be in [DELETED]");
        outbox.delete(draft.id());
        assertThatThrownBy(() -> outbox.delete(draft.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("already deleted");
    }

    @Test
    void purgeRemovesOnlyDeletedEntries() {
        OutboxEntry e = outbox.enqueue(greek("p"));
        assertThatThrownBy(() -> outbox.purge(e.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("delete it first");

        outbox.delete(e.id());
        outbox.purge(e.id());

        assertThat(outbox.get(e.id())).isEmpty();
        assertThat(events.of(OutboxEvent.Purged.class)).singleElement()
                .satisfies(p -> assertThat(p.entry().id()).isEqualTo(e.id()));
        assertThatThrownBy(() -> outbox.purge(e.id())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no outbox entry with id " + e.id());
        assertThat(outbox.enqueue(greek("p")).id()).as("a purged reference may be used again").isNotEqualTo(e.id());
    }

    @Test
    void anEntryBeingSentCannotBeDeleted() {
        OutboxEntry e = outbox.enqueue(greek("busy"));
        store.claimDue("other-node", clock.instant(), clock.instant().plusSeconds(60), 10);

        assertThatThrownBy(() -> outbox.delete(e.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("being sent by node other-node");

        clock.advance(Duration.ofSeconds(61));
        assertThat(outbox.delete(e.id()).status()).as("an expired claim no longer protects it")
                .isEqualTo(MessageStatus.QUEUED);
    }

    @Test
    void resendCreatesANewOutboxEntryLinkedToTheOldOne() {
        OutboxEntry e = outbox.enqueue(greek("orig"), EntryOptions.builder().operator("nikos").build());
        outbox.sendNow().join();

        OutboxEntry again = outbox.resend(e.id());

        assertThat(again.id()).isNotEqualTo(e.id());
        assertThat(again.folder()).isEqualTo(Folder.OUTBOX);
        assertThat(again.resendOf()).contains(e.id());
        assertThat(again.operator()).contains("nikos");
        assertThat(again.reference()).get().asString().startsWith("orig~resend-" + e.id() + "-");
        assertThat(outbox.get(e.id()).orElseThrow().folder()).isEqualTo(Folder.SENT);
        outbox.sendNow().join();
        assertThat(fake.sent()).hasSize(2);
        assertThat(events.of(OutboxEvent.Resent.class)).singleElement()
                .satisfies(r -> assertThat(r.original().id()).isEqualTo(e.id()));
        OutboxEntry queued = outbox.enqueue(greek("q"));
        assertThatThrownBy(() -> outbox.resend(queued.id())).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[SENT, FAILED, DELETED]");
    }

    @Test
    void batchOperationsChangeEverySelectedEntryAndSayWhySomeWereSkipped() {
        OutboxEntry a = outbox.saveDraft(greek("a"));
        OutboxEntry b = outbox.saveDraft(greek("b"));
        OutboxEntry c = outbox.enqueue(greek("c"));

        OutboxBatch submitted = outbox.submitDrafts(List.of(a.id(), b.id(), c.id(), 999L));
        assertThat(submitted.changed()).extracting(OutboxEntry::id).containsExactly(a.id(), b.id());
        assertThat(submitted.skipped()).containsOnlyKeys(c.id(), 999L);
        assertThat(submitted.skipped().get(999L)).contains("no outbox entry with id 999");

        outbox.sendNow().join();
        OutboxBatch resent = outbox.resendAll(List.of(a.id(), b.id(), c.id()));
        assertThat(resent.changed()).extracting(e -> e.resendOf().orElseThrow()).containsExactly(a.id(), b.id(), c.id());

        OutboxBatch deleted = outbox.deleteAll(resent.changed().stream().map(OutboxEntry::id).toList());
        assertThat(deleted.changed()).allSatisfy(e -> assertThat(e.folder()).isEqualTo(Folder.DELETED));
        assertThat(outbox.restoreAll(List.of(deleted.changed().get(0).id())).changed()).hasSize(1);
        assertThat(outbox.purgeAll(deleted.changed().stream().map(OutboxEntry::id).toList()).skipped()).hasSize(1);
    }

    @Test
    void retryableFailureBacksOffExponentiallyThenSends() {
        fake.failNext(ErrorKind.PROVIDER_UNAVAILABLE).failNext(ErrorKind.TIMEOUT);
        OutboxEntry e = outbox.enqueue(greek("flaky"));

        SendProgress first = outbox.sendNow().join();
        assertThat(first.retried()).isEqualTo(1);
        OutboxEntry waiting = outbox.get(e.id()).orElseThrow();
        assertThat(waiting.folder()).isEqualTo(Folder.OUTBOX);
        assertThat(waiting.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(waiting.lastErrorKind()).contains(ErrorKind.PROVIDER_UNAVAILABLE);
        Duration firstDelay = Duration.between(clock.instant(), waiting.nextAttemptAt());
        assertThat(firstDelay).isBetween(Duration.ofSeconds(15), Duration.ofSeconds(30));

        clock.advance(firstDelay);
        outbox.sendNow().join();
        OutboxEntry second = outbox.get(e.id()).orElseThrow();
        Duration secondDelay = Duration.between(clock.instant(), second.nextAttemptAt());
        assertThat(secondDelay).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));

        clock.advance(secondDelay);
        outbox.sendNow().join();
        OutboxEntry sent = outbox.get(e.id()).orElseThrow();
        assertThat(sent.folder()).isEqualTo(Folder.SENT);
        assertThat(sent.attempts()).isEqualTo(3);
        assertThat(events.of(OutboxEvent.RetryScheduled.class)).hasSize(2);
    }

    @Test
    void retryWaitsAtLeastTheProvidersRetryAfter() {
        outbox = outbox(b -> b.retryPolicy(RetryPolicy.exponential(Duration.ofMillis(1), Duration.ofMillis(10), 3)));
        fake.failNext(ErrorKind.RATE_LIMITED); // the fake says Retry-After: 1 s
        OutboxEntry e = outbox.enqueue(greek("limited"));

        outbox.sendNow().join();

        assertThat(outbox.get(e.id()).orElseThrow().nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(1));
    }

    @Test
    void nonRetryableFailureGoesStraightToFailedWithTheReason() {
        OutboxEntry bad = outbox.enqueue(message("bad", "12", "Hi"));
        fake.failWhen(s -> s.text().orElse("").contains("casino"), ErrorKind.BLOCKED_KEYWORD);
        OutboxEntry blocked = outbox.enqueue(message("blocked", "+306912345678", "Free casino chips"));

        SendProgress p = outbox.sendNow().join();

        assertThat(p.failed()).isEqualTo(2);
        OutboxEntry f1 = outbox.get(bad.id()).orElseThrow();
        assertThat(f1.folder()).isEqualTo(Folder.FAILED);
        assertThat(f1.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(f1.lastErrorKind()).contains(ErrorKind.INVALID_NUMBER);
        assertThat(f1.lastError()).get().asString().isNotBlank();
        assertThat(outbox.get(blocked.id()).orElseThrow().lastErrorKind()).contains(ErrorKind.BLOCKED_KEYWORD);
        assertThat(fake.attempts()).as("the invalid number never reached the provider").isEqualTo(1);
        assertThat(events.of(OutboxEvent.Failed.class)).extracting(f -> f.cause().kind())
                .containsExactlyInAnyOrder(ErrorKind.INVALID_NUMBER, ErrorKind.BLOCKED_KEYWORD);
    }

    @Test
    void retriesUsedUpMoveTheEntryToFailed() {
        fake.failWhen(s -> true, ErrorKind.PROVIDER_UNAVAILABLE);
        OutboxEntry e = outbox.enqueue(greek("down"));

        for (int i = 0; i < 3; i++) {
            outbox.sendNow().join();
            clock.advance(Duration.ofMinutes(10));
        }

        OutboxEntry f = outbox.get(e.id()).orElseThrow();
        assertThat(f.folder()).isEqualTo(Folder.FAILED);
        assertThat(f.attempts()).isEqualTo(3);
        assertThat(f.lastErrorKind()).contains(ErrorKind.PROVIDER_UNAVAILABLE);
        assertThat(fake.attempts()).isEqualTo(3);
    }

    @Test
    void expiredMessageIsNotSentAndEndsExpiredInFailed() {
        SmsMessage m = greek("old").toBuilder().validUntil(clock.instant().plusSeconds(10)).build();
        OutboxEntry e = outbox.enqueue(m);
        clock.advance(Duration.ofSeconds(11));

        outbox.sendNow().join();

        OutboxEntry f = outbox.get(e.id()).orElseThrow();
        assertThat(f.folder()).isEqualTo(Folder.FAILED);
        assertThat(f.status()).isEqualTo(MessageStatus.EXPIRED);
        assertThat(fake.attempts()).isZero();
    }

    @Test
    void expiredMessageKeepsZeroAttemptsAndSaysItExpiredWithoutAnErrorKind() {
        Instant validUntil = clock.instant().plusSeconds(10);
        OutboxEntry e = outbox.enqueue(greek("stale").toBuilder().validUntil(validUntil).build());
        clock.advance(Duration.ofSeconds(11));

        SendProgress p = outbox.sendNow().join();

        OutboxEntry f = outbox.get(e.id()).orElseThrow();
        assertThat(f.attempts()).as("never handed to the provider").isZero();
        assertThat(f.lastErrorKind()).as("no ErrorKind means 'expired'; the status says it").isEmpty();
        assertThat(f.lastError()).get().asString().startsWith("expired").contains(validUntil.toString());
        assertThat(f.claimedBy()).isEmpty();
        assertThat(p.failed()).isEqualTo(1);
        assertThat(events.of(OutboxEvent.Expired.class)).singleElement()
                .satisfies(x -> assertThat(x.entry()).isEqualTo(f))
                .satisfies(x -> assertThat(x.reason()).isEqualTo(f.lastError().orElseThrow()));
        assertThat(events.of(OutboxEvent.Failed.class)).isEmpty();
        assertThat(outbox.count(OutboxQuery.builder().errorKind(ErrorKind.INVALID_CONTENT).build())).isZero();
        assertThat(outbox.count(OutboxQuery.builder().folder(Folder.FAILED).status(MessageStatus.EXPIRED).build()))
                .isEqualTo(1);
    }

    @Test
    void sentEntryNoLongerCarriesTheErrorOfAnEarlierAttempt() {
        fake.failNext(ErrorKind.RATE_LIMITED); // Retry-After 1 s
        OutboxEntry e = outbox.enqueue(greek("limited-then-sent"));
        outbox.sendNow().join();
        assertThat(outbox.get(e.id()).orElseThrow().lastErrorKind()).contains(ErrorKind.RATE_LIMITED);
        assertThat(outbox.query(OutboxQuery.builder().errorKind(ErrorKind.RATE_LIMITED).build()))
                .extracting(OutboxEntry::id).containsExactly(e.id());

        clock.advance(Duration.ofMinutes(1));
        outbox.sendNow().join();

        OutboxEntry sent = outbox.get(e.id()).orElseThrow();
        assertThat(sent.folder()).isEqualTo(Folder.SENT);
        assertThat(sent.attempts()).isEqualTo(2);
        assertThat(sent.lastErrorKind()).isEmpty();
        assertThat(sent.lastError()).isEmpty();
        assertThat(outbox.query(OutboxQuery.builder().errorKind(ErrorKind.RATE_LIMITED).build())).isEmpty();
    }

    @Test
    void insufficientBalancePausesTheWholeOutboxWithOneEventUntilResume() {
        outbox = outbox(b -> b.batchSize(4));
        fake.withBalance(2);
        List<OutboxEntry> all = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            all.add(outbox.enqueue(greek("m" + i)));
        }

        SendProgress p = outbox.sendNow().join();

        assertThat(p.paused()).isTrue();
        assertThat(fake.sent()).hasSize(2);
        assertThat(fake.attempts()).as("stops after the batch that ran dry").isEqualTo(4);
        assertThat(outbox.isPaused()).isTrue();
        assertThat(events.of(OutboxEvent.Paused.class)).hasSize(1);
        assertThat(outbox.count(OutboxQuery.builder().folder(Folder.OUTBOX).build())).isEqualTo(8);
        assertThat(outbox.count(OutboxQuery.builder().folder(Folder.FAILED).build())).isZero();
        assertThat(outbox.query(OutboxQuery.builder().folder(Folder.OUTBOX).build()))
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(MessageStatus.QUEUED));

        outbox.sendNow().join();
        assertThat(fake.attempts()).as("nothing is tried while paused").isEqualTo(4);

        fake.topUp(100);
        outbox.resume();
        outbox.sendNow().join();
        assertThat(fake.sent()).hasSize(10);
        assertThat(events.of(OutboxEvent.Paused.class)).hasSize(1);
        assertThat(events.of(OutboxEvent.Resumed.class)).hasSize(1);
        assertThat(outbox.query(OutboxQuery.builder().folder(Folder.SENT).build())).hasSize(10)
                .allSatisfy(e -> assertThat(e.attempts()).isEqualTo(1));
    }

    @Test
    void balanceProbeResumesSendingAfterATopUp() {
        outbox = outbox(b -> b.probeBalance(true));
        fake.withBalance(0);
        outbox.start();
        outbox.enqueue(greek("x"));
        executor.tick();
        assertThat(outbox.isPaused()).isTrue();

        executor.tick();
        assertThat(outbox.isPaused()).as("the probe still sees no balance").isTrue();

        fake.topUp(5);
        executor.tick();
        assertThat(outbox.isPaused()).isFalse();
        assertThat(sentReferences()).containsExactly("x");
    }

    @Test
    void autoRetryFailedRequeuesOnlyRetryableFailures() {
        outbox = outbox(b -> b.autoRetryFailed(true).retryPolicy(RetryPolicy.none()));
        fake.failNext(ErrorKind.PROVIDER_UNAVAILABLE);
        fake.failWhen(s -> s.reference().orElse("").equals("rejected"), ErrorKind.OPTED_OUT);
        OutboxEntry retryable = outbox.enqueue(greek("retryable"));
        OutboxEntry rejected = outbox.enqueue(greek("rejected"));
        outbox.start();

        executor.tick();
        assertThat(outbox.get(retryable.id()).orElseThrow().folder()).isEqualTo(Folder.FAILED);
        clock.advance(RetryPolicy.none().max()); // the cool-down before a re-queue
        executor.tick();

        assertThat(outbox.get(retryable.id()).orElseThrow().folder()).isEqualTo(Folder.SENT);
        assertThat(outbox.get(rejected.id()).orElseThrow().folder()).isEqualTo(Folder.FAILED);
        assertThat(events.of(OutboxEvent.Requeued.class)).extracting(r -> r.entry().id())
                .containsExactly(retryable.id());
    }

    @Test
    void sendNowReQueuesRetryableFailuresWhenAutoRetryFailedIsOnAndAutoSendOff() {
        outbox = outbox(b -> b.autoSend(false).autoRetryFailed(true).retryPolicy(RetryPolicy.none()));
        fake.failNext(ErrorKind.PROVIDER_UNAVAILABLE);
        OutboxEntry e = outbox.enqueue(greek("manual-retry"));
        outbox.start();
        outbox.sendNow().join();
        assertThat(outbox.get(e.id()).orElseThrow().folder()).isEqualTo(Folder.FAILED);

        clock.advance(RetryPolicy.none().max());
        SendProgress p = outbox.sendNow().join();

        assertThat(p.sent()).isEqualTo(1);
        assertThat(outbox.get(e.id()).orElseThrow().folder()).isEqualTo(Folder.SENT);
        assertThat(events.of(OutboxEvent.Requeued.class)).extracting(r -> r.entry().id()).containsExactly(e.id());
    }

    @Test
    void sendNowProbesTheBalanceWhilePausedWhenProbeBalanceIsOnAndAutoSendOff() {
        outbox = outbox(b -> b.autoSend(false).probeBalance(true));
        fake.withBalance(0);
        outbox.enqueue(greek("after-top-up"));
        outbox.sendNow().join();
        assertThat(outbox.isPaused()).isTrue();

        assertThat(outbox.sendNow().join().paused()).as("the probe still sees no balance").isTrue();
        fake.topUp(5);
        SendProgress p = outbox.sendNow().join();

        assertThat(outbox.isPaused()).isFalse();
        assertThat(p.sent()).isEqualTo(1);
        assertThat(sentReferences()).containsExactly("after-top-up");
        assertThat(events.of(OutboxEvent.Resumed.class)).hasSize(1);
    }

    @Test
    void sendNowWithoutProbeBalanceStaysPausedUntilResume() {
        outbox = outbox(b -> b.autoSend(false));
        fake.withBalance(0);
        outbox.enqueue(greek("waits"));
        outbox.sendNow().join();
        fake.topUp(5);

        assertThat(outbox.sendNow().join().paused()).isTrue();
        assertThat(sentReferences()).isEmpty();
    }

    @Test
    void autoRetryFailedStopsAfterMaxAutoRetriesForAMessageThatAlwaysFails() {
        RetryPolicy policy = RetryPolicy.exponential(Duration.ofSeconds(1), Duration.ofMinutes(1), 2).withJitter(0);
        outbox = outbox(b -> b.autoRetryFailed(true).retryPolicy(policy));
        fake.failWhen(s -> true, ErrorKind.PROVIDER_UNAVAILABLE);
        OutboxEntry e = outbox.enqueue(greek("always-down"));
        outbox.start();

        for (int i = 0; i < 200; i++) { // 200 runs over 200 minutes
            executor.tick();
            clock.advance(Duration.ofMinutes(1));
        }

        OutboxEntry f = outbox.get(e.id()).orElseThrow();
        assertThat(fake.attempts()).isEqualTo(policy.maxAttempts() + Outbox.MAX_AUTO_RETRIES);
        assertThat(f.attempts()).isEqualTo(policy.maxAttempts() + Outbox.MAX_AUTO_RETRIES);
        assertThat(f.folder()).isEqualTo(Folder.FAILED);
        assertThat(f.status()).isEqualTo(MessageStatus.FAILED);
        assertThat(f.lastErrorKind()).contains(ErrorKind.PROVIDER_UNAVAILABLE);
        assertThat(events.of(OutboxEvent.Requeued.class)).hasSize(Outbox.MAX_AUTO_RETRIES);
    }

    @Test
    void autoRetryFailedWaitsTheRetryPolicysLongestDelayAfterTheFailureBeforeReQueueing() {
        RetryPolicy policy = RetryPolicy.exponential(Duration.ofSeconds(1), Duration.ofMinutes(10), 2).withJitter(0);
        outbox = outbox(b -> b.autoRetryFailed(true).retryPolicy(policy));
        fake.failWhen(s -> true, ErrorKind.TIMEOUT);
        OutboxEntry e = outbox.enqueue(greek("cool-down"));
        outbox.start();
        executor.tick();
        clock.advance(Duration.ofSeconds(1));
        executor.tick();
        OutboxEntry failed = outbox.get(e.id()).orElseThrow();
        assertThat(failed.folder()).isEqualTo(Folder.FAILED);
        Instant failedAt = failed.nextAttemptAt();

        for (int i = 0; i < 50; i++) { // the reported loop: a run every few seconds
            clock.advance(Duration.ofSeconds(2));
            executor.tick();
        }
        assertThat(fake.attempts()).as("no re-queue within the cool-down").isEqualTo(2);

        clock.advance(Duration.between(clock.instant(), failedAt.plus(policy.max())));
        executor.tick();
        assertThat(fake.attempts()).isEqualTo(3);
        assertThat(outbox.get(e.id()).orElseThrow().attempts()).as("attempts keep counting").isEqualTo(3);
    }

    @ParameterizedTest
    @EnumSource(value = ErrorKind.class, mode = EnumSource.Mode.EXCLUDE,
            names = {"RATE_LIMITED", "PROVIDER_UNAVAILABLE", "TIMEOUT", "INSUFFICIENT_BALANCE"})
    void autoRetryFailedNeverReQueuesANonRetryableFailure(ErrorKind kind) {
        outbox = outbox(b -> b.autoRetryFailed(true).retryPolicy(RetryPolicy.none()));
        fake.failWhen(s -> true, kind);
        OutboxEntry e = outbox.enqueue(greek("never-" + kind));
        outbox.start();

        for (int i = 0; i < 20; i++) {
            executor.tick();
            outbox.sendNow().join();
            clock.advance(Duration.ofHours(1));
        }

        OutboxEntry f = outbox.get(e.id()).orElseThrow();
        assertThat(f.folder()).isEqualTo(Folder.FAILED);
        assertThat(f.lastErrorKind()).contains(kind);
        assertThat(f.attempts()).isEqualTo(1);
        assertThat(fake.attempts()).isEqualTo(1);
        assertThat(events.of(OutboxEvent.Requeued.class)).isEmpty();
    }

    @Test
    void autoRetryFailedNeverReQueuesAnExpiredEntry() {
        outbox = outbox(b -> b.autoRetryFailed(true).retryPolicy(RetryPolicy.none()));
        OutboxEntry e = outbox.enqueue(greek("too-late").toBuilder().validUntil(clock.instant()).build());
        clock.advance(Duration.ofSeconds(1));
        outbox.start();

        for (int i = 0; i < 5; i++) {
            executor.tick();
            clock.advance(Duration.ofHours(1));
        }

        assertThat(outbox.get(e.id()).orElseThrow().status()).isEqualTo(MessageStatus.EXPIRED);
        assertThat(fake.attempts()).isZero();
        assertThat(events.of(OutboxEvent.Requeued.class)).isEmpty();
    }

    @Test
    void aReceiptThatComesBeforeItsSendIsStoredIsAppliedWhenItIs() {
        // the fake's receipts fire inside submit, before the outbox has stored the provider's id
        fake.emitReceipts(MessageStatus.DELIVERED).onReceipt(r -> outbox.onDeliveryReceipt(r));
        OutboxEntry e = outbox.enqueue(greek("early"));

        outbox.sendNow().join();

        OutboxEntry now = outbox.get(e.id()).orElseThrow();
        assertThat(now.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(now.deliveredAt()).isPresent();
        assertThat(events.of(OutboxEvent.ReceiptApplied.class)).hasSize(1);
    }

    @Test
    void aReceiptThatNeverMatchesIsDroppedAfterTheGraceAndNotAppliedLater() {
        assertThat(outbox.onDeliveryReceipt(DeliveryReceipt.builder("fake-1", MessageStatus.DELIVERED).build())).isEmpty();
        assertThat(outbox.unmatchedReceipts()).isEqualTo(1);
        clock.advance(Outbox.EARLY_RECEIPT_GRACE.plusSeconds(1));
        outbox.sendNow().join(); // a run drops it
        OutboxEntry e = outbox.enqueue(greek("late")); // its provider id will be fake-1

        outbox.sendNow().join();

        OutboxEntry now = outbox.get(e.id()).orElseThrow();
        assertThat(now.providerMessageId()).contains("fake-1");
        assertThat(now.status()).isEqualTo(MessageStatus.SENT);
        assertThat(events.of(OutboxEvent.ReceiptApplied.class)).isEmpty();
    }

    @Test
    void deliveryReceiptUpdatesTheStatusOfTheEntryWithThatProviderId() {
        OutboxEntry e = outbox.enqueue(greek("dlr"));
        outbox.sendNow().join();
        String id = outbox.get(e.id()).orElseThrow().providerMessageId().orElseThrow();
        Instant done = clock.instant().plusSeconds(7);

        OutboxEntry delivered = outbox.onDeliveryReceipt(
                DeliveryReceipt.builder(id, MessageStatus.DELIVERED).doneAt(done).build()).orElseThrow();

        assertThat(delivered.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(delivered.deliveredAt()).contains(done);
        assertThat(delivered.folder()).isEqualTo(Folder.SENT);
        assertThat(outbox.onDeliveryReceipt(DeliveryReceipt.builder("nope", MessageStatus.DELIVERED).build())).isEmpty();
        assertThat(outbox.unmatchedReceipts()).isEqualTo(1);
        assertThat(events.of(OutboxEvent.ReceiptUnmatched.class)).hasSize(1);
        assertThat(events.of(OutboxEvent.ReceiptApplied.class)).hasSize(1);
    }

    static Stream<Arguments> receiptsAfterAFinalStatus() {
        return Stream.of(
                Arguments.of(MessageStatus.DELIVERED, MessageStatus.UNDELIVERED),
                Arguments.of(MessageStatus.DELIVERED, MessageStatus.DELIVERED),
                Arguments.of(MessageStatus.DELIVERED, MessageStatus.SENT),
                Arguments.of(MessageStatus.DELIVERED, MessageStatus.UNKNOWN),
                Arguments.of(MessageStatus.UNDELIVERED, MessageStatus.DELIVERED),
                Arguments.of(MessageStatus.EXPIRED, MessageStatus.DELIVERED),
                Arguments.of(MessageStatus.REJECTED, MessageStatus.UNDELIVERED));
    }

    @ParameterizedTest(name = "{0} then {1}")
    @MethodSource("receiptsAfterAFinalStatus")
    void aLateReceiptNeverChangesAFinalStatus(MessageStatus first, MessageStatus late) {
        OutboxEntry e = outbox.enqueue(greek("final-" + first + "-" + late));
        outbox.sendNow().join();
        String id = outbox.get(e.id()).orElseThrow().providerMessageId().orElseThrow();
        Instant done = clock.instant().plusSeconds(5);
        OutboxEntry fin = outbox.onDeliveryReceipt(DeliveryReceipt.builder(id, first).doneAt(done).build())
                .orElseThrow();

        Optional<OutboxEntry> after = outbox.onDeliveryReceipt(DeliveryReceipt.builder(id, late)
                .doneAt(done.plusSeconds(60)).build());

        assertThat(after).contains(fin);
        assertThat(outbox.get(e.id())).contains(fin);
        assertThat(fin.status()).isEqualTo(first);
        assertThat(fin.deliveredAt()).isEqualTo(first == MessageStatus.DELIVERED ? Optional.of(done) : Optional.empty());
        assertThat(events.of(OutboxEvent.ReceiptApplied.class)).hasSize(1);
    }

    @Test
    void intermediateReceiptsApplyUntilAFinalOne() {
        OutboxEntry e = outbox.enqueue(greek("steps"));
        outbox.sendNow().join();
        String id = outbox.get(e.id()).orElseThrow().providerMessageId().orElseThrow();

        assertThat(outbox.onDeliveryReceipt(DeliveryReceipt.builder(id, MessageStatus.UNKNOWN).build()).orElseThrow()
                .status()).isEqualTo(MessageStatus.UNKNOWN);
        assertThat(outbox.onDeliveryReceipt(DeliveryReceipt.builder(id, MessageStatus.UNDELIVERED).build())
                .orElseThrow().status()).isEqualTo(MessageStatus.UNDELIVERED);
        assertThat(events.of(OutboxEvent.ReceiptApplied.class)).hasSize(2);
    }

    @Test
    void sendNowReportsProgressAfterEveryBatch() {
        outbox = outbox(b -> b.batchSize(3));
        for (int i = 0; i < 7; i++) {
            outbox.enqueue(greek("p" + i));
        }
        List<SendProgress> progress = new ArrayList<>();

        SendProgress last = outbox.sendNow(progress::add).join();

        assertThat(progress).extracting(SendProgress::sent).containsExactly(3, 6, 7, 7);
        assertThat(progress).extracting(SendProgress::done).containsExactly(false, false, false, true);
        assertThat(last).isEqualTo(progress.get(3));
    }

    @Test
    void closeReleasesThisNodesClaimsAndRejectsFurtherUse() {
        outbox.enqueue(greek("c1"));
        store.claimDue("node-a", clock.instant(), clock.instant().plusSeconds(300), 10);

        outbox.close();
        outbox.close();

        OutboxEntry e = store.query(OutboxQuery.builder().build()).get(0);
        assertThat(e.status()).isEqualTo(MessageStatus.QUEUED);
        assertThat(e.claimedBy()).isEmpty();
        assertThat(e.attempts()).isZero();
        assertThatThrownBy(() -> outbox.enqueue(greek("c2"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(outbox::sendNow).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aListenerThatThrowsDoesNotStopSending() {
        outbox = outbox(b -> b.addListener(ev -> {
            throw new IllegalStateException("listener bug");
        }));
        outbox.enqueue(greek("l"));

        outbox.sendNow().join();

        assertThat(sentReferences()).containsExactly("l");
    }

    @Test
    void messagesInEveryScriptKeepTheirTextAndAreFoundByContent() {
        Map<String, String> texts = Map.of(
                "zh", "您的车已准备好，请到店取车",
                "el", "Το αυτοκίνητό σας είναι έτοιμο",
                "vi", "Xe của bạn đã sẵn sàng, vui lòng đến nhận",
                "en", "Your car is ready for pick-up");
        Map<String, String> phones = Map.of("zh", "+8613812345678", "el", "+306912345678", "vi", "+84912345678",
                "en", "+447911123456");
        texts.forEach((k, t) -> outbox.enqueue(message(k, phones.get(k), t)));

        outbox.sendNow().join();

        assertThat(fake.sent()).hasSize(4);
        assertThat(outbox.query(OutboxQuery.builder().content("准备好").build())).extracting(e -> e.reference().get())
                .containsExactly("zh");
        assertThat(outbox.query(OutboxQuery.builder().content("έτοιμο").build())).extracting(e -> e.reference().get())
                .containsExactly("el");
        assertThat(outbox.query(OutboxQuery.builder().content("sẵn sàng").build())).extracting(e -> e.reference().get())
                .containsExactly("vi");
        assertThat(outbox.query(OutboxQuery.builder().content("pick-up").phone("+44").build()))
                .extracting(e -> e.reference().get()).containsExactly("en");
    }

    @Test
    void builderRejectsMissingAndRepeatedSettings() {
        assertThatThrownBy(() -> Outbox.builder().store(store).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("client is required");
        assertThatThrownBy(() -> Outbox.builder().client(sms).build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("store is required");
        assertThatThrownBy(() -> Outbox.builder().clock(clock).clock(clock)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("clock was already set");
        assertThatThrownBy(() -> Outbox.builder().batchSize(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("batchSize must be between 1 and 10000, was 0");
        assertThatThrownBy(() -> Outbox.builder().sendInterval(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sendInterval must be positive");
    }
}
