package org.smsbridge.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.spi.ProviderConfig;

class ProviderHttpTest {
    @ParameterizedTest
    @ValueSource(strings = {"https://api.example.com", "https://api.example.com/v1/", "http://localhost:8080/",
        "http://127.0.0.1:9/", "http://127.1.2.3/", "http://[::1]:8080/", "http://gw.localhost/"})
    void acceptsHttpsAndLoopbackHttp(String url) {
        assertThat(ProviderHttp.checkBaseUrl("acme", "baseUrl", url).toString()).endsWith("/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://api.example.com/", "http://192.168.1.10/", "http://10.0.0.1/", "ftp://x.example/",
        "/relative/path", "https://user:pass@api.example.com/", "not a url", "http://localhost.evil.com/"})
    void rejectsEverythingElseAsConfiguration(String url) {
        assertThatThrownBy(() -> ProviderHttp.checkBaseUrl("acme", "baseUrl", url))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
                    assertThat(e.getMessage()).contains("baseUrl").doesNotContain("pass@");
                });
    }

    @Test
    void keepsTheBasePathWhenResolving() {
        try (ProviderHttp http = ProviderHttp.create("acme", ProviderConfig.builder()
                .put("baseUrl", "https://gw.example/api").build(), "https://unused.example/", Clock.systemUTC())) {
            assertThat(http.resolve("/sms/send").toString()).isEqualTo("https://gw.example/api/sms/send");
        }
    }

    @Test
    void redactsSecretsAndShortensExcerpts() {
        try (ProviderHttp http = ProviderHttp.create("acme", ProviderConfig.empty(), "https://api.example/",
                Clock.systemUTC(), "s3cr3t-token")) {
            assertThat(http.excerpt("{\"echo\":\"s3cr3t-token\"}\n")).isEqualTo("{\"echo\":\"****\"}");
            assertThat(http.excerpt("x".repeat(500))).hasSize(ProviderHttp.EXCERPT_LENGTH + 1).endsWith("…");
        }
    }

    @Test
    void rejectsNonPositiveTimeouts() {
        assertThatThrownBy(() -> ProviderHttp.create("acme", ProviderConfig.builder().put("requestTimeout", "PT0S")
                .build(), "https://api.example/", Clock.systemUTC()))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.getMessage()).contains("requestTimeout"));
    }

    @Test
    void failsCallsAfterClose() {
        ProviderHttp http = ProviderHttp.create("acme", ProviderConfig.empty(), "https://api.example/",
                Clock.systemUTC());
        http.close();
        CompletableFuture<String> f = http.exchange(http.request("x").GET().build(), r -> "never");
        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void readsTextFieldsWithoutNulls() {
        var node = ProviderHttp.tryJson("{\"a\":\"x\",\"b\":null,\"c\":\" \",\"d\":12,\"e\":{}}");
        assertThat(ProviderHttp.text(node, "a")).contains("x");
        assertThat(ProviderHttp.text(node, "b")).isEmpty();
        assertThat(ProviderHttp.text(node, "c")).isEmpty();
        assertThat(ProviderHttp.text(node, "d")).contains("12");
        assertThat(ProviderHttp.text(node, "e")).isEmpty();
        assertThat(ProviderHttp.text(null, "a")).isEmpty();
        assertThat(ProviderHttp.tryJson("\"just a string\"")).isNull();
        assertThat(ProviderHttp.tryJson("<html>")).isNull();
    }
}
