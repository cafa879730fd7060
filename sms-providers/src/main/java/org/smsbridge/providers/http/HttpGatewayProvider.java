package org.smsbridge.providers.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsbridge.Balance;
import org.smsbridge.CredentialCheck;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.SenderId;
import org.smsbridge.SmsException;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.providers.internal.HttpErrors;
import org.smsbridge.providers.internal.ProviderHttp;
import org.smsbridge.providers.internal.Signatures;
import org.smsbridge.providers.internal.Submissions;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.SenderRules;
import org.smsbridge.spi.SmsProvider;

/**
 * A generic HTTP SMS gateway described entirely by settings, for the many small vendors whose API
 * is "call this URL with enterprise code, account, password, number and text": the URL, the
 * method, the parameters or JSON body with {@code {to}}/{@code {from}}/{@code {text}} placeholders,
 * basic or header authentication, and where the answer says success, the message id and the
 * balance (JSON pointer or regular expression).
 *
 * <pre>{@code
 * SmsProvider gw = SmsProviders.create("http", ProviderConfig.builder()
 *         .put("url", "https://sms.vendor.example/api/send")
 *         .put("enterpriseCode", "10086")
 *         .put("username", "shop")
 *         .secret("password", password)
 *         .put("param.ecode", "{enterpriseCode}")
 *         .put("param.account", "{username}")
 *         .put("param.pwd", "{password}")
 *         .put("param.mobile", "{to_national}")
 *         .put("param.content", "{text}")
 *         .put("successPointer", "/code")
 *         .put("messageIdPointer", "/data/msgid")
 *         .build());
 * }</pre>
 *
 * <p>Placeholders: {@code {to}} (E.164), {@code {to_digits}} (E.164 without {@code +}),
 * {@code {to_national}} (national number without trunk prefix), {@code {from}}, {@code {text}},
 * {@code {reference}}, {@code {timestamp}} (Unix seconds), {@code {timestamp_ms}}, the name of any
 * other setting, and hashes defined by {@code hash.<name>=md5:<template>} (also {@code sha1},
 * {@code sha256}) for vendors that want {@code md5(account + password + timestamp)}. The README of
 * sms-providers lists every setting.
 *
 * <p>Thread-safe: one instance (one HTTP client) serves the whole application; {@link #close()}
 * releases it.
 */
public final class HttpGatewayProvider implements SmsProvider {
    /** The provider name, {@value}. */
    public static final String NAME = "http";

    private static final Logger LOG = LoggerFactory.getLogger(HttpGatewayProvider.class);

    private final HttpGatewaySettings settings;
    private final ProviderHttp http;
    private final Set<Capability> capabilities;
    private final SenderRules senderRules;
    private final Optional<ReceiptParser> receipts;

    private HttpGatewayProvider(ProviderConfig config, Clock clock) {
        Objects.requireNonNull(config, "config");
        this.settings = new HttpGatewaySettings(config);
        URI probe = ProviderHttp.checkBaseUrl(NAME, HttpGatewaySettings.URL,
                Placeholders.PLACEHOLDER.matcher(settings.url).replaceAll("x"));
        String origin = probe.getScheme() + "://" + probe.getRawAuthority() + "/";
        this.http = ProviderHttp.create(NAME, config.toBuilder().remove(ProviderHttp.BASE_URL).build(), origin, clock,
                settings.secrets.toArray(new String[0]));
        EnumSet<Capability> caps = EnumSet.of(Capability.UNICODE, Capability.CONCATENATION,
                Capability.ALPHANUMERIC_SENDER);
        if (settings.hasBalance()) {
            caps.add(Capability.BALANCE);
        }
        this.receipts = HttpGatewayReceiptParser.from(config).map(p -> p);
        if (receipts.isPresent()) {
            caps.add(Capability.DELIVERY_RECEIPTS);
        }
        this.capabilities = Collections.unmodifiableSet(caps);
        this.senderRules = SenderRules.builder().senderRequired(settings.senderRequired).build();
    }

