package org.smsbridge.benchmarks;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.smsbridge.CredentialCheck;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.SenderRules;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.text.Encoding;

/**
 * A fake provider for {@link OutboxBenchmark}: accepts every message at once and counts sends per
 * reference (so duplicates are detected). Unlike {@code FakeSmsProvider}, which keeps every message
 * in a copy-on-write list (O(n) per send, so 100,000 sends copy gigabytes), its cost per send is constant.
 */
final class OutboxCountingProvider implements SmsProvider {
    private final Map<String, Integer> sends = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();
    private final Instant fixed = Instant.parse("2026-03-02T09:00:00Z");

    @Override
    public String name() {
        return "counting";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.UNICODE, Capability.CONCATENATION);
    }

    @Override
    public SenderRules senderRules() {
        return SenderRules.permissive();
    }

    @Override
    public CompletableFuture<SendResult> submit(OutgoingSms sms) {
        String ref = sms.reference().orElseThrow();
        sends.merge(ref, 1, Integer::sum);
        return CompletableFuture.completedFuture(SendResult.builder().messageId("c-" + ids.incrementAndGet())
                .to(sms.to()).status(MessageStatus.SENT).segments(sms.segments()).encoding(Encoding.UCS_2)
                .provider("counting").submittedAt(fixed).reference(ref).build());
    }

    @Override
    public CompletableFuture<CredentialCheck> verifyCredentials() {
        return CompletableFuture.completedFuture(CredentialCheck.valid("counting", fixed));
    }

    /** Throws unless exactly {@code n} distinct messages were each sent exactly once. */
    void checkSentOnce(int n) {
        long twice = sends.values().stream().filter(c -> c > 1).count();
        if (sends.size() != n || twice > 0) {
            throw new IllegalStateException("expected " + n + " messages sent once each, got " + sends.size()
                    + " messages, " + twice + " sent more than once");
        }
    }
}
