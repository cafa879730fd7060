package org.smsbridge.providers.internal;

import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.smsbridge.CredentialCheck;
import org.smsbridge.SmsException;

/**
 * Turns a probe call into a {@link CredentialCheck}: a failure with an {@link SmsException} (rejected
 * credentials, provider down, timeout) becomes an invalid check of that kind, as the SPI asks;
 * anything else still fails the future. Not API; stateless and thread-safe.
 */
public final class CredentialChecks {
    private CredentialChecks() {
    }

    /** {@code probe}, with every {@link SmsException} turned into {@link CredentialCheck#invalid}. */
    public static CompletableFuture<CredentialCheck> recover(CompletableFuture<CredentialCheck> probe, Clock clock) {
        CompletableFuture<CredentialCheck> out = new CompletableFuture<>();
        probe.whenComplete((check, error) -> {
            if (error == null) {
                out.complete(check);
                return;
            }
            Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (e instanceof SmsException) {
                out.complete(CredentialCheck.invalid(((SmsException) e).kind(), e.getMessage(), clock.instant()));
            } else {
                out.completeExceptionally(e);
            }
        });
        return out;
    }
}
