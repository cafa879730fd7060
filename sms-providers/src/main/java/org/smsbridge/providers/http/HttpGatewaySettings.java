package org.smsbridge.providers.http;

import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import org.smsbridge.Balance;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.providers.internal.ProviderHttp;
import org.smsbridge.spi.ProviderConfig;

/**
 * The checked configuration of one generic HTTP gateway: how to build the send request and how to
 * read the answer. Every problem is a {@link ErrorKind#CONFIGURATION} error naming the setting.
 * Immutable; thread-safe.
 */
final class HttpGatewaySettings {
    static final String URL = "url";
    static final String METHOD = "method";
    static final String BODY_TYPE = "bodyType";
    static final String CHARSET = "charset";
    static final String PARAM_PREFIX = "param.";
    static final String HEADER_PREFIX = "header.";
    static final String JSON_BODY = "jsonBody";
    static final String AUTH = "auth";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String AUTH_HEADER = "authHeader";
    static final String AUTH_TOKEN = "authToken";
    static final String SUCCESS_POINTER = "successPointer";
    static final String SUCCESS_REGEX = "successRegex";
    static final String SUCCESS_VALUES = "successValues";
    static final String MESSAGE_ID_POINTER = "messageIdPointer";
    static final String MESSAGE_ID_REGEX = "messageIdRegex";
    static final String ERROR_CODE_POINTER = "errorCodePointer";
    static final String ERROR_CODE_REGEX = "errorCodeRegex";
    static final String ERROR_MESSAGE_POINTER = "errorMessagePointer";
    static final String ERROR_KIND_PREFIX = "errorKind.";
    static final String HASH_PREFIX = "hash.";
    static final String BALANCE_URL = "balanceUrl";
    static final String BALANCE_POINTER = "balancePointer";
    static final String BALANCE_REGEX = "balanceRegex";
    static final String BALANCE_UNIT = "balanceUnit";
    static final String BALANCE_CURRENCY = "balanceCurrency";
    static final String VERIFY_URL = "verifyUrl";
    static final String SENDER_REQUIRED = "senderRequired";

    /** Default of {@value #SUCCESS_VALUES}. */
    static final String DEFAULT_SUCCESS_VALUES = "0";

    /** Placeholders filled from the message. */
    static final Set<String> MESSAGE_PLACEHOLDERS = Set.of("to", "to_digits", "to_national", "from", "text",
            "reference", "timestamp", "timestamp_ms");

    enum Method { GET, POST }

    /**
     * A value derived by hashing a template, for vendors that want {@code sign=md5(account + password +
     * timestamp)}: setting {@code hash.sign=md5:{username}{password}{timestamp}} defines {@code {sign}}.
     * Lower-case algorithm names give lower-case hex, upper-case ones upper-case hex.
     */
    static final class Hash {
        final String name;
        final String algorithm;
        final boolean upperCase;
        final String template;

        Hash(String name, String algorithm, boolean upperCase, String template) {
            this.name = name;
            this.algorithm = algorithm;
            this.upperCase = upperCase;
            this.template = template;
        }
    }

