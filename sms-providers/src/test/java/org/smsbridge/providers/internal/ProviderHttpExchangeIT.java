package org.smsbridge.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.providers.MockApi;
import org.smsbridge.spi.ProviderConfig;

/**
 * Both send modes of {@link ProviderHttp#exchange} (blocking on the provider's pool, chosen on
 * one- and two-core machines, and {@code sendAsync}) map answers and failures the same way. The
 * machine running the suite picks only one of them for every provider, so this test runs both.
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

    private ProviderHttp http(boolean blocking, String baseUrl, String requestTimeout) {
        return ProviderHttp.create("acme", ProviderConfig.builder().put("baseUrl", baseUrl)
                .put("requestTimeout", requestTimeout).build(), "https://unused.example/", Clock.systemUTC(),
                blocking, "s3cr3t-token");
    }

    private static SmsException failure(CompletableFuture<?> f) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(f::join);
        assertThat(t).isInstanceOf(CompletionException.class).hasCauseInstanceOf(SmsException.class);
        return (SmsException) t.getCause();
    }

    @ParameterizedTest(name = "blocking={0}")
    @ValueSource(booleans = {true, false})
    void mapsTheAnswerOnTheProvidersOwnThread(boolean blocking) {
        api.enqueue(200, "{\"id\":\"m-1\"}");
        try (ProviderHttp http = http(blocking, api.baseUrl(), "PT5S")) {
            CompletableFuture<String> f = http.exchange(http.request("/send").GET().build(),
                    r -> r.statusCode() + " " + ProviderHttp.text(ProviderHttp.tryJson(r.body()), "id").orElseThrow()
                            + " " + Thread.currentThread().getName());
            assertThat(f.join()).startsWith("200 m-1 smsbridge-acme-http-");
        }
    }

    @ParameterizedTest(name = "blocking={0}")
    @ValueSource(booleans = {true, false})
    void manyConcurrentExchangesAllComplete(boolean blocking) {
        int n = 40;
        for (int i = 0; i < n; i++) {
            api.enqueue(200, "{\"id\":\"m-" + i + "\"}");
        }
        try (ProviderHttp http = http(blocking, api.baseUrl(), "PT10S")) {
            List<CompletableFuture<Integer>> all = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                all.add(http.exchange(http.request("/send").GET().build(), r -> r.statusCode()));
            }
            assertThat(all).allSatisfy(f -> assertThat(f.join()).isEqualTo(200));
        }
    }

    @ParameterizedTest(name = "blocking={0}")
    @ValueSource(booleans = {true, false})
    void aMapperThatThrowsBecomesProviderErrorWithARedactedExcerpt(boolean blocking) {
        api.enqueue(200, "{\"unexpected\":\"s3cr3t-token\"}");
        try (ProviderHttp http = http(blocking, api.baseUrl(), "PT5S")) {
            SmsException e = failure(http.exchange(http.request("/send").GET().build(), r -> {
                throw new IllegalStateException("no id");
            }));
            assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
            assertThat(e.getMessage()).contains("unexpected shape").contains("****").doesNotContain("s3cr3t-token");
        }
    }

    @ParameterizedTest(name = "blocking={0}")
    @ValueSource(booleans = {true, false})
    void aSlowAnswerBecomesTimeout(boolean blocking) {
        api.enqueueDelayed(1_500, 200, "{}");
        try (ProviderHttp http = http(blocking, api.baseUrl(), "PT0.3S")) {
            SmsException e = failure(http.exchange(http.request("/send").GET().build(), r -> "late"));
            assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT);
        }
    }

    @ParameterizedTest(name = "blocking={0}")
    @ValueSource(booleans = {true, false})
    void aRefusedConnectionBecomesProviderUnavailable(boolean blocking) throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (ProviderHttp http = http(blocking, "http://127.0.0.1:" + closedPort + "/", "PT5S")) {
            SmsException e = failure(http.exchange(http.request("/send").GET().build(), r -> "never"));
            assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
            assertThat(e.isRetryable()).isTrue();
        }
    }

    @ParameterizedTest(name = "blocking={0}")
    @ValueSource(booleans = {true, false})
    void aDroppedConnectionFailsWithoutHanging(boolean blocking) {
        api.enqueueDisconnect();
        try (ProviderHttp http = http(blocking, api.baseUrl(), "PT5S")) {
            SmsException e = failure(http.exchange(http.request("/send").GET().build(), r -> "never"));
            assertThat(e.kind()).isIn(ErrorKind.PROVIDER_UNAVAILABLE, ErrorKind.TIMEOUT);
        }
    }

    @ParameterizedTest(name = "blocking={0}")
    @ValueSource(booleans = {true, false})
    void closedClientsRefuseNewExchanges(boolean blocking) {
        ProviderHttp http = http(blocking, api.baseUrl(), "PT5S");
        http.close();
        assertThatThrownBy(() -> http.exchange(http.request("/send").GET().build(), r -> "never").join())
                .hasCauseInstanceOf(IllegalStateException.class);
    }
}
