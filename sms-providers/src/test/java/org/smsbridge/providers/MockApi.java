package org.smsbridge.providers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A thin helper over {@link MockWebServer} for provider tests: start on loopback, enqueue answers
 * in one line, take requests with their body decoded. Close it in {@code @AfterEach}.
 *
 * <pre>{@code
 * MockApi api = MockApi.start();
 * api.enqueue(201, "{\"sid\":\"SM1\"}");
 * RecordedRequest r = api.take();
 * Map<String, String> form = MockApi.form(r);
 * }</pre>
 */
public final class MockApi implements AutoCloseable {
    private final MockWebServer server;

    private MockApi(MockWebServer server) {
        this.server = server;
    }

    /** Starts a server on 127.0.0.1 with a random port. */
    public static MockApi start() {
        MockWebServer s = new MockWebServer();
        try {
            s.start(java.net.InetAddress.getLoopbackAddress(), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new MockApi(s);
    }

    /** The server's base URL, {@code http://127.0.0.1:<port>/}. */
    public String baseUrl() {
        return server.url("/").toString();
    }

    /** The underlying server. */
    public MockWebServer server() {
        return server;
    }

    /** Enqueues a JSON answer with optional extra headers given as {@code "Name: value"}. */
    public MockApi enqueue(int code, String jsonBody, String... headers) {
        MockResponse.Builder b = new MockResponse.Builder().code(code)
                .addHeader("Content-Type", "application/json; charset=utf-8").body(jsonBody);
        for (String h : headers) {
            b.addHeader(h);
        }
        server.enqueue(b.build());
        return this;
    }

    /** Enqueues an answer with an arbitrary content type. */
    public MockApi enqueueRaw(int code, String contentType, String body) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", contentType).body(body).build());
        return this;
    }

    /** Enqueues an answer whose headers come only after {@code delayMillis} (for timeouts). */
    public MockApi enqueueDelayed(long delayMillis, int code, String jsonBody) {
        server.enqueue(new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .body(jsonBody).headersDelay(delayMillis, TimeUnit.MILLISECONDS).build());
        return this;
    }

    /** Enqueues a dropped connection (the server closes the socket at once). */
    public MockApi enqueueDisconnect() {
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket()).build());
        return this;
    }

    /** The next request the server received (waits up to 5 seconds). */
    public RecordedRequest take() {
        try {
            RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
            if (r == null) {
                throw new AssertionError("no request reached the mock API");
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The request body as UTF-8. */
    public static String body(RecordedRequest r) {
        return r.getBody() == null ? "" : r.getBody().utf8();
    }

    /** The request body decoded as a form, in order. */
    public static Map<String, String> form(RecordedRequest r) {
        Map<String, String> out = new LinkedHashMap<>();
        String b = body(r);
        if (b.isEmpty()) {
            return out;
        }
        for (String pair : b.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    /** The path with query of the request. */
    public static String target(RecordedRequest r) {
        return r.getTarget();
    }

    @Override
    public void close() {
        server.close();
    }
}