    /** Headers that {@code java.net.http} sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private static final Map<String, String> HASH_ALGORITHMS = Map.of("md5", "MD5", "sha1", "SHA-1", "sha256", "SHA-256");

    enum BodyType { FORM, JSON }

    enum Auth { NONE, BASIC, HEADER }

    private static final String NAME = "http";

    final String url;
    final Method method;
    final BodyType bodyType;
    final Charset charset;
    final Map<String, String> params;
    final Map<String, String> headers;
    final String jsonBody;
    final Auth auth;
    final String authHeader;
    final String authValue;
    final Extraction success;
    final Set<String> successValues;
    final Extraction messageId;
    final Extraction errorCode;
    final Extraction errorMessage;
    final Map<String, ErrorKind> errorKinds;
    final List<Hash> hashes;
    final String balanceUrl;
    final Extraction balance;
    final Balance.Unit balanceUnit;
    final Currency balanceCurrency;
    final String verifyUrl;
    final boolean senderRequired;
    final Map<String, String> settingValues;
    final List<String> secrets;

    HttpGatewaySettings(ProviderConfig config) {
        config.requireAll(URL);
        this.url = config.require(URL).strip();
        checkUrl(URL, url);
        this.method = choice(config, METHOD, Method.class, Method.POST);
        this.bodyType = choice(config, BODY_TYPE, BodyType.class, BodyType.FORM);
        this.charset = charset(config);
        Map<String, String> p = new LinkedHashMap<>();
        Map<String, String> h = new LinkedHashMap<>();
        Map<String, ErrorKind> kinds = new LinkedHashMap<>();
        List<Hash> hashList = new ArrayList<>();
        for (String key : config.keys()) {
            if (key.startsWith(PARAM_PREFIX) && key.length() > PARAM_PREFIX.length()) {
                p.put(key.substring(PARAM_PREFIX.length()), config.require(key));
            } else if (key.startsWith(HEADER_PREFIX) && key.length() > HEADER_PREFIX.length()) {
                String name = key.substring(HEADER_PREFIX.length());
                if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
                    throw config("setting " + key + " names an invalid HTTP header '" + name + "'");
                }
                if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    throw config("setting " + key + " sets the header " + name + ", which the HTTP client sets "
                            + "itself; remove it");
                }
                h.put(name, config.require(key));
            } else if (key.startsWith(ERROR_KIND_PREFIX) && key.length() > ERROR_KIND_PREFIX.length()) {
                kinds.put(key.substring(ERROR_KIND_PREFIX.length()), errorKind(key, config.require(key)));
            } else if (key.startsWith(HASH_PREFIX) && key.length() > HASH_PREFIX.length()) {
                hashList.add(hash(key, config.require(key)));
            }
        }
        this.params = Collections.unmodifiableMap(p);
        this.headers = Collections.unmodifiableMap(h);
        this.errorKinds = Map.copyOf(kinds);
        this.hashes = List.copyOf(hashList);
        this.jsonBody = config.get(JSON_BODY).orElse(null);
        if (bodyType == BodyType.JSON) {
            if (method == Method.GET) {
                throw config("setting " + BODY_TYPE + "=json needs " + METHOD + "=POST; a GET request has no body");
            }
            if (jsonBody == null) {
                throw config("setting " + BODY_TYPE + "=json needs " + JSON_BODY + ", a JSON template such as "
                        + "{\"mobile\":\"{to}\",\"content\":\"{text}\"}");
            }
            if (!p.isEmpty()) {
                throw config("settings " + PARAM_PREFIX + "* are for form and query requests; with " + BODY_TYPE
                        + "=json put the fields into " + JSON_BODY + " (or the url query)");
            }
        } else if (jsonBody != null) {
            throw config("setting " + JSON_BODY + " is used only with " + BODY_TYPE + "=json");
        }

        this.auth = auth(config);
        if (auth == Auth.BASIC) {
            config.requireAll(USERNAME, PASSWORD);
            this.authHeader = "Authorization";
            this.authValue = ProviderHttp.basicAuth(config.require(USERNAME), config.require(PASSWORD));
        } else if (auth == Auth.HEADER) {
            config.requireAll(AUTH_TOKEN);
            this.authHeader = config.get(AUTH_HEADER).orElse("Authorization").strip();
            this.authValue = config.require(AUTH_TOKEN);
            Placeholders.header(authValue);
        } else {
            this.authHeader = null;
            this.authValue = null;
        }

        this.success = extraction(config, SUCCESS_POINTER, SUCCESS_REGEX).orElse(null);
        Set<String> values = new LinkedHashSet<>();
        for (String v : config.get(SUCCESS_VALUES).orElse(DEFAULT_SUCCESS_VALUES).split(",")) {
            if (!v.isBlank()) {
                values.add(v.strip());
            }
        }
        this.successValues = Set.copyOf(values);
        this.messageId = extraction(config, MESSAGE_ID_POINTER, MESSAGE_ID_REGEX).orElse(null);
        this.errorCode = extraction(config, ERROR_CODE_POINTER, ERROR_CODE_REGEX)
                .orElse(success != null && success.needsJson() ? success : null);
        this.errorMessage = config.get(ERROR_MESSAGE_POINTER).map(v -> pointer(ERROR_MESSAGE_POINTER, v)).orElse(null);

        this.balanceUrl = config.get(BALANCE_URL).map(String::strip).orElse(null);
        this.balance = extraction(config, BALANCE_POINTER, BALANCE_REGEX).orElse(null);
        if (balanceUrl != null) {
            checkUrl(BALANCE_URL, balanceUrl);
            if (balance == null) {
                throw config("setting " + BALANCE_URL + " needs " + BALANCE_POINTER + " or " + BALANCE_REGEX
                        + " to find the amount in the answer");
            }
        } else if (balance != null) {
            throw config("settings " + BALANCE_POINTER + "/" + BALANCE_REGEX + " need " + BALANCE_URL);
        }
        this.balanceUnit = choice(config, BALANCE_UNIT, Balance.Unit.class, Balance.Unit.MESSAGES);
        this.balanceCurrency = config.get(BALANCE_CURRENCY).map(HttpGatewaySettings::currency).orElse(null);
        if (balanceUrl != null && balanceUnit == Balance.Unit.MONEY && balanceCurrency == null) {
            throw config("setting " + BALANCE_UNIT + "=money needs " + BALANCE_CURRENCY + ", e.g. CNY");
        }
        this.verifyUrl = config.get(VERIFY_URL).map(String::strip).orElse(null);
        if (verifyUrl != null) {
            checkUrl(VERIFY_URL, verifyUrl);
        }
        this.senderRequired = config.bool(SENDER_REQUIRED, false);

        Map<String, String> settings = new LinkedHashMap<>();
        List<String> s = new ArrayList<>();
        for (String key : config.keys()) {
            settings.put(key, config.require(key));
            if (config.isSecret(key)) {
                s.add(config.require(key));
            }
        }
        this.settingValues = Map.copyOf(settings);
        this.secrets = List.copyOf(s);
        checkPlaceholders();
    }

    /** Whether a balance can be asked for. */
    boolean hasBalance() {
        return balanceUrl != null;
    }

