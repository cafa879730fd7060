package org.smsbridge.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.providers.MockApi;
import org.smsbridge.spi.CallerWaits;
import org.smsbridge.spi.ProviderConfig;

/**
 * The three ways {@link ProviderHttp#exchange} sends (blocking on the provider's pool, chosen on
 * one- and two-core machines; {@code sendAsync}; and blocking on the calling thread when the caller
 * waits, see {@link CallerWaits}) map answers and failures the same way. The machine running the
 * suite picks only one of the first two for every provider, so this test runs all three.
 */
class ProviderHttpExchangeIT {
    private MockApi api;

    @BeforeEach
    void start() {
        api = MockApi.start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** How the exchange is sent. */
    enum Mode {
        POOL, ASYNC, CALLER
    }

    private ProviderHttp http(Mode mode, String baseUrl, String requestTimeout) {
        return ProviderHttp.create("acme", ProviderConfig.builder().put("baseUrl", baseUrl)
                .put("requestTimeout", requestTimeout).build(), "https://unused.example/", Clock.systemUTC(),
                mode == Mode.POOL, "s3cr3t-token");
    }

    /** One exchange; in CALLER mode the calling thread declares it waits (as SmsClient.send does). */
    private static <T> CompletableFuture<T> exchange(Mode mode, ProviderHttp http,
            Function<HttpResponse<String>, T> mapper) {
        Supplier<CompletableFuture<T>> call = () -> http.exchange(http.request("/send").GET().build(), mapper);
        return mode == Mode.CALLER ? CallerWaits.waitingFor(Duration.ofSeconds(30), call) : call.get();
    }

    private static SmsException failure(CompletableFuture<?> f) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(f::join);
        assertThat(t).isInstanceOf(CompletionException.class).hasCauseInstanceOf(SmsException.class);
        return (SmsException) t.getCause();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void mapsTheAnswerOnTheProvidersOwnThreadOrTheWaitingCallers(Mode mode) {
        api.enqueue(200, "{\"id\":\"m-1\"}");
        try (ProviderHttp http = http(mode, api.baseUrl(), "PT5S")) {
            CompletableFuture<String> f = exchange(mode, http,
                    r -> r.statusCode() + " " + ProviderHttp.text(ProviderHttp.tryJson(r.body()), "id").orElseThrow()
                            + " " + Thread.currentThread().getName());
            if (mode == Mode.CALLER) {
                assertThat(f).isDone();
                assertThat(f.join()).isEqualTo("200 m-1 " + Thread.currentThread().getName());
            } else {
                assertThat(f.join()).startsWith("200 m-1 smsbridge-acme-http-");
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void manyConcurrentExchangesAllComplete(Mode mode) {
        int n = 40;
        for (int i = 0; i < n; i++) {
            api.enqueue(200, "{\"id\":\"m-" + i + "\"}");
        }
        try (ProviderHttp http = http(mode, api.baseUrl(), "PT10S")) {
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(exchange(mode, http, r -> r.statusCode()));
            }
            assertThat(all).allSatisfy(f -> assertThat(f.join()).isEqualTo(200));
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aMapperThatThrowsBecomesProviderErrorWithARedactedExcerpt(Mode mode) {
        api.enqueue(200, "{\"unexpected\":\"s3cr3t-token\"}");
        try (ProviderHttp http = http(mode, api.baseUrl(), "PT5S")) {
            SmsException e = failure(exchange(mode, http, r -> {
                throw new IllegalStateException("no id");
            }));
            assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
            assertThat(e.getMessage()).contains("unexpected shape").contains("****").doesNotContain("s3cr3t-token");
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aSlowAnswerBecomesTimeout(Mode mode) {
        api.enqueueDelayed(1_500, 200, "{}");
        try (ProviderHttp http = http(mode, api.baseUrl(), "PT0.3S")) {
            SmsException e = failure(exchange(mode, http, r -> "late"));
            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aRefusedConnectionBecomesProviderUnavailable(Mode mode) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (ProviderHttp http = http(mode, "http://127.0.0.1:" + closedPort + "/", "PT5S")) {
            SmsException e = failure(exchange(mode, http, r -> "never"));
            assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
            assertThat(e.isRetryable()).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aDroppedConnectionFailsWithoutHanging(Mode mode) {
        api.enqueueDisconnect();
        try (ProviderHttp http = http(mode, api.baseUrl(), "PT5S")) {
            SmsException e = failure(exchange(mode, http, r -> "never"));
            assertThat(e.kind()).isIn(ErrorKind.PROVIDER_UNAVAILABLE, ErrorKind.TIMEOUT);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void closedClientsRefuseNewExchanges(Mode mode) {
        ProviderHttp http = http(mode, api.baseUrl(), "PT5S");
        http.close();
        assertThatThrownBy(() -> exchange(mode, http, r -> "never").join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aWaitingCallersShorterTimeLimitCutsTheExchange() {
        api.enqueueDelayed(1_500, 200, "{}");
        try (ProviderHttp http = http(Mode.ASYNC, api.baseUrl(), "PT30S")) {
            CompletableFuture<String> f = CallerWaits.waitingFor(Duration.ofMillis(300),
                    () -> http.exchange(http.request("/send").GET().build(), r -> "late"));
            assertThat(f).isDone();
            SmsException e = failure(f);
            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(e.getMessage()).matches("acme did not answer within \\d+ ms; the message may or may not have been sent");
            long ms = Long.parseLong(e.getMessage().replaceAll("\\D", ""));
            assertThat(ms).isBetween(1L, 300L);
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    void aQueryThatTimesOutDoesNotSpeakOfAMessage(Mode mode) {
        api.enqueueDelayed(3_000, 200, "{}");
        try (ProviderHttp http = http(mode, api.baseUrl(), "PT0.4S")) {
            Supplier<CompletableFuture<String>> call = () -> http.query(http.request("/balance").GET().build(),
                    r -> "late");
            SmsException e = failure(mode == Mode.CALLER ? CallerWaits.waitingFor(Duration.ofSeconds(30), call)
                    : call.get());
            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(e.getMessage()).matches("acme did not answer within \\d+ ms; nothing was changed, try again later")
                    .doesNotContain("message");
        }
    }

    @Test
    void aQueryWithNoTimeLeftDoesNotSpeakOfAMessage() throws Exception {
        try (ProviderHttp http = http(Mode.ASYNC, api.baseUrl(), "PT5S")) {
            CompletableFuture<String> f = CallerWaits.waitingFor(Duration.ofNanos(1), () -> {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    throw new AssertionError(e);
                }
                return http.query(http.request("/balance").GET().build(), r -> "never");
            });
            SmsException e = failure(f);
            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("no time was left for the request to acme; the request was not made");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "send|the message may or may not have been sent",
        "query|nothing was changed, try again later"})
    void anInterruptedWaitingCallerGetsTimeoutAndKeepsItsInterruptFlag(String call, String says) {
        api.enqueueDelayed(1_500, 200, "{}");
        try (ProviderHttp http = http(Mode.ASYNC, api.baseUrl(), "PT30S")) {
            Thread.currentThread().interrupt();
            CompletableFuture<String> f = CallerWaits.waitingFor(Duration.ofSeconds(30), () -> call.equals("send")
                    ? http.exchange(http.request("/send").GET().build(), r -> "late")
                    : http.query(http.request("/balance").GET().build(), r -> "late"));
            assertThat(Thread.interrupted()).isTrue();
            SmsException e = failure(f);
            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
            assertThat(e.getMessage()).isEqualTo("interrupted while waiting for acme; " + says);
        }
    }
}
