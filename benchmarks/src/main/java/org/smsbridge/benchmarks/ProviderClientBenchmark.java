package org.smsbridge.benchmarks;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.impl.client.HttpClientBuilder;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.smsbridge.SendResult;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsMessage;
import org.smsbridge.providers.twilio.TwilioProvider;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ProviderConfig;

/**
 * Messages per second (and, with {@code -prof gc}, bytes allocated per message) sending one SMS
 * through Twilio's Message resource to a local HTTP stub ({@link ProviderClientBenchmarkStub}, same JVM):
 * {@code SmsClient} + {@link TwilioProvider} (java.net.http, async) against the official
 * {@code com.twilio.sdk:twilio} SDK (Apache HttpClient 4.5, blocking), same stub, same run.
 *
 * <ul>
 *   <li>{@code *OneThread}: one caller sending one message at a time; {@code twilioProviderOnlyOneThread}
 *       calls {@code TwilioProvider.submit} directly, without SmsClient's checks, to show their share.</li>
 *   <li>{@code smsBridge64InFlight}: one caller keeps 64 {@code sendAsync} in flight and waits for
 *       all (score per message); {@code twilioSdk64Threads}: 64 threads each blocking in
 *       {@code Message.creator(...).create(client)} — the SDK's way to have 64 sends in flight.</li>
 * </ul>
 *
 * <p>The SDK's requests to {@code https://api.twilio.com} are routed to the stub over plain TCP by
 * its own Apache HttpClient configuration (DNS resolver → 127.0.0.1, https port → stub port, plain
 * socket factory), so every byte of the SDK's request building, HTTP and JSON parsing runs as in
 * production minus TLS; SMS Bridge uses {@code baseUrl=http://127.0.0.1:port/}, also without TLS.
 * The SDK's connection pool is raised from its default 20 per route to 64 so that the pool is not
 * the limit.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProviderClientBenchmark -f 1 -wi 3 -w 2s
 * -i 5 -r 2s -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ProviderClientBenchmark {
    static final String ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
    static final String AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
    static final String TO = "+306912345678"; // a valid mobile number: SmsClient checks it
    static final String FROM = "+15017122661";
    static final String TEXT = "Your car is ready for pick-up at ACME Garage. Ref 4711.";
    static final int IN_FLIGHT = 64;

    /** The stub and both clients, shared by all benchmark threads. */
    @State(Scope.Benchmark)
    public static class Clients {
        ProviderClientBenchmarkStub stub;
        SmsClient smsBridge;
        SmsMessage message;
        TwilioProvider provider;
        OutgoingSms outgoing;
        TwilioRestClient twilio;
        /** The transport the design prescribes, alone: no request building of ours, no mapping. */
        HttpClient jdk;
        /** The same with {@code executor(Runnable::run)}, as SMS Bridge's providers configure it. */
        HttpClient jdkDirect;
        HttpRequest jdkRequest;

        @Setup
        public void start() throws Exception {
            stub = ProviderClientBenchmarkStub.start(ACCOUNT_SID);
            provider = TwilioProvider.create(ProviderConfig.builder()
                    .put(TwilioProvider.ACCOUNT_SID, ACCOUNT_SID)
                    .secret(TwilioProvider.AUTH_TOKEN, AUTH_TOKEN)
                    .put("baseUrl", stub.baseUrl())
                    .build());
            smsBridge = SmsClient.builder().provider(provider).maxInFlight(IN_FLIGHT).build();
            message = SmsMessage.builder().to(TO).from(FROM).text(TEXT).build();
            outgoing = OutgoingSms.of(message);

            int port = stub.port();
            PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager(
                    RegistryBuilder.<ConnectionSocketFactory>create()
                            .register("http", PlainConnectionSocketFactory.getSocketFactory())
                            .register("https", PlainConnectionSocketFactory.getSocketFactory())
                            .build(),
                    null,
                    target -> port,                                           // every scheme → stub port
                    host -> new InetAddress[] {InetAddress.getLoopbackAddress()}, // api.twilio.com → 127.0.0.1
                    -1, TimeUnit.MILLISECONDS);
            pool.setDefaultMaxPerRoute(IN_FLIGHT);
            pool.setMaxTotal(2 * IN_FLIGHT);
            NetworkHttpClient http = new NetworkHttpClient(HttpClientBuilder.create().setConnectionManager(pool));
            twilio = new TwilioRestClient.Builder(ACCOUNT_SID, AUTH_TOKEN).httpClient(http).build();

            jdk = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            jdkDirect = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(Runnable::run).build();
            String form = "To=" + URLEncoder.encode(TO, StandardCharsets.UTF_8) + "&From="
                    + URLEncoder.encode(FROM, StandardCharsets.UTF_8) + "&Body=" + URLEncoder.encode(TEXT, StandardCharsets.UTF_8);
            jdkRequest = HttpRequest.newBuilder(URI.create(stub.baseUrl() + "2010-04-01/Accounts/" + ACCOUNT_SID
                            + "/Messages.json"))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (ACCOUNT_SID + ":" + AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();

            // All must work before anything is measured.
            if (jdk.send(jdkRequest, HttpResponse.BodyHandlers.ofString()).statusCode() != 201
                    || jdkDirect.send(jdkRequest, HttpResponse.BodyHandlers.ofString()).statusCode() != 201) {
                throw new IllegalStateException("stub did not accept the plain java.net.http request");
            }
            check(smsBridge.send(message).messageId());
            check(Message.creator(new PhoneNumber(TO), new PhoneNumber(FROM), TEXT).create(twilio).getSid());
        }

        private static void check(String sid) {
            if (!sid.startsWith("SM")) {
                throw new IllegalStateException("stub answered an unexpected sid " + sid);
            }
        }

        @TearDown
        public void stop() {
            smsBridge.close();
            stub.close();
        }
    }

    @Benchmark
    @Threads(1)
    public SendResult smsBridgeOneThread(Clients c) {
        return c.smsBridge.send(c.message);
    }

    /** The provider alone, without SmsClient's checks (number, sender, text analysis). */
    @Benchmark
    @Threads(1)
    public SendResult twilioProviderOnlyOneThread(Clients c) {
        return c.provider.submit(c.outgoing).join();
    }

    /**
     * The floor of the prescribed transport: {@code java.net.http}'s blocking {@code send} of a
     * pre-built request, the body kept as a string, nothing parsed. Any provider on it is slower.
     */
    @Benchmark
    @Threads(1)
    public HttpResponse<String> jdkHttpClientAloneOneThread(Clients c) throws Exception {
        return c.jdk.send(c.jdkRequest, HttpResponse.BodyHandlers.ofString());
    }

    /** {@link #jdkHttpClientAloneOneThread} with the client's internal steps on its selector thread. */
    @Benchmark
    @Threads(1)
    public HttpResponse<String> jdkHttpClientDirectExecutorOneThread(Clients c) throws Exception {
        return c.jdkDirect.send(c.jdkRequest, HttpResponse.BodyHandlers.ofString());
    }

    @Benchmark
    @Threads(1)
    public Message twilioSdkOneThread(Clients c) {
        return Message.creator(new PhoneNumber(TO), new PhoneNumber(FROM), TEXT).create(c.twilio);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(IN_FLIGHT)
    public Object smsBridge64InFlight(Clients c) {
        @SuppressWarnings("unchecked")
        CompletableFuture<SendResult>[] all = new CompletableFuture[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            all[i] = c.smsBridge.sendAsync(c.message);
        }
        CompletableFuture.allOf(all).join();
        return all[IN_FLIGHT - 1].join();
    }

    @Benchmark
    @Threads(IN_FLIGHT)
    public Message twilioSdk64Threads(Clients c) {
        return Message.creator(new PhoneNumber(TO), new PhoneNumber(FROM), TEXT).create(c.twilio);
    }
}
