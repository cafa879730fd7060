package org.smsbridge.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A minimal local stand-in for Twilio's Message resource for {@link ProviderClientBenchmark}: JDK
 * {@code HttpServer} on 127.0.0.1, HTTP/1.1 keep-alive, answers every POST with 201 and the same
 * Message JSON (the shape of the create-message response in twilio.com/docs/messaging/api/message-resource).
 * It reads the whole request body and does no other work, so both clients pay the same server cost.
 */
final class ProviderClientBenchmarkStub implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService executor;

    private ProviderClientBenchmarkStub(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    static ProviderClientBenchmarkStub start(String accountSid) throws IOException {
        byte[] body = ("{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"account_sid\":\"" + accountSid + "\","
                + "\"messaging_service_sid\":null,\"from\":\"+15017122661\",\"to\":\"+306912345678\","
                + "\"body\":\"Your car is ready for pick-up at ACME Garage. Ref 4711.\",\"status\":\"queued\","
                + "\"num_segments\":\"1\",\"num_media\":\"0\",\"direction\":\"outbound-api\",\"api_version\":\"2010-04-01\","
                + "\"price\":null,\"price_unit\":\"USD\",\"error_code\":null,\"error_message\":null,"
                + "\"uri\":\"/2010-04-01/Accounts/" + accountSid + "/Messages/SM0123456789abcdef0123456789abcdef.json\","
                + "\"date_created\":\"Tue, 24 Nov 2026 14:00:00 +0000\",\"date_sent\":null,"
                + "\"date_updated\":\"Tue, 24 Nov 2026 14:00:00 +0000\",\"subresource_uris\":{\"media\":"
                + "\"/2010-04-01/Accounts/" + accountSid + "/Messages/SM0123456789abcdef0123456789abcdef/Media.json\"}}")
                .getBytes(StandardCharsets.UTF_8);
        // Without TCP_NODELAY the JDK server's separate header and body writes meet the client's
        // delayed ACK and every exchange stalls ~40 ms, which would measure the stub, not the clients.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "twilio-stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return new ProviderClientBenchmarkStub(server, executor);
    }

    int port() {
        return server.getAddress().getPort();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
