package org.smsbridge;

import java.time.Duration;
import org.smsbridge.spi.OutgoingSms;

/**
 * Typed events of an {@link SmsClient}, for metrics and audit logs without log scraping (like
 * OkHttp's {@code EventListener}). Every method has an empty default; override what you need.
 * Methods are called on the sending or the provider's thread, must be quick and thread-safe, and
 * an exception they throw is logged and ignored.
 *
 * <pre>{@code
 * SmsClient sms = SmsClient.builder().provider(p).addEventListener(new SmsEventListener() {
 *     public void sent(OutgoingSms sms, SendResult result, Duration took) { metrics.count("sms.sent", result.segments()); }
 *     public void failed(OutgoingSms sms, SmsException error, Duration took) { metrics.count("sms.failed." + error.kind()); }
 * }).build();
 * }</pre>
 */
public interface SmsEventListener {
    /** The message failed validation and never reached the provider. */
    default void rejected(SmsMessage message, SmsException error) {
    }

    /** The message passed validation and goes to the interceptors and the provider. */
    default void submitting(OutgoingSms sms) {
    }

    /** The provider accepted the message after {@code took}. */
    default void sent(OutgoingSms sms, SendResult result, Duration took) {
    }

    /** The provider (or an interceptor) failed the message after {@code took}. */
    default void failed(OutgoingSms sms, SmsException error, Duration took) {
    }
}
