package org.smsbridge;

import java.util.concurrent.CompletableFuture;
import org.smsbridge.spi.OutgoingSms;

/**
 * Observes, changes or short-circuits each message on its way from {@link SmsClient} to the
 * provider, after validation: for logging, metrics, rate limits, idempotency, test doubles.
 * Like OkHttp's interceptors: call {@link Chain#proceed} exactly once to go on, or return a result
 * of your own without calling it.
 *
 * <pre>{@code
 * Interceptor timing = chain -> {
 *     long start = System.nanoTime();
 *     return chain.proceed(chain.sms()).whenComplete((r, e) -> metrics.record(System.nanoTime() - start));
 * };
 * SmsClient sms = SmsClient.builder().provider(p).addInterceptor(timing).build();
 * }</pre>
 *
 * <p>Interceptors are shared by all threads and must be thread-safe.
 */
@FunctionalInterface
public interface Interceptor {
    /**
     * Handles one message.
     *
     * @return the provider's answer (usually {@code chain.proceed(chain.sms())}); complete it
     *         exceptionally with an {@link SmsException} to fail the message
     */
    CompletableFuture<SendResult> intercept(Chain chain);

    /** The rest of the way to the provider. */
    interface Chain {
        /** The message as it stands at this interceptor. */
        OutgoingSms sms();

        /**
         * Passes the message (possibly changed) on to the next interceptor or the provider.
         *
         * @throws IllegalStateException if called more than once on this chain
         */
        CompletableFuture<SendResult> proceed(OutgoingSms sms);
    }
}
