package org.smsbridge.benchmarks;

import com.infobip.ApiCallback;
import com.infobip.ApiClient;
import com.infobip.ApiException;
import com.infobip.ApiKey;
import com.infobip.BaseUrl;
import com.infobip.api.SmsApi;
import com.infobip.model.SmsAdvancedTextualRequest;
import com.infobip.model.SmsDestination;
import com.infobip.model.SmsResponse;
import com.infobip.model.SmsTextualMessage;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import com.vonage.client.HttpConfig;
import com.vonage.client.VonageClient;
import com.vonage.client.sms.MessageStatus;
import com.vonage.client.sms.SmsSubmissionResponse;
import com.vonage.client.sms.messages.TextMessage;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.apache.http.config.RegistryBuilder;
import org.apache.http.conn.socket.ConnectionSocketFactory;
import org.apache.http.conn.socket.PlainConnectionSocketFactory;
import org.apache.http.impl.client.HttpClientBuilder;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;
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
import org.smsbridge.providers.infobip.InfobipProvider;
import org.smsbridge.providers.twilio.TwilioProvider;
import org.smsbridge.providers.vonage.VonageProvider;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ProviderConfig;

/**
 * Messages per second (and, with {@code -prof gc}, bytes allocated per message) sending one SMS to a
 * local HTTP stub ({@link ProviderClientBenchmarkStub}, same JVM) through SMS Bridge and through each
 * provider's official Java SDK, same stub, same run:
 *
 * <ul>
 *   <li>Twilio's Message resource: {@code SmsClient} + {@link TwilioProvider} (java.net.http, async)
 *       against {@code com.twilio.sdk:twilio} (Apache HttpClient 4.5, blocking).</li>
 *   <li>Infobip's {@code POST /sms/2/text/advanced}: {@code SmsClient} + {@link InfobipProvider}
 *       against {@code com.infobip:infobip-api-java-client} 4.x (OkHttp 4), the newest release line that
 *       still calls that endpoint (6.x calls only {@code /sms/3/messages}).</li>
 *   <li>Vonage's SMS API {@code POST /sms/json}: {@code SmsClient} + {@link VonageProvider} against
 *       {@code com.vonage:server-sdk} 9.x (Apache HttpClient 4.5, blocking; no async SMS call).</li>
 * </ul>
 *
 * <p>Rows:
 * <ul>
 *   <li>{@code *OneThread}: one caller sending one message at a time ({@code smsBridgeOneThread} is
 *       Twilio's, {@code smsBridgeInfobipOneThread} and {@code smsBridgeVonageOneThread} the others);
 *       {@code twilioProviderOnlyOneThread} calls {@code TwilioProvider.submit} directly, without
 *       SmsClient's checks, to show their share.</li>
 *   <li>{@code smsBridge64InFlight}, {@code smsBridgeInfobip64InFlight}, {@code smsBridgeVonage64InFlight}:
 *       one caller keeps 64 {@code sendAsync} in flight and waits for all (score per message).</li>
 *   <li>{@code twilioSdk64Threads}, {@code infobipSdk64Threads}, {@code vonageSdk64Threads}: 64 threads
 *       each blocking in the SDK's send call; for the Twilio and Vonage SDKs, which have no async send,
 *       this is the way to have 64 sends in flight.</li>
 *   <li>{@code infobipSdk64InFlight}: one caller keeps 64 {@code sendSmsMessage(...).executeAsync(callback)}
 *       in flight and waits for all (score per message): the way the Infobip client's README shows "for
 *       asynchronous processing" ({@code executeAsync} with an {@code ApiCallback}), which queues the
 *       call on OkHttp's dispatcher; each callback completes a future.</li>
 * </ul>
 *
 * <p>The Twilio SDK's requests to {@code https://api.twilio.com} are routed to the stub over plain TCP by
 * its own Apache HttpClient configuration (DNS resolver → 127.0.0.1, https port → stub port, plain
 * socket factory), so every byte of the SDK's request building, HTTP and JSON parsing runs as in
 * production minus TLS; its connection pool is raised from its default 20 per route to 64 so that the
 * pool is not the limit. The Infobip and Vonage SDKs take their base URL as a setting
 * ({@code ApiClient.Builder.withBaseUrl(BaseUrl.from(...))}, {@code HttpConfig.Builder.baseUri(...)}) and
 * are pointed at {@code http://127.0.0.1:port}. The Infobip client gets an {@code OkHttpClient} whose
 * dispatcher allows 64 requests (OkHttp's default is 5 per host, which would cap the async row at 5 in
 * flight) and whose pool keeps 64 idle connections (default 5); the Vonage SDK's own pool already
 * allows 200 per route and is left as it is. SMS Bridge uses {@code baseUrl=http://127.0.0.1:port/}.
 * Nothing uses TLS. As in the Twilio rows, the SDK rows build the SDK's request object inside the
 * measured call, while SmsClient is handed one prebuilt {@code SmsMessage}.
 *
 * <p>Every setup sends once through each client and checks that the stub's message id came back
 * parsed, so a row that runs is a row whose client understood the answer.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ProviderClientBenchmark -f 1 -wi 3 -w 2s
 * -i 5 -r 2s -prof gc} (all rows); {@code 'ProviderClientBenchmark.*(nfobip|onage)'} for the Infobip and
 * Vonage rows only.
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
        return inFlight(() -> c.smsBridge.sendAsync(c.message));
    }

    /** Starts {@value #IN_FLIGHT} sends from this one thread, then waits for all; the last one's answer. */
    static Object inFlight(Supplier<CompletableFuture<?>> send) {
        CompletableFuture<?>[] all = new CompletableFuture<?>[IN_FLIGHT];
        for (int i = 0; i < IN_FLIGHT; i++) {
            all[i] = send.get();
        }
        CompletableFuture.allOf(all).join();
        return all[IN_FLIGHT - 1].join();
    }

    @Benchmark
    @Threads(IN_FLIGHT)
    public Message twilioSdk64Threads(Clients c) {
        return Message.creator(new PhoneNumber(TO), new PhoneNumber(FROM), TEXT).create(c.twilio);
    }

    /** Infobip: the stub, SMS Bridge with {@link InfobipProvider} and the official Infobip client. */
    @State(Scope.Benchmark)
    public static class InfobipClients {
        static final String API_KEY = "0123456789abcdef0123456789abcdef-01234567-89ab-cdef-0123-456789abcdef";

        ProviderClientBenchmarkStub stub;
        SmsClient smsBridge;
        SmsMessage message;
        OkHttpClient okHttp;
        SmsApi sdk;

        @Setup
        public void start() throws Exception {
            stub = ProviderClientBenchmarkStub.start(ACCOUNT_SID);
            smsBridge = SmsClient.builder().provider(InfobipProvider.create(ProviderConfig.builder()
                            .secret(InfobipProvider.API_KEY, API_KEY)
                            .put("baseUrl", stub.baseUrl())
                            .build()))
                    .maxInFlight(IN_FLIGHT).build();
            message = SmsMessage.builder().to(TO).from(FROM).text(TEXT).build();

            Dispatcher dispatcher = new Dispatcher();
            dispatcher.setMaxRequests(IN_FLIGHT);
            dispatcher.setMaxRequestsPerHost(IN_FLIGHT);
            okHttp = new OkHttpClient.Builder()
                    .dispatcher(dispatcher)
                    .connectionPool(new ConnectionPool(IN_FLIGHT, 5, TimeUnit.MINUTES))
                    .build();
            sdk = new SmsApi(ApiClient.forApiKey(ApiKey.from(API_KEY))
                    .withBaseUrl(BaseUrl.from("http://127.0.0.1:" + stub.port()))
                    .withHttpClient(okHttp)
                    .build());

            // All must work before anything is measured.
            check(smsBridge.send(message).messageId());
            check(infobipSdkSend(this).getMessages().get(0).getMessageId());
            check(infobipSdkSendAsync(this).join().getMessages().get(0).getMessageId());
        }

        private static void check(String id) {
            if (!ProviderClientBenchmarkStub.INFOBIP_MESSAGE_ID.equals(id)) {
                throw new IllegalStateException("stub answered an unexpected Infobip messageId " + id);
            }
        }

        @TearDown
        public void stop() {
            smsBridge.close();
            okHttp.dispatcher().executorService().shutdown();
            okHttp.connectionPool().evictAll();
            stub.close();
        }
    }

    /** Vonage: the stub, SMS Bridge with {@link VonageProvider} and the official Vonage SDK. */
    @State(Scope.Benchmark)
    public static class VonageClients {
        static final String API_KEY = "a1b2c3d4";
        static final String API_SECRET = "0123456789abcdef";

        ProviderClientBenchmarkStub stub;
        SmsClient smsBridge;
        SmsMessage message;
        com.vonage.client.sms.SmsClient sdk;

        @Setup
        public void start() throws Exception {
            stub = ProviderClientBenchmarkStub.start(ACCOUNT_SID);
            smsBridge = SmsClient.builder().provider(VonageProvider.create(ProviderConfig.builder()
                            .secret(VonageProvider.API_KEY, API_KEY)
                            .secret(VonageProvider.API_SECRET, API_SECRET)
                            .put("baseUrl", stub.baseUrl())
                            .build()))
                    .maxInFlight(IN_FLIGHT).build();
            message = SmsMessage.builder().to(TO).from(FROM).text(TEXT).build();
            sdk = VonageClient.builder().apiKey(API_KEY).apiSecret(API_SECRET)
                    .httpConfig(HttpConfig.builder().baseUri("http://127.0.0.1:" + stub.port()).build())
                    .build().getSmsClient();

            // All must work before anything is measured.
            check(smsBridge.send(message).messageId());
            SmsSubmissionResponse answer = vonageSdkSend(this);
            if (answer.getMessages().get(0).getStatus() != MessageStatus.OK) {
                throw new IllegalStateException("Vonage SDK read status " + answer.getMessages().get(0).getStatus());
            }
            check(answer.getMessages().get(0).getId());
        }

        private static void check(String id) {
            if (!ProviderClientBenchmarkStub.VONAGE_MESSAGE_ID.equals(id)) {
                throw new IllegalStateException("stub answered an unexpected Vonage message-id " + id);
            }
        }

        @TearDown
        public void stop() {
            smsBridge.close();
            stub.close();
        }
    }

    /** What an Infobip client user writes for one message (README of the 4.x line). */
    static SmsResponse infobipSdkSend(InfobipClients c) throws ApiException {
        return c.sdk.sendSmsMessage(infobipRequest()).execute();
    }

    static CompletableFuture<SmsResponse> infobipSdkSendAsync(InfobipClients c) {
        CompletableFuture<SmsResponse> done = new CompletableFuture<>();
        c.sdk.sendSmsMessage(infobipRequest()).executeAsync(new ApiCallback<>() {
            @Override
            public void onSuccess(SmsResponse result, int status, Map<String, List<String>> headers) {
                done.complete(result);
            }

            @Override
            public void onFailure(ApiException e, int status, Map<String, List<String>> headers) {
                done.completeExceptionally(e);
            }
        });
        return done;
    }

    private static SmsAdvancedTextualRequest infobipRequest() {
        return new SmsAdvancedTextualRequest().messages(List.of(new SmsTextualMessage()
                .from(FROM.substring(1))
                .destinations(List.of(new SmsDestination().to(TO.substring(1))))
                .text(TEXT)));
    }

    /** What a Vonage SDK user writes for one message: numbers without '+', as the SMS API wants them. */
    static SmsSubmissionResponse vonageSdkSend(VonageClients c) {
        return c.sdk.submitMessage(new TextMessage(FROM.substring(1), TO.substring(1), TEXT));
    }

    @Benchmark
    @Threads(1)
    public SendResult smsBridgeInfobipOneThread(InfobipClients c) {
        return c.smsBridge.send(c.message);
    }

    @Benchmark
    @Threads(1)
    public SmsResponse infobipSdkOneThread(InfobipClients c) throws ApiException {
        return infobipSdkSend(c);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(IN_FLIGHT)
    public Object smsBridgeInfobip64InFlight(InfobipClients c) {
        return inFlight(() -> c.smsBridge.sendAsync(c.message));
    }

    @Benchmark
    @Threads(IN_FLIGHT)
    public SmsResponse infobipSdk64Threads(InfobipClients c) throws ApiException {
        return infobipSdkSend(c);
    }

    /** The Infobip client's own async call, 64 in flight from one caller (see the class comment). */
    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(IN_FLIGHT)
    public Object infobipSdk64InFlight(InfobipClients c) {
        return inFlight(() -> infobipSdkSendAsync(c));
    }

    @Benchmark
    @Threads(1)
    public SendResult smsBridgeVonageOneThread(VonageClients c) {
        return c.smsBridge.send(c.message);
    }

    @Benchmark
    @Threads(1)
    public SmsSubmissionResponse vonageSdkOneThread(VonageClients c) {
        return vonageSdkSend(c);
    }

    @Benchmark
    @Threads(1)
    @OperationsPerInvocation(IN_FLIGHT)
    public Object smsBridgeVonage64InFlight(VonageClients c) {
        return inFlight(() -> c.smsBridge.sendAsync(c.message));
    }

    @Benchmark
    @Threads(IN_FLIGHT)
    public SmsSubmissionResponse vonageSdk64Threads(VonageClients c) {
        return vonageSdkSend(c);
    }
}
