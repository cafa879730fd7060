package org.smsbridge.benchmarks;

import com.sun.net.httpserver.HttpExchange;
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
 * A minimal local stand-in for the send endpoints of Twilio, Infobip and Vonage for
 * {@link ProviderClientBenchmark}: JDK {@code HttpServer} on 127.0.0.1, HTTP/1.1 keep-alive, one
 * fixed answer per endpoint, chosen by path (the server's longest matching context):
 * <ul>
 *   <li>{@value #INFOBIP_PATH}: 200 and Infobip's send response ({@link #INFOBIP_MESSAGE_ID});</li>
 *   <li>{@value #VONAGE_PATH}: 200 and Vonage's SMS API response ({@link #VONAGE_MESSAGE_ID});</li>
 *   <li>every other path, that is Twilio's {@code /2010-04-01/Accounts/{sid}/Messages.json}: 201 and
 *       the Message JSON (the shape of the create-message response in
 *       twilio.com/docs/messaging/api/message-resource).</li>
 * </ul>
 * It reads the whole request body and does no other work, so all clients pay the same server cost.
 */
final class ProviderClientBenchmarkStub implements AutoCloseable {
    /** Infobip's "send SMS message" endpoint, the one {@code InfobipProvider} and the 4.x SDK call. */
    static final String INFOBIP_PATH = "/sms/2/text/advanced";
    /** Vonage's SMS API send endpoint (JSON answer) on {@code rest.nexmo.com}. */
    static final String VONAGE_PATH = "/sms/json";
    static final String INFOBIP_MESSAGE_ID = "2250be2d4219-3af1-78856-aabe-1362af1edfd2";
    static final String VONAGE_MESSAGE_ID = "0C000000217B7F02";

    /*
     * Infobip, POST /sms/2/text/advanced, HTTP 200 (the pending answer of the SDK's own SmsApiTest,
     * givenPendingResponse, for the SDK version this benchmark uses; quoted in shared/reference/providers.md
     * section 3):
     *   {"bulkId":"2034072219640523072","messages":[{"to":"41793026727",
     *    "messageId":"2250be2d4219-3af1-78856-aabe-1362af1edfd2","status":{"groupId":1,"groupName":"PENDING",
     *    "id":26,"name":"PENDING_ACCEPTED","description":"Message sent to next instance"}}]}
     * Only "to" differs: it is the benchmark's recipient.
     */
    private static final String INFOBIP_ANSWER = "{\"bulkId\":\"2034072219640523072\",\"messages\":[{\"to\":\"306912345678\","
            + "\"messageId\":\"" + INFOBIP_MESSAGE_ID + "\",\"status\":{\"groupId\":1,\"groupName\":\"PENDING\","
            + "\"id\":26,\"name\":\"PENDING_ACCEPTED\",\"description\":\"Message sent to next instance\"}}]}";

    /*
     * Vonage, POST https://rest.nexmo.com/sms/json, HTTP 200 (developer.vonage.com/messaging/sms/guides/
     * troubleshooting-sms: "the SMS API returns a JSON response that contains an array of message
     * objects, one for each message"; shape also in shared/reference/providers.md section 1):
     *   {"message-count":"1","messages":[{"to":"447700900000","message-id":"0C000000217B7F02","status":"0",
     *    "remaining-balance":"15.53590000","message-price":"0.03330000","network":"23410"}]}
     * Only "to" differs: it is the benchmark's recipient. All numbers are strings, as documented.
     */
    private static final String VONAGE_ANSWER = "{\"message-count\":\"1\",\"messages\":[{\"to\":\"306912345678\","
            + "\"message-id\":\"" + VONAGE_MESSAGE_ID + "\",\"status\":\"0\",\"remaining-balance\":\"15.53590000\","
            + "\"message-price\":\"0.03330000\",\"network\":\"23410\"}]}";

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
            Thread t = new Thread(r, "provider-stub");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        byte[] infobip = INFOBIP_ANSWER.getBytes(StandardCharsets.UTF_8);
        byte[] vonage = VONAGE_ANSWER.getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> answer(exchange, 201, body));
        server.createContext(INFOBIP_PATH, exchange -> answer(exchange, 200, infobip));
        server.createContext(VONAGE_PATH, exchange -> answer(exchange, 200, vonage));
        server.start();
        return new ProviderClientBenchmarkStub(server, executor);
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
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
