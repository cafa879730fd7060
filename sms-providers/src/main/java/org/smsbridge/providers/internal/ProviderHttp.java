package org.smsbridge.providers.internal;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.spi.CallerWaits;
import org.smsbridge.spi.ProviderConfig;

/**
 * The HTTP side of one provider instance: one shared {@link HttpClient} (HTTP/2 where the server
 * offers it over TLS), the checked base URL, the timeouts, the JSON mapper and the mapping of every
 * transport failure and unreadable answer to {@link SmsException}. Not API.
 *
 * <p>Settings read from {@link ProviderConfig}: {@value #BASE_URL} (optional, default per provider),
 * {@value #CONNECT_TIMEOUT} (default {@link #DEFAULT_CONNECT_TIMEOUT}) and {@value #REQUEST_TIMEOUT}
 * (default {@link #DEFAULT_REQUEST_TIMEOUT}), durations as ISO-8601 ({@code PT10S}) or milliseconds.
 *
 * <p>Thread-safe. {@link #close()} stops the client's threads; later calls fail.
 */
public final class ProviderHttp implements AutoCloseable {
    /** Setting: the API base URL (https, or http for loopback hosts only). */
    public static final String BASE_URL = "baseUrl";
    /** Setting: how long to wait for a connection. */
    public static final String CONNECT_TIMEOUT = "connectTimeout";
    /** Setting: how long to wait for the whole answer to one request. */
    public static final String REQUEST_TIMEOUT = "requestTimeout";
    /** Default of {@value #CONNECT_TIMEOUT}: 10 seconds. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Default of {@value #REQUEST_TIMEOUT}: 30 seconds. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** Longest body excerpt put into an error message. */
    public static final int EXCERPT_LENGTH = 200;

    /** The shared Jackson mapper: lenient about unknown fields, thread-safe. */
    public static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private static final String USER_AGENT = "sms-bridge/0.1 (java.net.http)";
    private static final AtomicInteger CLIENT_IDS = new AtomicInteger();

    private final String provider;
    private final URI baseUrl;
    private final Duration connectTimeout;
    private final Duration requestTimeout;
    private final Clock clock;
    private final List<String> secrets;
    /**
     * {@code HttpClient.sendAsync} hands every answer to the JDK's default async pool. With fewer
     * than two common-pool threads (machines with one or two cores) that pool is a new thread per
     * task, which made each send several times slower than a blocking client. There, each exchange
     * runs as a blocking {@code send} on this provider's own (reused) threads instead; on larger
     * machines the fully asynchronous path is kept. The system property
     * {@value #BLOCKING_SEND_PROPERTY} ({@code true} or {@code false}) overrides the choice.
     */
    static final String BLOCKING_SEND_PROPERTY = "smsbridge.http.blockingSend";

    static final boolean BLOCKING_SEND = blockingByDefault();

    private final boolean blockingSend;

    private final ExecutorService executor;
    private final HttpClient client;
    private volatile boolean closed;