    /**
     * Creates a gateway from its settings.
     *
     * @param config the settings
     * @return a gateway with its own HTTP client; close it when done
     * @throws SmsException CONFIGURATION naming the missing or malformed setting (unknown
     *                      placeholder, plain http to a non-loopback host, bad pointer or regex, ...)
     */
    public static HttpGatewayProvider create(ProviderConfig config) {
        return new HttpGatewayProvider(config, Clock.systemUTC());
    }

    /** For tests: a fixed clock. */
    static HttpGatewayProvider create(ProviderConfig config, Clock clock) {
        return new HttpGatewayProvider(config, clock);
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * UNICODE, CONCATENATION, ALPHANUMERIC_SENDER; BALANCE when {@code balanceUrl} is set;
     * DELIVERY_RECEIPTS when {@code receiptIdField} is set.
     */
    @Override
    public Set<Capability> capabilities() {
        return capabilities;
    }

    @Override
    public SenderRules senderRules() {
        return senderRules;
    }

    @Override
    public CompletableFuture<SendResult> submit(OutgoingSms sms) {
        Objects.requireNonNull(sms, "sms");
        HttpRequest request;
        try {
            request = sendRequest(sms);
        } catch (SmsException e) {
            return CompletableFuture.failedFuture(e);
        }
        LOG.debug("http gateway send to {} via {}", PhoneNumbers.mask(sms.to()), http.baseUrl().getHost());
        return http.exchange(request, r -> {
            JsonNode json = checked(r);
            String id = settings.messageId == null
                    ? sms.reference().orElseGet(() -> "http-" + UUID.randomUUID())
                    : settings.messageId.find(json, r.body()).filter(s -> !s.isBlank()).orElseThrow(() ->
                            SmsException.builder(ErrorKind.PROVIDER_ERROR, "http gateway answer has no message id at "
                                    + settings.messageId + ": '" + http.excerpt(r.body()) + "'").provider(NAME).build());
            SendResult.Builder b = SendResult.builder()
                    .messageId(id)
                    .to(sms.to())
                    .status(MessageStatus.SENT)
                    .segments(sms.segments())
                    .encoding(Submissions.encoding(sms))
                    .provider(NAME)
                    .submittedAt(http.clock().instant());
            sms.reference().ifPresent(b::reference);
            return b.build();
        });
    }

    /**
     * Asks {@code balanceUrl} and reads the amount at {@code balancePointer}/{@code balanceRegex}.
     * Fails with CONFIGURATION when no {@code balanceUrl} is set.
     */
    @Override
    public CompletableFuture<Balance> balance() {
        if (!settings.hasBalance()) {
            return SmsProvider.super.balance();
        }
        HttpRequest request;
        try {
            request = getRequest(settings.balanceUrl);
        } catch (SmsException e) {
            return CompletableFuture.failedFuture(e);
        }
        return http.query(request, r -> {
            JsonNode json = checked(r);
            String raw = settings.balance.find(json, r.body()).map(String::strip).orElse("");
            BigDecimal amount;
            try {
                amount = new BigDecimal(raw);
            } catch (NumberFormatException e) {
                throw SmsException.builder(ErrorKind.PROVIDER_ERROR, "http gateway balance answer has no number at "
                        + settings.balance + ": '" + http.excerpt(r.body()) + "'").provider(NAME).build();
            }
            Instant now = http.clock().instant();
            switch (settings.balanceUnit) {
                case MONEY:
                    return Balance.ofMoney(amount, settings.balanceCurrency, now);
                case CREDITS:
                    return Balance.ofCredits(amount, now);
                default:
                    return Balance.ofMessages(amount.longValue(), now);
            }
        });
    }

    /**
     * Checks the account with the balance call when {@code balanceUrl} is set, else with a GET of
     * {@code verifyUrl} and the success rule; without either, the check is invalid with kind
     * CONFIGURATION saying which setting to add.
     */
    @Override
    public CompletableFuture<CredentialCheck> verifyCredentials() {
        CompletableFuture<CredentialCheck> check;
        if (settings.hasBalance()) {
            check = balance().thenApply(b -> CredentialCheck.valid("gateway " + http.baseUrl().getHost()
                    + " accepted the account and reported the balance", b, http.clock().instant()));
        } else if (settings.verifyUrl != null) {
            HttpRequest request;
            try {
                request = getRequest(settings.verifyUrl);
            } catch (SmsException e) {
                return CompletableFuture.failedFuture(e);
            }
            check = http.query(request, r -> {
                checked(r);
                return CredentialCheck.valid("gateway " + http.baseUrl().getHost() + " accepted the account",
                        http.clock().instant());
            });
        } else {
            return CompletableFuture.completedFuture(CredentialCheck.invalid(ErrorKind.CONFIGURATION,
                    "the http gateway cannot check credentials: set verifyUrl (or balanceUrl with balancePointer) "
                    + "to an address of the vendor that needs the account", http.clock().instant()));
        }
        CompletableFuture<CredentialCheck> out = new CompletableFuture<>();
        check.whenComplete((c, error) -> {
            if (error == null) {
                out.complete(c);
                return;
            }
            SmsException e = http.transportError(error);
            if (e.kind() == ErrorKind.AUTHENTICATION || e.kind() == ErrorKind.CONFIGURATION) {
                out.complete(CredentialCheck.invalid(e.kind(), e.getMessage(), http.clock().instant()));
            } else {
                out.completeExceptionally(e);
            }
        });
        return out;
    }

    /**
     * The parser of the vendor's receipt pushes, when {@code receiptIdField} and
     * {@code receiptStatusField} are set; with {@code receiptToken} the push URL must carry
     * {@code ?token=}.
     */
    @Override
    public Optional<ReceiptParser> receipts() {
        return receipts;
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "HttpGatewayProvider{" + settings.method + " " + http.baseUrl() + ", auth="
                + settings.auth.name().toLowerCase(java.util.Locale.ROOT) + '}';
    }

    private HttpRequest sendRequest(OutgoingSms sms) {
        String text = Submissions.requireText(NAME, sms);
        Map<String, String> values = values();
        values.put("to", sms.to());
        values.put("to_digits", Submissions.digitsOnly(sms.to()));
        values.put("to_national", national(sms.to()));
        values.put("from", sms.from().map(SenderId::value).orElse(""));
        values.put("text", text);
        values.put("reference", sms.reference().orElse(""));
        derive(values);
        String params = encodeParams(values);
        String url = Placeholders.render(settings.url, values, Placeholders.url(settings.charset));
        HttpRequest.Builder b;
        if (settings.method == HttpGatewaySettings.Method.GET) {
            b = builder(withQuery(url, params)).GET();
        } else if (settings.bodyType == HttpGatewaySettings.BodyType.JSON) {
            String body = Placeholders.render(settings.jsonBody, values, Placeholders::json);
            b = builder(url).header("Content-Type", "application/json; charset=" + settings.charset.name())
                    .POST(HttpRequest.BodyPublishers.ofString(body, settings.charset));
        } else {
            b = builder(url).header("Content-Type", "application/x-www-form-urlencoded; charset="
                    + settings.charset.name()).POST(HttpRequest.BodyPublishers.ofString(params, settings.charset));
        }
        return headers(b, values).build();
    }

    private HttpRequest getRequest(String urlTemplate) {
        Map<String, String> values = values();
        for (String n : HttpGatewaySettings.MESSAGE_PLACEHOLDERS) {
            values.putIfAbsent(n, "");
        }
        derive(values);
        String url = Placeholders.render(urlTemplate, values, Placeholders.url(settings.charset));
        return headers(builder(url).GET(), values).build();
    }

    private Map<String, String> values() {
        Map<String, String> values = new LinkedHashMap<>(settings.settingValues);
        Instant now = http.clock().instant();
        values.put("timestamp", Long.toString(now.getEpochSecond()));
        values.put("timestamp_ms", Long.toString(now.toEpochMilli()));
        return values;
    }

    /** Adds the {@code hash.*} values, computed over the UTF-8 of their filled templates. */
    private void derive(Map<String, String> values) {
        for (HttpGatewaySettings.Hash h : settings.hashes) {
            String hex = Signatures.hex(Signatures.digest(h.algorithm,
                    Signatures.utf8(Placeholders.render(h.template, values, v -> v))));
            values.put(h.name, h.upperCase ? hex.toUpperCase(java.util.Locale.ROOT) : hex);
        }
    }

    private String encodeParams(Map<String, String> values) {
        StringBuilder s = new StringBuilder();
        settings.params.forEach((name, template) -> {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(Placeholders.url(settings.charset).apply(name)).append('=')
                    .append(Placeholders.render(template, values, Placeholders.url(settings.charset)));
        });
        return s.toString();
    }

    private static String withQuery(String url, String params) {
        if (params.isEmpty()) {
            return url;
        }
        return url + (url.indexOf('?') < 0 ? "?" : url.endsWith("?") || url.endsWith("&") ? "" : "&") + params;
    }

    private HttpRequest.Builder builder(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw SmsException.builder(ErrorKind.CONFIGURATION, "the http gateway URL is not valid once its "
                    + "placeholders are filled; check setting url").provider(NAME).build();
        }
        return HttpRequest.newBuilder(uri).timeout(http.requestTimeout())
                .header("User-Agent", "sms-bridge/0.1 (java.net.http)");
    }

