package org.smsbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsbridge.spi.CallerWaits;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.SenderRules;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.testing.FakeSmsProvider;

/** Which provider calls see {@link CallerWaits}: only those whose caller blocks on the answer. */
class CallerWaitsTest {
    private final ExecutorService elsewhere = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        elsewhere.shutdownNow();
    }

    /** A fake that notes, for each call, whether the caller waits and how long it still waits. */
    static class Probe implements SmsProvider {
        final FakeSmsProvider fake = new FakeSmsProvider().withBalance(10);
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<Duration> remaining = new CopyOnWriteArrayList<>();

        private void note(String call) {
            seen.add(call + "=" + CallerWaits.isWaiting());
            remaining.add(CallerWaits.remaining());
        }

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public Set<Capability> capabilities() {
            return fake.capabilities();
        }

        @Override
        public SenderRules senderRules() {
            return fake.senderRules();
        }

        @Override
        public CompletableFuture<SendResult> submit(OutgoingSms sms) {
            note("submit");
            return fake.submit(sms);
        }

        @Override
        public CompletableFuture<CredentialCheck> verifyCredentials() {
            note("verify");
            return fake.verifyCredentials();
        }

        @Override
        public CompletableFuture<Balance> balance() {
            note("balance");
            return fake.balance();
        }
    }

    private final Probe probe = new Probe();

    private SmsClient.Builder client() {
        return SmsClient.builder().provider(probe).defaultRegion("GR").sendTimeout(Duration.ofSeconds(20));
    }

    @Test
    void sendTellsTheProviderItsCallerWaitsAndForHowLong() {
        client().build().message().to("6912345678").text("x").send();
        assertThat(probe.seen).containsExactly("submit=true");
        assertThat(probe.remaining.get(0)).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(CallerWaits.isWaiting()).as("cleared after the call").isFalse();
        assertThat(CallerWaits.remaining()).isZero();
    }

    @Test
    void sendAsyncAndSendAllDoNotClaimTheCallerWaits() {
        SmsClient sms = client().build();
        sms.message().to("6912345678").text("x").sendAsync().join();
        sms.sendAll(List.of(SmsMessage.builder().to("6912345679").text("y").build()));
        assertThat(probe.seen).containsExactly("submit=false", "submit=false");
        assertThat(probe.remaining).allSatisfy(d -> assertThat(d).isZero());
    }

    @Test
    void verifyCredentialsAndBalanceWaitToo() {
        SmsClient sms = client().build();
        assertThat(sms.verifyCredentials().isValid()).isTrue();
        sms.balance();
        assertThat(probe.seen).containsExactly("verify=true", "balance=true");
    }

    @Test
    void anInterceptorThatProceedsOnAnotherThreadHidesTheWait() {
        Interceptor hop = chain -> CompletableFuture.supplyAsync(() -> chain.proceed(chain.sms()), elsewhere)
                .thenCompose(f -> f);
        client().addInterceptor(hop).build().message().to("6912345678").text("x").send();
        assertThat(probe.seen).containsExactly("submit=false");
    }

    @Test
    void messagesAnInterceptorSendsOnItsOwnDoNotSeeTheWait() {
        Probe other = new Probe();
        SmsClient second = SmsClient.builder().provider(other).defaultRegion("GR").build();
        Interceptor copyToOffice = chain -> {
            second.message().to("6900000000").text("copy").sendAsync().join();
            return chain.proceed(chain.sms());
        };
        client().addInterceptor(copyToOffice).build().message().to("6912345678").text("x").send();
        assertThat(other.seen).containsExactly("submit=false");
        assertThat(probe.seen).containsExactly("submit=true");
    }

    @Test
    void aProviderThatSendsThroughAnotherClientAsynchronouslyDoesNotPassTheWaitOn() {
        Probe inner = new Probe();
        SmsClient innerClient = SmsClient.builder().provider(inner).defaultRegion("GR").build();
        SmsProvider relay = new Probe() {
            @Override
            public CompletableFuture<SendResult> submit(OutgoingSms sms) {
                assertThat(CallerWaits.isWaiting()).isTrue();
                return innerClient.sendAsync(sms.message());
            }
        };
        SmsClient.builder().provider(relay).defaultRegion("GR").build().message().to("6912345678").text("x").send();
        assertThat(inner.seen).containsExactly("submit=false");
    }

    @Test
    void waitingForRestoresThePreviousStateEvenWhenTheCallThrows() {
        assertThatThrownBy(() -> CallerWaits.waitingFor(Duration.ofSeconds(5), () -> {
            assertThat(CallerWaits.isWaiting()).isTrue();
            CallerWaits.notWaiting(() -> {
                assertThat(CallerWaits.isWaiting()).isFalse();
                return null;
            });
            assertThat(CallerWaits.isWaiting()).isTrue();
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(CallerWaits.isWaiting()).isFalse();
    }

    @Test
    void waitingForRejectsATimeoutThatIsNotPositive() {
        assertThatThrownBy(() -> CallerWaits.waitingFor(Duration.ZERO, () -> null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout must be positive");
        assertThatThrownBy(() -> CallerWaits.waitingFor(Duration.ofSeconds(-1), () -> null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anUnboundedTimeoutDoesNotOverflow() {
        Duration left = CallerWaits.waitingFor(Duration.ofSeconds(Long.MAX_VALUE), CallerWaits::remaining);
        assertThat(left).isPositive();
    }
}