    private void checkPlaceholders() {
        Map<String, String> templates = new LinkedHashMap<>();
        templates.put(URL, url);
        params.forEach((k, v) -> templates.put(PARAM_PREFIX + k, v));
        headers.forEach((k, v) -> templates.put(HEADER_PREFIX + k, v));
        if (jsonBody != null) {
            templates.put(JSON_BODY, jsonBody);
        }
        if (balanceUrl != null) {
            templates.put(BALANCE_URL, balanceUrl);
        }
        if (verifyUrl != null) {
            templates.put(VERIFY_URL, verifyUrl);
        }
        Set<String> hashNames = new LinkedHashSet<>();
        for (Hash h : hashes) {
            templates.put(HASH_PREFIX + h.name, h.template);
            hashNames.add(h.name);
        }
        for (Map.Entry<String, String> t : templates.entrySet()) {
            boolean hashTemplate = t.getKey().startsWith(HASH_PREFIX);
            for (String name : Placeholders.names(t.getValue())) {
                if (hashTemplate && hashNames.contains(name)) {
                    throw config("setting " + t.getKey() + " uses the hash {" + name + "}; a hash can only use "
                            + "message placeholders and settings");
                }
                if (!MESSAGE_PLACEHOLDERS.contains(name) && !settingValues.containsKey(name) && !hashNames.contains(name)) {
                    throw config("setting " + t.getKey() + " uses the unknown placeholder {" + name + "}; use one of "
                            + String.join(", ", new java.util.TreeSet<>(MESSAGE_PLACEHOLDERS))
                            + " or the name of another setting (e.g. {username}, {password})");
                }
            }
        }
        if (jsonBody != null) {
            String probe = Placeholders.render(jsonBody, probeValues(), Placeholders::json);
            if (ProviderHttp.tryJson(probe) == null) {
                throw config("setting " + JSON_BODY + " is not a JSON object or array once its placeholders are "
                        + "filled; put string placeholders in quotes: \"{text}\"");
            }
        }
    }

    private Map<String, String> probeValues() {
        // Numbers only where they are numbers: an unquoted {text} must make the probe invalid JSON.
        Map<String, String> v = new LinkedHashMap<>(settingValues);
        MESSAGE_PLACEHOLDERS.forEach(n -> v.put(n, n.startsWith("timestamp") ? "1" : "a b"));
        hashes.forEach(h -> v.put(h.name, "a b"));
        return v;
    }