    private HttpRequest.Builder headers(HttpRequest.Builder b, Map<String, String> values) {
        try {
            settings.headers.forEach((name, template) ->
                    b.header(name, Placeholders.render(template, values, Placeholders::header)));
        } catch (IllegalArgumentException e) {
            throw SmsException.builder(ErrorKind.INVALID_CONTENT, "a value for a header of the http gateway "
                    + "contains a line break; remove it").provider(NAME).build();
        }
        if (settings.authHeader != null) {
            b.header(settings.authHeader, settings.authValue);
        }
        return b;
    }

    /**
     * Checks an answer against the status and the success rule and returns its JSON (null when no
     * pointer needs it).
     */
    private JsonNode checked(HttpResponse<String> r) {
        boolean needsJson = (settings.success != null && settings.success.needsJson())
                || (settings.messageId != null && settings.messageId.needsJson())
                || (settings.balance != null && settings.balance.needsJson())
                || (settings.errorCode != null && settings.errorCode.needsJson());
        JsonNode json = ProviderHttp.tryJson(r.body());
        if (!HttpErrors.isSuccess(r.statusCode())) {
            throw failure(r, json, HttpErrors.kindForStatus(r.statusCode()));
        }
        if (needsJson && json == null) {
            http.json(r);
        }
        if (settings.success != null) {
            Optional<String> v = settings.success.find(json, r.body());
            boolean ok = settings.success.needsJson()
                    ? v.map(String::strip).filter(settings.successValues::contains).isPresent()
                    : v.isPresent();
            if (!ok) {
                throw failure(r, json, ErrorKind.PROVIDER_ERROR);
            }
        }
        return json;
    }

    private SmsException failure(HttpResponse<String> r, JsonNode json, ErrorKind fallback) {
        String code = settings.errorCode == null ? null
                : settings.errorCode.find(json, r.body()).map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
        ErrorKind kind = code == null ? fallback : settings.errorKinds.getOrDefault(code, fallback);
        String detail = settings.errorMessage == null ? r.body()
                : settings.errorMessage.find(json, r.body()).orElse(r.body());
        return HttpErrors.fromResponse(http, r, kind, code, detail, HttpErrors.hint(kind)).build();
    }

    /** The national significant number (no country code, no trunk prefix); the digits if unparsable. */
    static String national(String e164) {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        try {
            return util.getNationalSignificantNumber(util.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            return Submissions.digitsOnly(e164);
        }
    }
}
