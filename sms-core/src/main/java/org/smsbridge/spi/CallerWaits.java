package org.smsbridge.spi;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Tells a provider, while its {@link SmsProvider#submit}, {@link SmsProvider#verifyCredentials()} or
 * {@link SmsProvider#balance()} runs, that the calling thread will do nothing but wait for the
 * returned future, and for how long. {@link org.smsbridge.SmsClient#send},
 * {@code verifyCredentials()} and {@code balance()} set it; {@code sendAsync}, {@code sendAll} and
 * the outbox do not.
 *
 * <p>A provider with a blocking transport may then do the whole exchange on the calling thread and
 * return a completed future, which saves the two thread hand-offs (to its own thread and back) of an
 * asynchronous exchange; it must give up after {@link #remaining()}. Providers that ignore it stay
 * correct: the caller simply waits for their future. The built-in HTTP providers use it.
 *
 * <p>The hint holds only on the thread that calls {@code submit}, and only during that call: when
 * an interceptor moves a message to another thread, or sends other messages itself before
 * proceeding, those calls do not see it. Thread-safe: the state is per thread.
 */
public final class CallerWaits {
    /** Per thread: the deadline of the caller's wait, in {@link System#nanoTime()} units. */
    private static final ThreadLocal<long[]> DEADLINE = ThreadLocal.withInitial(() -> new long[] {0L, 0L});
    private static final int WAITING = 0;
    private static final int AT = 1;

    private CallerWaits() {
    }

    /**
     * Whether the current thread, now inside a provider call, waits for the future that the call
     * returns.
     */
    public static boolean isWaiting() {
        return DEADLINE.get()[WAITING] != 0L;
    }

    /**
     * How much longer the waiting caller waits; {@link Duration#ZERO} when its time is up or when
     * the current thread does not wait ({@link #isWaiting()} false).
     */
    public static Duration remaining() {
        long[] d = DEADLINE.get();
        if (d[WAITING] == 0L) {
            return Duration.ZERO;
        }
        long left = d[AT] - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /**
     * Runs {@code submit} with the hint set for the current thread: the caller waits for at most
     * {@code timeout} for the future it returns. The previous state is restored afterwards, even
     * when {@code submit} throws. Meant for clients that block on a provider's answer, such as
     * {@link org.smsbridge.SmsClient#send}.
     *
     * @param timeout how long the caller waits; positive
     * @param submit  the call to the provider
     * @return what {@code submit} returned
     * @throws IllegalArgumentException if {@code timeout} is zero or negative
     */
    public static <T> T waitingFor(Duration timeout, Supplier<T> submit) {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(submit, "submit");
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
        long nanos;
        try {
            nanos = timeout.toNanos();
        } catch (ArithmeticException e) {
            nanos = Long.MAX_VALUE / 4;
        }
        return during(true, System.nanoTime() + nanos, submit);
    }

    /**
     * Runs {@code submit} with the hint cleared for the current thread, so that a provider reached
     * from inside it does not take its caller for a waiting one (an interceptor sending another
     * message before it proceeds, say). The previous state is restored afterwards.
     */
    public static <T> T notWaiting(Supplier<T> submit) {
        Objects.requireNonNull(submit, "submit");
        if (!isWaiting()) {
            return submit.get();
        }
        return during(false, 0L, submit);
    }

    private static <T> T during(boolean waiting, long deadline, Supplier<T> submit) {
        long[] d = DEADLINE.get();
        long wasWaiting = d[WAITING];
        long wasAt = d[AT];
        d[WAITING] = waiting ? 1L : 0L;
        d[AT] = deadline;
        try {
            return submit.get();
        } finally {
            d[WAITING] = wasWaiting;
            d[AT] = wasAt;
        }
    }
}