    private static void checkUrl(String key, String url) {
        String probe = Placeholders.PLACEHOLDER.matcher(url).replaceAll("x");
        URI checked = ProviderHttp.checkBaseUrl(NAME, key, probe);
        if (checked.getRawFragment() != null) {
            throw config("setting " + key + " must not have a #fragment");
        }
    }

    private static Hash hash(String key, String value) {
        String name = key.substring(HASH_PREFIX.length());
        int colon = value.indexOf(':');
        String alg = colon < 0 ? "" : value.substring(0, colon).strip();
        String javaName = HASH_ALGORITHMS.get(alg.toLowerCase(Locale.ROOT));
        if (javaName == null || !name.matches("[A-Za-z_][A-Za-z0-9_.\\-]*")
                || !(alg.equals(alg.toLowerCase(Locale.ROOT)) || alg.equals(alg.toUpperCase(Locale.ROOT)))) {
            throw config("setting " + key + " must be <algorithm>:<template> with md5, sha1 or sha256 (upper case for "
                    + "upper-case hex), e.g. md5:{username}{password}{timestamp}");
        }
        return new Hash(name, javaName, alg.equals(alg.toUpperCase(Locale.ROOT)), value.substring(colon + 1));
    }

    private static Charset charset(ProviderConfig config) {
        String name = config.get(CHARSET).orElse("UTF-8").strip();
        try {
            return Charset.forName(name);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw config("setting " + CHARSET + " names an unknown character set '" + name
                    + "'; use e.g. UTF-8 or GBK");
        }
    }

    private static Auth auth(ProviderConfig config) {
        Optional<String> v = config.get(AUTH);
        if (v.isPresent()) {
            return choice(config, AUTH, Auth.class, Auth.NONE);
        }
        return config.get(AUTH_TOKEN).isPresent() ? Auth.HEADER : Auth.NONE;
    }

    private static <E extends Enum<E>> E choice(ProviderConfig config, String key, Class<E> type, E defaultValue) {
        Optional<String> v = config.get(key);
        if (v.isEmpty()) {
            return defaultValue;
        }
        try {
            return Enum.valueOf(type, v.get().strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E c : type.getEnumConstants()) {
                names.add(c.name().toLowerCase(Locale.ROOT));
            }
            throw config("setting " + key + " must be one of " + String.join(", ", names) + ", was '" + v.get() + "'");
        }
    }

    private static ErrorKind errorKind(String key, String value) {
        try {
            return ErrorKind.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw config("setting " + key + " must name an ErrorKind such as RATE_LIMITED or "
                    + "INSUFFICIENT_BALANCE, was '" + value + "'");
        }
    }

    private static Currency currency(String code) {
        try {
            return Currency.getInstance(code.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw config("setting " + BALANCE_CURRENCY + " must be an ISO 4217 code such as CNY, was '" + code + "'");
        }
    }

    private static Optional<Extraction> extraction(ProviderConfig config, String pointerKey, String regexKey) {
        Optional<String> p = config.get(pointerKey);
        Optional<String> r = config.get(regexKey);
        if (p.isPresent() && r.isPresent()) {
            throw config("set either " + pointerKey + " or " + regexKey + ", not both");
        }
        if (p.isPresent()) {
            return Optional.of(pointer(pointerKey, p.get()));
        }
        if (r.isPresent()) {
            try {
                return Optional.of(Extraction.regex(r.get()));
            } catch (PatternSyntaxException e) {
                throw config("setting " + regexKey + " is not a valid regular expression: " + e.getDescription());
            }
        }
        return Optional.empty();
    }

    private static Extraction pointer(String key, String pointer) {
        String p = pointer.strip();
        try {
            if (!p.startsWith("/")) {
                throw new IllegalArgumentException();
            }
            return Extraction.pointer(p);
        } catch (IllegalArgumentException e) {
            throw config("setting " + key + " must be a JSON pointer such as /data/msgid, was '" + pointer + "'");
        }
    }

    private static SmsException config(String message) {
        return SmsException.builder(ErrorKind.CONFIGURATION, message + " (provider 'http')").provider(NAME).build();
    }
}