    private ProviderHttp(String provider, URI baseUrl, Duration connectTimeout, Duration requestTimeout, Clock clock,
            List<String> secrets, boolean blockingSend) {
        this.provider = provider;
        this.blockingSend = blockingSend;
        this.baseUrl = baseUrl;
        this.connectTimeout = connectTimeout;
        this.requestTimeout = requestTimeout;
        this.clock = clock;
        this.secrets = List.copyOf(secrets);
        int id = CLIENT_IDS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory tf = r -> {
            Thread t = new Thread(r, "smsbridge-" + provider + "-http-" + id + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.executor = Executors.newCachedThreadPool(tf);
        // HTTP/2 is negotiated through ALPN over TLS. Over plain http (loopback stubs, local
        // gateways) HTTP/1.1 avoids the h2c upgrade dance that many small servers mishandle.
        HttpClient.Version version = "https".equals(baseUrl.getScheme())
                ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
        this.client = HttpClient.newBuilder()
                .version(version)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                // The client's internal steps run on its selector thread (no hand-offs between them);
                // the answer is mapped and the caller's future completed on our own pool (see exchange).
                .executor(Runnable::run)
                .build();
    }

    /**
     * Creates the HTTP side of a provider from its settings.
     *
     * @param provider       the provider name, used in every message
     * @param config         the settings ({@value #BASE_URL}, timeouts)
     * @param defaultBaseUrl the base URL when the settings have none
     * @param clock          the clock for {@code Retry-After} dates and results
     * @param secrets        secret values that must never appear in an error message
     * @throws SmsException CONFIGURATION for a bad base URL or timeout
     */
    public static ProviderHttp create(String provider, ProviderConfig config, String defaultBaseUrl, Clock clock,
            String... secrets) {
        return create(provider, config, defaultBaseUrl, clock, BLOCKING_SEND, secrets);
    }

    /** As {@link #create(String, ProviderConfig, String, Clock, String...)}, choosing the send mode. */
    static ProviderHttp create(String provider, ProviderConfig config, String defaultBaseUrl, Clock clock,
            boolean blockingSend, String... secrets) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        String url = config.get(BASE_URL).orElse(defaultBaseUrl);
        URI base = checkBaseUrl(provider, BASE_URL, url);
        Duration connect = positive(provider, CONNECT_TIMEOUT, config.duration(CONNECT_TIMEOUT, DEFAULT_CONNECT_TIMEOUT));
        Duration request = positive(provider, REQUEST_TIMEOUT, config.duration(REQUEST_TIMEOUT, DEFAULT_REQUEST_TIMEOUT));
        List<String> s = new ArrayList<>();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                s.add(secret);
            }
        }
        return new ProviderHttp(provider, base, connect, request, clock, s, blockingSend);
    }

    private static boolean blockingByDefault() {
        String forced = System.getProperty(BLOCKING_SEND_PROPERTY, "").trim();
        if (forced.equalsIgnoreCase("true") || forced.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(forced);
        }
        return ForkJoinPool.getCommonPoolParallelism() < 2;
    }

    private static Duration positive(String provider, String key, Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + key + " of provider '" + provider
                    + "' must be positive, was " + d);
        }
        return d;
    }

    /**
     * Checks a base URL: absolute, https; plain http only for loopback hosts ({@code localhost},
     * {@code 127.0.0.0/8}, {@code ::1}). A trailing slash is added so that relative paths resolve
     * below it.
     *
     * @throws SmsException CONFIGURATION saying what is wrong
     */
    public static URI checkBaseUrl(String provider, String key, String url) {
        Objects.requireNonNull(url, key);
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + key + " of provider '" + provider
                    + "' is not a URL: '" + url + "'");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + key + " of provider '" + provider
                    + "' must be an absolute https URL such as https://api.example.com/, was '" + url + "'");
        }
        if (uri.getRawUserInfo() != null) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + key + " of provider '" + provider
                    + "' must not contain user:password@; put credentials in their own settings");
        }
        if (scheme.equals("http") && !isLoopback(uri.getHost())) {
            throw new SmsException(ErrorKind.CONFIGURATION, "setting " + key + " of provider '" + provider
                    + "' uses plain http to " + uri.getHost() + "; use https (plain http is allowed only for "
                    + "loopback hosts such as localhost or 127.0.0.1)");
        }
        String s = uri.toString();
        if (uri.getRawQuery() == null && uri.getRawFragment() == null && !s.endsWith("/")) {
            uri = URI.create(s + "/");
        }
        return uri;
    }

    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        // Only literal addresses: never resolve a name here (no DNS at configuration time).
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The provider name. */
    public String provider() {
        return provider;
    }

    /** The checked base URL, ending in {@code /}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The connect timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** The per-request timeout. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /** The clock. */
    public Clock clock() {
        return clock;
    }

    /** The shared client (for providers with special needs; prefer {@link #exchange}). */
    public HttpClient client() {
        return client;
    }

    /**
     * The URL of {@code path} below the base URL; a leading {@code /} is ignored so that a base
     * URL with a path ({@code https://gw.example/api/}) keeps it.
     */
    public URI resolve(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        return baseUrl.resolve(p);
    }

    /**
     * A request for {@code path} below the base URL with the request timeout, {@code Accept:
     * application/json} and the library's {@code User-Agent}.
     */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(resolve(path))
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    /** Like {@link #request(String)} for a URI resolved once (saves parsing it on every call). */
    public HttpRequest.Builder request(URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", "application/json")
                .header("User-Agent", USER_AGENT);
    }

    /**
     * The top-level scalar fields {@code names} of a JSON object body, read with the streaming
     * parser (no tree: less garbage on the hot path). Null and structured values are left out.
     *
     * @throws SmsException PROVIDER_ERROR with an excerpt when the body is not a JSON object
     */
    public Map<String, String> scalarFields(HttpResponse<String> response, Set<String> names) {
        Map<String, String> out = new HashMap<>(8);
        try (JsonParser p = JSON.getFactory().createParser(response.body())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new JsonParseException(p, "not an object");
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken t = p.nextToken();
                if (t.isStructStart()) {
                    p.skipChildren();
                } else if (t != JsonToken.VALUE_NULL && names.contains(name)) {
                    out.put(name, p.getText());
                }
            }
        } catch (IOException e) {
            throw SmsException.builder(ErrorKind.PROVIDER_ERROR, provider + " answered HTTP " + response.statusCode()
                    + " with a body that is not JSON: '" + excerpt(response.body()) + "'").provider(provider).build();
        }
        return out;
    }

    /** {@code Basic base64(user:password)}. */
    public static String basicAuth(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * What an exchange does, for the wording of its failures: a timeout while sending a message
     * must say that the message may have been sent; one while reading the balance must not speak
     * of a message at all.
     */
    private enum Purpose {
        SEND("; the message may or may not have been sent", "; the message was not sent, retry later",
                "; the message was not sent"),
        QUERY("; nothing was changed, try again later", "; try again later", "; the request was not made");

        /** After "did not answer in time" and "interrupted while waiting". */
        final String unanswered;
        /** After "could not connect". */
        final String notConnected;
        /** After "no time was left". */
        final String notStarted;

        Purpose(String unanswered, String notConnected, String notStarted) {
            this.unanswered = unanswered;
            this.notConnected = notConnected;
            this.notStarted = notStarted;
        }
    }

    /**
     * Sends a message: sends {@code request} asynchronously and maps the answer with
     * {@code mapper}. The returned future fails with an {@link SmsException} (never wrapped):
     * TIMEOUT when no answer came in time (the message may or may not have been sent),
     * PROVIDER_UNAVAILABLE when no connection could be made, PROVIDER_ERROR when the mapper throws
     * anything but an {@link SmsException} (a body of unexpected shape), with an excerpt.
     */
    public <T> CompletableFuture<T> exchange(HttpRequest request, Function<HttpResponse<String>, T> mapper) {
        return exchange(request, mapper, Purpose.SEND);
    }

    /**
     * As {@link #exchange}, for a request that sends no message (a credential check, a balance or
     * account read): its failures do not speak of a message.
     */
    public <T> CompletableFuture<T> query(HttpRequest request, Function<HttpResponse<String>, T> mapper) {
        return exchange(request, mapper, Purpose.QUERY);
    }

    private <T> CompletableFuture<T> exchange(HttpRequest request, Function<HttpResponse<String>, T> mapper,
            Purpose purpose) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(mapper, "mapper");
        CompletableFuture<T> out = new CompletableFuture<>();
        if (closed) {
            out.completeExceptionally(new IllegalStateException("provider '" + provider + "' is closed"));
            return out;
        }
        if (CallerWaits.isWaiting()) {
            return exchangeOnCaller(request, mapper, purpose);
        }
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = blockingSend
                    ? CompletableFuture.supplyAsync(() -> sendBlocking(request), executor)
                    : client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            out.completeExceptionally(transportError(e, purpose));
            return out;
        }
        BiConsumer<HttpResponse<String>, Throwable> complete = (response, error) -> {
            if (error != null) {
                out.completeExceptionally(transportError(error, purpose));
            } else {
                completeWith(out, response, mapper);
            }
        };
        if (blockingSend) {
            sent.whenComplete(complete); // already on our pool
        } else {
            sent.whenCompleteAsync(complete, executor);
        }
        return out;
    }

    /**
     * The exchange for a caller that blocks on the answer anyway ({@link CallerWaits}): a blocking
     * send on the calling thread, no hand-off to our pool or back. The request's timeout is cut to
     * the time the caller still waits.
     */
    private <T> CompletableFuture<T> exchangeOnCaller(HttpRequest request, Function<HttpResponse<String>, T> mapper,
            Purpose purpose) {
        CompletableFuture<T> out = new CompletableFuture<>();
        Duration left = CallerWaits.remaining();
        HttpRequest timed = request;
        if (left.isZero()) {
            out.completeExceptionally(SmsException.builder(ErrorKind.TIMEOUT, "no time was left for the request to "
                    + provider + purpose.notStarted).provider(provider).build());
            return out;
        }
        if (left.compareTo(request.timeout().orElse(requestTimeout)) < 0) {
            timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(left).build();
        }
        HttpResponse<String> response;
        try {
            response = client.send(timed, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            out.completeExceptionally(e instanceof HttpConnectTimeoutException ? transportError(e, purpose)
                    : timedOut(e, timed.timeout().orElse(requestTimeout), purpose));
            return out;
        } catch (IOException | RuntimeException e) {
            out.completeExceptionally(transportError(e, purpose));
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            out.completeExceptionally(SmsException.builder(ErrorKind.TIMEOUT, "interrupted while waiting for "
                    + provider + purpose.unanswered).provider(provider).cause(e).build());
            return out;
        }
        completeWith(out, response, mapper);
        return out;
    }

    private <T> void completeWith(CompletableFuture<T> out, HttpResponse<String> response,
            Function<HttpResponse<String>, T> mapper) {
        try {
            out.complete(mapper.apply(response));
        } catch (SmsException e) {
            out.completeExceptionally(e);
        } catch (RuntimeException e) {
            out.completeExceptionally(SmsException.builder(ErrorKind.PROVIDER_ERROR, provider
                    + " answered HTTP " + response.statusCode() + " with a body of unexpected shape ("
                    + e.getClass().getSimpleName() + "): '" + excerpt(response.body()) + "'")
                    .provider(provider).build());
        }
    }

    private SmsException timedOut(Throwable e, Duration after, Purpose purpose) {
        return SmsException.builder(ErrorKind.TIMEOUT, provider + " did not answer within "
                + after.toMillis() + " ms" + purpose.unanswered)
                .provider(provider).cause(e).build();
    }

    private HttpResponse<String> sendBlocking(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CompletionException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CompletionException(e);
        }
    }

    /**
     * Maps a transport failure of {@link HttpClient#sendAsync} while sending a message to an
     * {@link SmsException}; an {@link SmsException} (as {@link #exchange} and {@link #query} fail
     * with) is returned as it is.
     */
    public SmsException transportError(Throwable error) {
        return transportError(error, Purpose.SEND);
    }

    private SmsException transportError(Throwable error, Purpose purpose) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof SmsException) {
            return (SmsException) e;
        }
        if (e instanceof HttpConnectTimeoutException) {
            return SmsException.builder(ErrorKind.PROVIDER_UNAVAILABLE, "could not connect to " + provider + " at "
                    + hostOf() + " within " + connectTimeout.toMillis() + " ms" + purpose.notConnected)
                    .provider(provider).cause(e).build();
        }
        if (e instanceof HttpTimeoutException) {
            return timedOut(e, requestTimeout, purpose);
        }
        if (e instanceof IOException) {
            return SmsException.builder(ErrorKind.PROVIDER_UNAVAILABLE, "could not reach " + provider + " at "
                    + hostOf() + " (" + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": "
                    + redact(e.getMessage())) + "); retry later").provider(provider).cause(e).build();
        }
        if (e instanceof IllegalStateException && closed) {
            return SmsException.builder(ErrorKind.CONFIGURATION, "provider '" + provider + "' is closed")
                    .provider(provider).cause(e).build();
        }
        return SmsException.builder(ErrorKind.PROVIDER_ERROR, "request to " + provider + " failed: "
                + e.getClass().getSimpleName()).provider(provider).cause(e).build();
    }

    private String hostOf() {
        return baseUrl.getHost() + (baseUrl.getPort() < 0 ? "" : ":" + baseUrl.getPort());
    }

    /**
     * Parses a JSON body.
     *
     * @throws SmsException PROVIDER_ERROR with an excerpt when it is not JSON
     */
    public JsonNode json(HttpResponse<String> response) {
        return json(response.statusCode(), response.body());
    }

    /**
     * Parses a JSON body received with {@code status}.
     *
     * @throws SmsException PROVIDER_ERROR with an excerpt when it is not JSON
     */
    public JsonNode json(int status, String body) {
        JsonNode node = tryJson(body);
        if (node == null) {
            throw SmsException.builder(ErrorKind.PROVIDER_ERROR, provider + " answered HTTP " + status
                    + " with a body that is not JSON: '" + excerpt(body) + "'").provider(provider).build();
        }
        return node;
    }

    /** Parses JSON, or returns null when the text is not a JSON object or array. */
    public static JsonNode tryJson(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(body);
            return n != null && (n.isObject() || n.isArray()) ? n : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A new empty JSON object. */
    public static ObjectNode object() {
        return JSON.createObjectNode();
    }

    /** Writes a JSON tree to a string. */
    public static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /**
     * A field as text: strings as they are, numbers and booleans as written; empty for a missing,
     * null, blank or structured field.
     */
    public static java.util.Optional<String> text(JsonNode node, String field) {
        if (node == null) {
            return java.util.Optional.empty();
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull() || v.isContainerNode()) {
            return java.util.Optional.empty();
        }
        String s = v.asText();
        return s.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(s);
    }

    /**
     * A required text field of a successful answer.
     *
     * @throws SmsException PROVIDER_ERROR naming the field, with an excerpt of the body
     */
    public String requireText(JsonNode node, String field, String body) {
        return text(node, field).orElseThrow(() -> SmsException.builder(ErrorKind.PROVIDER_ERROR, provider
                + " answer lacks '" + field + "': '" + excerpt(body) + "'").provider(provider).build());
    }

    /**
     * The first {@value #EXCERPT_LENGTH} characters of a body for an error message, on one line,
     * with every registered secret replaced by {@code ****}.
     */
    public String excerpt(String body) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        String s = redact(body).replaceAll("[\\r\\n\\t]+", " ").replaceAll("\\p{Cntrl}", "?").strip();
        return s.length() <= EXCERPT_LENGTH ? s : s.substring(0, EXCERPT_LENGTH) + "…";
    }

    /** Replaces every registered secret in {@code text} by {@code ****}. */
    public String redact(String text) {
        String s = text;
        for (String secret : secrets) {
            s = s.replace(secret, "****");
        }
        return s;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Stops the client's threads; idempotent. */
    @Override
    public void close() {
        closed = true;
        executor.shutdown();
    }

    @Override
    public String toString() {
        return "ProviderHttp{" + provider + " " + baseUrl + ", connectTimeout=" + connectTimeout
                + ", requestTimeout=" + requestTimeout + '}';
    }
}
