package org.smsbridge.examples.sbutton;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.smsbridge.SenderId;
import org.smsbridge.SmsException;
import org.smsbridge.spi.ProviderConfig;

/**
 * What the settings dialog edits (seed 001: provider, sender caption, user name, password; seed
 * 000: auto-send interval and auto-retry), with the checks the dialog runs as the user types.
 * Immutable; the password is held as given and never written to disk or shown by {@link #toString()}.
 *
 * @param provider      installed provider name: {@code console} (default), {@code fake}, or any of
 *                      {@code SmsProviders.names()}
 * @param sender        sender caption; empty for the provider's default
 * @param username      account user name; empty when the provider needs none
 * @param password      account password or token; empty when the provider needs none
 * @param extra         further provider settings ({@code key=value}), e.g. {@code accountSid} for Twilio
 * @param signature     company signature put at the end of messages
 * @param operator      the operator name stored with each outbox entry
 * @param autoSend      whether the outbox sends by itself every {@code sendInterval}
 * @param sendInterval  the pause between automatic runs
 * @param autoRetry     whether failed messages with a retryable error are sent again automatically
 */
public record DemoSettings(String provider, String sender, String username, String password,
        Map<String, String> extra, String signature, String operator, boolean autoSend, Duration sendInterval,
        boolean autoRetry) {

    /** The provider used when nothing is configured: prints messages, needs no account. */
    public static final String DEFAULT_PROVIDER = "console";
    /** Shortest automatic send interval the dialog accepts. */
    public static final Duration MIN_INTERVAL = Duration.ofMinutes(1);
    /** Longest automatic send interval the dialog accepts. */
    public static final Duration MAX_INTERVAL = Duration.ofHours(24);

    /** Copies {@code extra} and checks that nothing is null. */
    public DemoSettings {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        extra = Map.copyOf(extra);
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(sendInterval, "sendInterval");
    }

    /** Console provider, sender {@code ACME}, signature "ACME Auto", auto-send every 5 minutes, no auto-retry. */
    public static DemoSettings defaults() {
        return new DemoSettings(DEFAULT_PROVIDER, "ACME", "", "", Map.of(), "ACME Auto", "desk-1", true,
                Duration.ofMinutes(5), false);
    }

    /**
     * Why a sender caption is refused, or empty when it is fine: the general rules of
     * {@link SenderId#parse(String)} (alphanumeric: 1 to 11 English letters, digits and spaces with
     * at least one letter; numeric: up to 15 digits). An empty caption means "the provider's default".
     */
    public static Optional<String> senderProblem(String sender) {
        if (sender.isEmpty()) {
            return Optional.empty();
        }
        try {
            SenderId.parse(sender);
            return Optional.empty();
        } catch (SmsException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** Why a send interval in minutes is refused, or empty. */
    public static Optional<String> intervalProblem(long minutes) {
        if (minutes < MIN_INTERVAL.toMinutes() || minutes > MAX_INTERVAL.toMinutes()) {
            return Optional.of("the send interval must be between " + MIN_INTERVAL.toMinutes() + " and "
                    + MAX_INTERVAL.toMinutes() + " minutes, was " + minutes);
        }
        return Optional.empty();
    }

    /**
     * Parses further provider settings, one {@code key=value} a line ({@code #} comments and blank
     * lines ignored).
     *
     * @throws IllegalArgumentException naming the first bad line
     */
    public static Map<String, String> parseExtra(String text) {
        Map<String, String> map = new LinkedHashMap<>();
        String[] lines = text.split("\\R", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + (i + 1) + " of the further settings is not key=value: '"
                        + line + "'");
            }
            map.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
        }
        return map;
    }

    /** The further settings as the dialog shows them, one {@code key=value} a line. */
    public static String formatExtra(Map<String, String> extra) {
        StringBuilder b = new StringBuilder();
        extra.forEach((k, v) -> b.append(k).append('=').append(v).append('\n'));
        return b.toString();
    }

    /** Every problem of these settings, for the dialog's OK button; empty when they can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (provider.isBlank()) {
            problems.add("choose a provider");
        }
        senderProblem(sender).ifPresent(problems::add);
        intervalProblem(sendInterval.toMinutes()).ifPresent(problems::add);
        if (operator.isBlank()) {
            problems.add("the operator name must not be empty");
        }
        return problems;
    }

    /**
     * The provider settings: {@code username}, {@code password} (secret) when given, and the further
     * settings. Keys with a provider-specific name (Twilio's {@code accountSid}) go in the further
     * settings.
     */
    public ProviderConfig providerConfig() {
        ProviderConfig.Builder b = ProviderConfig.builder();
        extra.forEach(b::put);
        if (!username.isEmpty()) {
            b.put("username", username);
        }
        if (!password.isEmpty()) {
            b.secret("password", password);
        }
        return b.build();
    }

    /** A copy with another provider and account. */
    public DemoSettings withAccount(String provider, String sender, String username, String password,
            Map<String, String> extra) {
        return new DemoSettings(provider, sender, username, password, extra, signature, operator, autoSend,
                sendInterval, autoRetry);
    }

    /** A copy with other outbox switches. */
    public DemoSettings withOutbox(boolean autoSend, Duration sendInterval, boolean autoRetry) {
        return new DemoSettings(provider, sender, username, password, extra, signature, operator, autoSend,
                sendInterval, autoRetry);
    }

    /** A copy with another signature and operator. */
    public DemoSettings withSignature(String signature, String operator) {
        return new DemoSettings(provider, sender, username, password, extra, signature, operator, autoSend,
                sendInterval, autoRetry);
    }

    /**
     * Reads settings written by {@link #save(Path)}; defaults when the file does not exist. The
     * password is never in the file: it is empty after loading.
     *
     * @throws IllegalStateException if the file cannot be read
     */
    public static DemoSettings load(Path file) {
        if (!Files.exists(file)) {
            return defaults();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo settings " + file + ": " + e.getMessage(), e);
        }
        DemoSettings d = defaults();
        Map<String, String> extra = new LinkedHashMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("extra.")).sorted()
                .forEach(k -> extra.put(k.substring("extra.".length()), p.getProperty(k)));
        long minutes;
        try {
            minutes = Long.parseLong(p.getProperty("sendIntervalMinutes", String.valueOf(d.sendInterval.toMinutes())));
        } catch (NumberFormatException e) {
            minutes = d.sendInterval.toMinutes();
        }
        return new DemoSettings(p.getProperty("provider", d.provider), p.getProperty("sender", d.sender),
                p.getProperty("username", d.username), "", extra, p.getProperty("signature", d.signature),
                p.getProperty("operator", d.operator),
                Boolean.parseBoolean(p.getProperty("autoSend", String.valueOf(d.autoSend))),
                Duration.ofMinutes(minutes),
                Boolean.parseBoolean(p.getProperty("autoRetry", String.valueOf(d.autoRetry))));
    }

    /**
     * Writes every setting except the password (and further settings that look secret) to {@code file}.
     *
     * @throws IllegalStateException if the file cannot be written
     */
    public void save(Path file) {
        Properties p = new Properties();
        p.setProperty("provider", provider);
        p.setProperty("sender", sender);
        p.setProperty("username", username);
        ProviderConfig config = providerConfig();
        extra.forEach((k, v) -> {
            if (!config.isSecret(k)) {
                p.setProperty("extra." + k, v);
            }
        });
        p.setProperty("signature", signature);
        p.setProperty("operator", operator);
        p.setProperty("autoSend", String.valueOf(autoSend));
        p.setProperty("sendIntervalMinutes", String.valueOf(sendInterval.toMinutes()));
        p.setProperty("autoRetry", String.valueOf(autoRetry));
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(w, "SMS Bridge S-button demo settings (no passwords)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the demo settings " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "DemoSettings[provider=" + provider + ", sender=" + sender + ", username=" + username
                + ", password=" + (password.isEmpty() ? "" : "****") + ", extra=" + providerConfig()
                + ", signature=" + signature + ", operator=" + operator + ", autoSend=" + autoSend
                + ", sendInterval=" + sendInterval + ", autoRetry=" + autoRetry + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DemoSettings d && provider.equals(d.provider) && sender.equals(d.sender)
                && username.equals(d.username) && password.equals(d.password) && extra.equals(d.extra)
                && signature.equals(d.signature) && operator.equals(d.operator) && autoSend == d.autoSend
                && sendInterval.equals(d.sendInterval) && autoRetry == d.autoRetry;
    }

    @Override
    public int hashCode() {
        return Objects.hash(provider, sender, username, password, extra, signature, operator, autoSend,
                sendInterval, autoRetry);
    }

    /** Clears a password typed into a {@code char[]} (from {@code JPasswordField}) after use. */
    static String consume(char[] password) {
        String s = new String(password);
        Arrays.fill(password, '\0');
        return s;
    }
}
