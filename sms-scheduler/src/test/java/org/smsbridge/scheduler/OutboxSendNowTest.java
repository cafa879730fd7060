package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsMessage;
import org.smsbridge.testing.FakeSmsProvider;

/**
 * {@link Outbox#sendNow()} reports what this outbox sent from the call until its own pass ended,
 * also when another run of this outbox sent the messages. Real executor threads, held by latches;
 * nothing sleeps.
 */
class OutboxSendNowTest {
    private static final long WAIT_SECONDS = 30;

    private final FakeSmsProvider fake = new FakeSmsProvider();
    private final SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("GR").build();
    private final CountDownLatch sending = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private ScheduledExecutorService executor;
    private Outbox outbox;

    @AfterEach
    void tearDown() {
        release.countDown();
        if (outbox != null) {
            outbox.close();
        }
        if (executor != null) {
            executor.shutdownNow();
        }
        sms.close();
    }

    private Outbox outbox(ScheduledExecutorService exec, boolean autoSend) {
        executor = exec;
        return Outbox.builder().client(sms).store(OutboxStore.inMemory()).executor(exec).nodeId("node-a")
                .autoSend(autoSend).sendInterval(Duration.ofHours(1)).build();
    }

    /** Every provider call waits until {@link #release} opens; {@link #sending} says one is waiting. */
    private void holdSends() {
        fake.failWhen(s -> {
            sending.countDown();
            await(release);
            return false; // never fails: only holds the send
        }, ErrorKind.TIMEOUT);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch not opened within " + WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static SmsMessage greek(String ref) {
        return SmsMessage.builder().reference(ref).to("6912345678").text("Το αυτοκίνητό σας είναι έτοιμο").build();
    }

    private static SendProgress sentOne() {
        return new SendProgress(1, 1, 0, 0, false, true);
    }

    @Test
    void countsTheMessageAnAutomaticRunUnderWayAtTheCallSends() throws Exception {
        holdSends();
        outbox = outbox(new ScheduledThreadPoolExecutor(2), true);
        outbox.enqueue(greek("order-1001"));
        outbox.start(); // the first automatic run claims the message at once
        await(sending);

        List<SendProgress> reports = new CopyOnWriteArrayList<>();
        CompletableFuture<SendProgress> click = outbox.sendNow(reports::add);
        release.countDown();
        SendProgress done = click.get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(done).isEqualTo(sentOne());
        assertThat(reports).last().isEqualTo(done);
        assertThat(reports).allSatisfy(p -> assertThat(p.claimed()).isEqualTo(1));
        assertThat(fake.sent()).hasSize(1);
    }

    @Test
    void countsTheMessageAnAutomaticRunQueuedAheadOfItsOwnPassSends() throws Exception {
        ScheduledThreadPoolExecutor single = new ScheduledThreadPoolExecutor(1);
        CountDownLatch busy = new CountDownLatch(1);
        single.execute(() -> await(busy)); // the one thread is busy: the runs queue up in order
        outbox = outbox(single, true);
        outbox.start(); // the first automatic run is queued first, as in the README
        outbox.enqueue(greek("order-1001"));

        CompletableFuture<SendProgress> click = outbox.sendNow(); // queued behind the automatic run
        busy.countDown();

        assertThat(click.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(sentOne());
        assertThat(fake.sent()).hasSize(1);
    }

    @Test
    void aSecondClickWhileTheFirstIsSendingReportsWhatTheFirstSent() throws Exception {
        holdSends();
        outbox = outbox(new ScheduledThreadPoolExecutor(2), false);
        outbox.enqueue(greek("order-1001"));

        CompletableFuture<SendProgress> first = outbox.sendNow();
        await(sending);
        CompletableFuture<SendProgress> second = outbox.sendNow();
        release.countDown();

        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(sentOne());
        assertThat(second.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(sentOne());
        assertThat(fake.sent()).hasSize(1);
    }

    @Test
    void aListenerThatThrowsAnErrorHarmsNeitherAnotherCallNorAutomaticSending() throws Exception {
        ScheduledThreadPoolExecutor single = new ScheduledThreadPoolExecutor(1);
        CountDownLatch busy = new CountDownLatch(1);
        single.execute(() -> await(busy));
        outbox = outbox(single, false);
        outbox.enqueue(greek("order-1001"));
        CompletableFuture<SendProgress> first = outbox.sendNow();
        // its listener runs inside the first call's run: an AssertionError of a test, say
        CompletableFuture<SendProgress> second = outbox.sendNow(p -> {
            if (!p.done()) {
                throw new AssertionError("listener bug");
            }
        });
        busy.countDown();

        assertThat(first.get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(sentOne());
        assertThat(second.get(WAIT_SECONDS, TimeUnit.SECONDS).sent()).isEqualTo(1);
        outbox.enqueue(greek("order-1002"));
        assertThat(outbox.sendNow().get(WAIT_SECONDS, TimeUnit.SECONDS)).isEqualTo(sentOne());
        assertThat(fake.sent()).hasSize(2);
    }

    @Test
    void doesNotCountWhatARunFinishedBeforeTheCall() {
        ManualExecutor manual = new ManualExecutor();
        outbox = outbox(manual, true);
        outbox.start();
        outbox.enqueue(greek("order-1001"));
        manual.tick(); // an automatic run sends it and ends
        outbox.enqueue(greek("order-1002"));

        assertThat(outbox.sendNow().join()).isEqualTo(sentOne());
        assertThat(fake.sent()).hasSize(2);
    }
}
