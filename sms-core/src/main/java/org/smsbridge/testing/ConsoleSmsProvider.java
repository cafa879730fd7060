package org.smsbridge.testing;

import java.io.PrintStream;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.smsbridge.CredentialCheck;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.SenderRules;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.text.Encoding;

/**
 * A provider that prints each message instead of sending it: the default for demos and
 * development, needing no account. Recipients are shown partly masked unless
 * {@link #showFullNumbers()} is asked for. Thread-safe: one message is printed at a time.
 *
 * <pre>{@code
 * SmsClient sms = SmsClient.builder().provider(new ConsoleSmsProvider()).build();
 * }</pre>
 */
public final class ConsoleSmsProvider implements SmsProvider {
    /** The name it is registered under. */
    public static final String NAME = "console";

    private final PrintStream out;
    private final Clock clock;
    private final boolean fullNumbers;
    private final AtomicLong ids = new AtomicLong();

    /** Prints to standard output. */
    public ConsoleSmsProvider() {
        this(System.out, Clock.systemUTC(), false);
    }

    /** Prints to {@code out}. */
    public ConsoleSmsProvider(PrintStream out) {
        this(out, Clock.systemUTC(), false);
    }

    private ConsoleSmsProvider(PrintStream out, Clock clock, boolean fullNumbers) {
        this.out = Objects.requireNonNull(out, "out");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.fullNumbers = fullNumbers;
    }

    /** A copy that prints whole recipient numbers (for local development only). */
    public ConsoleSmsProvider showFullNumbers() {
        return new ConsoleSmsProvider(out, clock, true);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.UNICODE, Capability.ALPHANUMERIC_SENDER, Capability.TEMPLATES,
                Capability.CONCATENATION, Capability.BATCH);
    }

    @Override
    public SenderRules senderRules() {
        return SenderRules.permissive();
    }

    @Override
    public CompletableFuture<SendResult> submit(OutgoingSms sms) {
        String id = "console-" + ids.incrementAndGet();
        String to = fullNumbers ? sms.to() : PhoneNumbers.mask(sms.to());
        StringBuilder line = new StringBuilder("[SMS ").append(id).append("] to ").append(to);
        sms.from().ifPresent(f -> line.append(" from ").append(f.value()));
        if (sms.segmentInfo().isPresent()) {
            var info = sms.segmentInfo().get();
            line.append(" (").append(info.segments()).append(info.segments() == 1 ? " segment, " : " segments, ")
                    .append(info.encoding().displayName()).append("): ").append(sms.text().orElse(""));
        } else {
            line.append(" template ").append(sms.templateId().orElse("")).append(' ').append(sms.templateParams());
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
        SendResult.Builder b = SendResult.builder().messageId(id).to(sms.to()).status(MessageStatus.SENT)
                .segments(sms.segments())
                .encoding(sms.segmentInfo().map(i -> i.encoding()).orElse(Encoding.GSM_7))
                .provider(NAME).submittedAt(clock.instant());
        sms.reference().ifPresent(b::reference);
        return CompletableFuture.completedFuture(b.build());
    }

    @Override
    public CompletableFuture<CredentialCheck> verifyCredentials() {
        return CompletableFuture.completedFuture(
                CredentialCheck.valid("console provider needs no account", clock.instant()));
    }

    @Override
    public String toString() {
        return "ConsoleSmsProvider";
    }
}
