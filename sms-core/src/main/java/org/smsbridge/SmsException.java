package org.smsbridge;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The one exception of SMS Bridge: unchecked, with an {@link ErrorKind}, whether a retry may help,
 * and the provider's own error code where there is one. Messages say what was wrong and what to
 * do, and never contain a secret.
 *
 * <pre>{@code
 * try {
 *     sms.message().to(phone).text(text).send();
 * } catch (SmsException e) {
 *     if (e.kind() == ErrorKind.INVALID_NUMBER) { showFieldError(e.getMessage()); }
 *     else if (e.isRetryable()) { retryLater(e.retryAfter()); }
 * }
 * }</pre>
 */
public class SmsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorKind kind;
    private final boolean retryable;
    private final String providerCode;
    private final String provider;
    private final transient Duration retryAfter;

    /**
     * Creates an exception of {@code kind} whose retryability is the kind's.
     *
     * @throws NullPointerException if an argument is null
     */
    public SmsException(ErrorKind kind, String message) {
        this(builder(kind, message));
    }

    /**
     * Creates an exception of {@code kind} with a cause.
     *
     * @throws NullPointerException if {@code kind} or {@code message} is null
     */
    public SmsException(ErrorKind kind, String message, Throwable cause) {
        this(builder(kind, message).cause(cause));
    }

    /** For subclasses and {@link Builder#build()}. */
    protected SmsException(Builder b) {
        super(b.message, b.cause);
        this.kind = b.kind;
        this.retryable = b.retryable == null ? b.kind.isRetryable() : b.retryable;
        this.providerCode = b.providerCode;
        this.provider = b.provider;
        this.retryAfter = b.retryAfter;
    }

    /**
     * Starts an exception with more detail than the constructors take.
     *
     * <pre>{@code
     * throw SmsException.builder(ErrorKind.RATE_LIMITED, "Twilio rate limit reached")
     *         .providerCode("20429").retryAfter(Duration.ofSeconds(30)).provider("twilio").build();
     * }</pre>
     *
     * @throws NullPointerException if an argument is null
     */
    public static Builder builder(ErrorKind kind, String message) {
        return new Builder(kind, message);
    }

    /** Why the message could not be sent. */
    public ErrorKind kind() {
        return kind;
    }

    /** Whether sending again later, unchanged, may succeed. Defaults to the kind's. */
    public boolean isRetryable() {
        return retryable;
    }

    /** The provider's own error code, when the provider gave one. */
    public Optional<String> providerCode() {
        return Optional.ofNullable(providerCode);
    }

    /** The name of the provider that failed, when the failure came from one. */
    public Optional<String> provider() {
        return Optional.ofNullable(provider);
    }

    /** How long the provider asked to wait before retrying ({@code Retry-After}), when it said. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(getClass().getName()).append(": [").append(kind);
        if (provider != null) {
            s.append(' ').append(provider);
        }
        if (providerCode != null) {
            s.append(" code=").append(providerCode);
        }
        return s.append("] ").append(getMessage()).toString();
    }

    /** Builds an {@link SmsException}; not thread-safe. */
    public static final class Builder {
        private final ErrorKind kind;
        private final String message;
        private Boolean retryable;
        private String providerCode;
        private String provider;
        private Duration retryAfter;
        private Throwable cause;

        private Builder(ErrorKind kind, String message) {
            this.kind = Objects.requireNonNull(kind, "kind");
            this.message = Objects.requireNonNull(message, "message");
        }

        /** Overrides the kind's retryability, for a provider code known to be transient or not. */
        public Builder retryable(boolean retryable) {
            this.retryable = retryable;
            return this;
        }

        /** The provider's own error code. */
        public Builder providerCode(String providerCode) {
            this.providerCode = Objects.requireNonNull(providerCode, "providerCode");
            return this;
        }

        /** The provider's name. */
        public Builder provider(String provider) {
            this.provider = Objects.requireNonNull(provider, "provider");
            return this;
        }

        /** The delay the provider asked for; must not be negative. */
        public Builder retryAfter(Duration retryAfter) {
            Objects.requireNonNull(retryAfter, "retryAfter");
            if (retryAfter.isNegative()) {
                throw new IllegalArgumentException("retryAfter must not be negative, was " + retryAfter);
            }
            this.retryAfter = retryAfter;
            return this;
        }

        /** The underlying cause. */
        public Builder cause(Throwable cause) {
            this.cause = Objects.requireNonNull(cause, "cause");
            return this;
        }

        /** Creates the exception. */
        public SmsException build() {
            return new SmsException(this);
        }
    }
}
