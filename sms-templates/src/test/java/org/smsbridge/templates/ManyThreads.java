package org.smsbridge.templates;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/** Runs a check from several threads at once, for the thread-safety tests. */
final class ManyThreads {
    private ManyThreads() {
    }

    /**
     * Calls {@code check.apply(thread, i)} for {@code i} from 0 to 4,999 on each of four threads at
     * once and returns what the calls returned other than null (a check returns null when all is right).
     */
    static List<String> complaints(BiFunction<Integer, Integer, String> check) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int th = 0; th < 4; th++) {
                int thread = th;
                futures.add(pool.submit(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (int i = 0; i < 5_000; i++) {
                        String complaint = check.apply(thread, i);
                        if (complaint != null) {
                            wrong.add(complaint);
                        }
                    }
                    return wrong;
                }));
            }
            List<String> all = new ArrayList<>();
            for (Future<List<String>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Null when {@code got} equals {@code expected}, else both. */
    static String compare(String got, String expected) {
        return Objects.equals(got, expected) ? null : got + " != " + expected;
    }
}
