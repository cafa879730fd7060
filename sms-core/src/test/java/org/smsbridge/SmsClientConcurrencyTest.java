package org.smsbridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.testing.FakeSmsProvider;

class SmsClientConcurrencyTest {

    @Test
    void concurrentSendsFromManyThreadsOnOneClientAreEachRecordedOnce() throws Exception {
        FakeSmsProvider fake = new FakeSmsProvider();
        SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("GR").build();
        int threads = 16;
        int perThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                start.await();
                List<String> ids = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    ids.add(sms.message().to("69" + String.format("%08d", thread * 1000 + i))
                            .text("t" + thread + " m" + i).reference(thread + "-" + i).send().messageId());
                }
                return ids;
            }));
        }
        start.countDown();
        Set<String> ids = new HashSet<>();
        for (Future<List<String>> f : futures) {
            ids.addAll(f.get(30, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(ids).hasSize(threads * perThread);
        assertThat(fake.sent()).hasSize(threads * perThread);
        Set<String> refs = new HashSet<>();
        fake.sent().forEach(s -> refs.add(s.reference().orElseThrow()));
        assertThat(refs).hasSize(threads * perThread);
    }

    @Test
    void sendAllKeepsInputOrderAndCountsWithMixedFailures() {
        FakeSmsProvider fake = new FakeSmsProvider().withLatency(Duration.ofMillis(1));
        fake.failWhen(s -> s.text().orElse("").endsWith("7"), ErrorKind.PROVIDER_UNAVAILABLE);
        SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("GR").build();
        List<SmsMessage> messages = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String to = i % 10 == 3 ? "not a number" : "69" + String.format("%08d", i);
            messages.add(SmsMessage.builder().to(to).text("message " + i).reference("ref-" + i).build());
        }
        List<BatchProgress> progress = new ArrayList<>();
        BatchResult result = sms.sendAll(messages, progress::add);

        assertThat(result.size()).isEqualTo(100);
        assertThat(result.failureCount()).isEqualTo(20);
        assertThat(result.successCount()).isEqualTo(80);
        for (int i = 0; i < 100; i++) {
            BatchResult.Entry e = result.entries().get(i);
            assertThat(e.index()).isEqualTo(i);
            assertThat(e.message()).isSameAs(messages.get(i));
            if (i % 10 == 3) {
                assertThat(e.error().orElseThrow().kind()).isEqualTo(ErrorKind.INVALID_NUMBER);
            } else if (i % 10 == 7) {
                assertThat(e.error().orElseThrow().kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
            } else {
                assertThat(e.result().orElseThrow().reference()).contains("ref-" + i);
            }
        }
        assertThat(progress).hasSize(100);
        assertThat(progress).extracting(BatchProgress::completed).isSorted();
        assertThat(progress.get(99)).isEqualTo(new BatchProgress(100, 100, 80, 20));
    }

    @Test
    void sendAllNeverHasMoreThanMaxInFlightSubmissionsOutstanding() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxSeen = new AtomicInteger();
        FakeSmsProvider fake = new FakeSmsProvider().withLatency(Duration.ofMillis(2));
        Interceptor gauge = chain -> {
            int now = inFlight.incrementAndGet();
            maxSeen.accumulateAndGet(now, Math::max);
            return chain.proceed(chain.sms()).whenComplete((r, e) -> inFlight.decrementAndGet());
        };
        SmsClient sms = SmsClient.builder().provider(fake).addInterceptor(gauge).maxInFlight(4).build();
        List<SmsMessage> messages = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            messages.add(SmsMessage.builder().to("+3069" + String.format("%08d", i)).text("x").build());
        }
        BatchResult r = sms.sendAll(messages);
        assertThat(r.allSucceeded()).isTrue();
        assertThat(maxSeen.get()).isBetween(2, 4);
    }

    @Test
    void sendAllWithANullMessageSaysWhichAndSendsNothing() {
        FakeSmsProvider fake = new FakeSmsProvider();
        SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("GR").build();
        List<SmsMessage> rows = new ArrayList<>();
        rows.add(SmsMessage.builder().to("6912345678").text("a").build());
        rows.add(null);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sms.sendAll(rows))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("messages[1] is null")
                .hasMessageContaining("nothing was sent");
        assertThat(fake.attempts()).isZero();
    }

    @Test
    void sendAllSurvivesAThrowingProgressListener() {
        SmsClient sms = SmsClient.builder().provider(new FakeSmsProvider()).build();
        BatchResult r = sms.sendAll(List.of(SmsMessage.builder().to("+306912345678").text("x").build()), p -> {
            throw new IllegalStateException("listener bug");
        });
        assertThat(r.allSucceeded()).isTrue();
    }

    @Test
    void sendAsyncFromManyThreadsCompletesEveryFuture() {
        FakeSmsProvider fake = new FakeSmsProvider().withLatency(Duration.ofMillis(1));
        SmsClient sms = SmsClient.builder().provider(fake).build();
        ConcurrentHashMap<String, OutgoingSms> seen = new ConcurrentHashMap<>();
        List<CompletableFuture<SendResult>> all = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            all.add(sms.message().to("+3069" + String.format("%08d", i)).text("x" + i).sendAsync());
        }
        CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        fake.sent().forEach(s -> seen.put(s.to(), s));
        assertThat(seen).hasSize(500);
    }
}
