package org.smsbridge.scheduler;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How an outbox retries a message whose send failed with a retryable error: exponential backoff
 * ({@code initial × 2^(attempt-1)}, capped at {@code max}) with jitter, never sooner than the
 * provider's {@code Retry-After}, for at most {@code maxAttempts} provider calls in all. Immutable.
 *
 * <pre>{@code
 * RetryPolicy p = RetryPolicy.exponential(Duration.ofSeconds(30), Duration.ofHours(1), 5);
 * }</pre>
 */
public final class RetryPolicy {
    /** Jitter when none is given: a delay is drawn from [50 %, 100 %] of the backoff. */
    public static final double DEFAULT_JITTER = 0.5;

    private static final RetryPolicy DEFAULTS = exponential(Duration.ofSeconds(30), Duration.ofHours(1), 5);

    private final Duration initial;
    private final Duration max;
    private final int maxAttempts;
    private final double jitter;

    private RetryPolicy(Duration initial, Duration max, int maxAttempts, double jitter) {
        this.initial = initial;
        this.max = max;
        this.maxAttempts = maxAttempts;
        this.jitter = jitter;
    }

    /**
     * Exponential backoff from {@code initial} to {@code max}, {@code maxAttempts} provider calls
     * in all (the first send included), with {@link #DEFAULT_JITTER}.
     *
     * @throws IllegalArgumentException if a duration is not positive, {@code max < initial}, or
     *                                  {@code maxAttempts < 1}
     */
    public static RetryPolicy exponential(Duration initial, Duration max, int maxAttempts) {
        Checks.positive("initial", initial);
        Checks.positive("max", max);
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max (" + max + ") must not be shorter than initial (" + initial + ")");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (the first send), was " + maxAttempts);
        }
        return new RetryPolicy(initial, max, maxAttempts, DEFAULT_JITTER);
    }

    /** 30 s doubling up to 1 h, 5 attempts, jitter 0.5. */
    public static RetryPolicy ofDefaults() {
        return DEFAULTS;
    }

    /** One attempt, no retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 1, 0);
    }

    /**
     * This policy with another jitter: the delay is drawn uniformly from
     * {@code [(1 - jitter) × backoff, backoff]}; 0 disables jitter.
     *
     * @throws IllegalArgumentException if not between 0 and 1
     */
    public RetryPolicy withJitter(double jitter) {
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1, was " + jitter);
        }
        return new RetryPolicy(initial, max, maxAttempts, jitter);
    }

    public Duration initial() {
        return initial;
    }

    public Duration max() {
        return max;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public double jitter() {
        return jitter;
    }

    /**
     * The delay before the next attempt after {@code attemptsMade} failed attempts, or empty when
     * the attempts are used up.
     *
     * @param attemptsMade provider calls made so far (at least 1)
     * @param retryAfter   the provider's {@code Retry-After}, if it gave one; the delay is never shorter
     * @param random       a number in [0, 1) that picks the jitter
     * @throws IllegalArgumentException if {@code attemptsMade < 1} or {@code random} is outside [0, 1)
     */
    public Optional<Duration> delayAfter(int attemptsMade, Optional<Duration> retryAfter, double random) {
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade must be at least 1, was " + attemptsMade);
        }
        if (!(random >= 0 && random < 1)) {
            throw new IllegalArgumentException("random must be in [0, 1), was " + random);
        }
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        int shift = Math.min(attemptsMade - 1, 40);
        long backoffNanos = initial.toNanos() > (max.toNanos() >> shift) ? max.toNanos() : initial.toNanos() << shift;
        long nanos = Math.min(backoffNanos, max.toNanos());
        long jittered = nanos - (long) (nanos * jitter * random);
        Duration d = Duration.ofNanos(jittered);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(d) > 0) {
            d = retryAfter.get();
        }
        return Optional.of(d);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && initial.equals(p.initial) && max.equals(p.max)
                && maxAttempts == p.maxAttempts && jitter == p.jitter;
    }

    @Override
    public int hashCode() {
        return Objects.hash(initial, max, maxAttempts, jitter);
    }

    @Override
    public String toString() {
        return "RetryPolicy{initial=" + initial + ", max=" + max + ", maxAttempts=" + maxAttempts + ", jitter="
                + jitter + '}';
    }
}
