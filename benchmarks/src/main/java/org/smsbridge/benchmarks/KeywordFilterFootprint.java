package org.smsbridge.benchmarks;

import java.util.List;
import java.util.function.Supplier;
import org.smsbridge.filter.Normalization;

/**
 * Retained heap of each engine built from the same word list: heap used after a full GC with the
 * engine held, minus heap used before. Approximate (GC-based, ±1 MB). Run with
 * {@code java -cp benchmarks/target/benchmarks.jar org.smsbridge.benchmarks.KeywordFilterFootprint [words]}.
 */
public final class KeywordFilterFootprint {
    private KeywordFilterFootprint() {
    }

    /** Prints one line per engine: name and retained megabytes. */
    public static void main(String[] args) throws InterruptedException {
        int words = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        List<String> keywords = KeywordFilterWorkload.keywords(words, 42);
        measure("sms-bridge STANDARD (incl. shared normalization table)",
                () -> KeywordFilterEngines.smsBridge(keywords, Normalization.STANDARD));
        measure("sms-bridge NONE", () -> KeywordFilterEngines.smsBridge(keywords, Normalization.NONE));
        measure("hankcs aho-corasick-double-array-trie", () -> KeywordFilterEngines.hankcs(keywords));
        measure("robert-bor ahocorasick", () -> KeywordFilterEngines.robertBor(keywords));
        measure("houbb sensitive-word", () -> KeywordFilterEngines.sensitiveWord(keywords));
    }

    private static void measure(String name, Supplier<Object> build) throws InterruptedException {
        long before = usedAfterGc();
        Object engine = build.get();
        long after = usedAfterGc();
        System.out.printf("%-55s %6.1f MB%n", name, (after - before) / 1024.0 / 1024.0);
        if (engine.hashCode() == 42) { // keep the engine reachable until measured
            System.out.println();
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, rt.totalMemory() - rt.freeMemory());
        }
        return used;
    }
}
