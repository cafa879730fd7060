package org.smsbridge.scheduler;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * An executor for tests: {@code execute} runs the task at once on the caller's thread, and
 * periodic tasks run only when the test calls {@link #tick()}. Nothing ever sleeps.
 */
final class ManualExecutor extends ScheduledThreadPoolExecutor {
    private final List<Runnable> periodic = new ArrayList<>();
    private final List<Duration> periods = new ArrayList<>();

    ManualExecutor() {
        super(1);
    }

    @Override
    public void execute(Runnable command) {
        command.run();
    }

    @Override
    public synchronized ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay,
            TimeUnit unit) {
        periodic.add(command);
        periods.add(Duration.ofNanos(unit.toNanos(delay)));
        return super.schedule(() -> { }, 365, TimeUnit.DAYS);
    }

    /** Runs every periodic task once, as if its delay had passed. */
    void tick() {
        List<Runnable> all;
        synchronized (this) {
            all = List.copyOf(periodic);
        }
        all.forEach(Runnable::run);
    }

    synchronized List<Duration> periods() {
        return List.copyOf(periods);
    }
}
