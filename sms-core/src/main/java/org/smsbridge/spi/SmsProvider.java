package org.smsbridge.spi;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.smsbridge.Balance;
import org.smsbridge.CredentialCheck;
import org.smsbridge.ErrorKind;
import org.smsbridge.SendResult;
import org.smsbridge.SmsException;

/**
 * A way to send SMS: an HTTP API, an SMPP link, a fake for tests. Implementations must be
 * thread-safe: one instance serves every thread of the application. {@link org.smsbridge.SmsClient}
 * validates and normalizes each message before {@link #submit}, so a provider only translates.
 *
 * <p>Failures are reported as a future completed exceptionally with an {@link SmsException} whose
 * {@link ErrorKind} classifies the provider's answer.
 */
public interface SmsProvider extends AutoCloseable {
    /** The provider's registered name, e.g. {@code "twilio"}. */
    String name();

    /** What this provider can do. */
    Set<Capability> capabilities();

    /** Which sender IDs it accepts. */
    SenderRules senderRules();

    /**
     * Sends one validated message.
     *
     * @return a future of the provider's answer, failed with {@link SmsException} on error
     */
    CompletableFuture<SendResult> submit(OutgoingSms sms);

    /**
     * Checks the account settings with the cheapest authenticated call the provider has. A
     * rejected credential completes normally with an invalid {@link CredentialCheck}; only an
     * unexpected failure completes exceptionally.
     */
    CompletableFuture<CredentialCheck> verifyCredentials();

    /**
     * Asks for the prepaid balance. The default fails with {@link ErrorKind#CONFIGURATION}; providers
     * with {@link Capability#BALANCE} override it.
     */
    default CompletableFuture<Balance> balance() {
        return CompletableFuture.failedFuture(new SmsException(ErrorKind.CONFIGURATION,
                "provider '" + name() + "' cannot report a balance; check capabilities() for BALANCE first"));
    }

    /** The parser for this provider's delivery-receipt webhooks, when it sends them. */
    default Optional<ReceiptParser> receipts() {
        return Optional.empty();
    }

    /** Releases connections and threads. The default does nothing. */
    @Override
    default void close() {
    }
}
