package org.smsbridge.examples.sbutton;

import java.awt.Component;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.swing.SwingUtilities;

/** Small Swing helpers of the demo: slow work off the event thread, results back on it. */
final class Ui {
    private Ui() {
    }

    /** Runs {@code work} on {@code executor}, then {@code done} or {@code failed} on the event thread. */
    static <T> CompletableFuture<T> async(Executor executor, Supplier<T> work, Consumer<T> done,
            Consumer<Throwable> failed) {
        CompletableFuture<T> f = CompletableFuture.supplyAsync(work, executor);
        f.whenComplete((r, e) -> SwingUtilities.invokeLater(() -> {
            if (e == null) {
                done.accept(r);
            } else {
                failed.accept(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
            }
        }));
        return f;
    }

    /** Names a component (the headless frame check finds components by name) and returns it. */
    static <C extends Component> C named(String name, C component) {
        component.setName(name);
        return component;
    }
}
