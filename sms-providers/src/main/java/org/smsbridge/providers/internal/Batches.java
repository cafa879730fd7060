package org.smsbridge.providers.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.smsbridge.BatchResult;
import org.smsbridge.SendResult;
import org.smsbridge.SmsException;
import org.smsbridge.spi.OutgoingSms;

/**
 * Helpers for providers that send many messages per request. Not API; stateless and thread-safe.
 */
public final class Batches {
    private Batches() {
    }

    /** Entries that all failed with {@code error}, in order. */
    public static List<BatchResult.Entry> allFailed(List<OutgoingSms> messages, SmsException error) {
        List<BatchResult.Entry> out = new ArrayList<>(messages.size());
        for (int i = 0; i < messages.size(); i++) {
            out.add(BatchResult.Entry.failure(i, messages.get(i).message(), error));
        }
        return out;
    }

    /** The only entry of a one-message batch as a future of its result or its failure. */
    public static CompletableFuture<SendResult> single(CompletableFuture<List<BatchResult.Entry>> entries) {
        return entries.thenCompose(list -> {
            BatchResult.Entry e = list.get(0);
            return e.result().map(CompletableFuture::completedFuture)
                    .orElseGet(() -> CompletableFuture.failedFuture(e.error().orElseThrow()));
        });
    }

    /**
     * Sends messages that share sender and text together: groups them, calls {@code send} once per
     * group (which must never fail and answer one entry per message of the group, in order) and
     * puts the entries back in input order.
     */
    public static CompletableFuture<BatchResult> bySenderAndText(List<OutgoingSms> list,
            Function<List<OutgoingSms>, CompletableFuture<List<BatchResult.Entry>>> send) {
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            OutgoingSms s = list.get(i);
            String key = s.from().map(f -> f.value()).orElse("") + '\u0000' + s.text().orElse("");
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        BatchResult.Entry[] entries = new BatchResult.Entry[list.size()];
        List<CompletableFuture<Void>> calls = new ArrayList<>();
        for (List<Integer> indexes : groups.values()) {
            List<OutgoingSms> group = new ArrayList<>();
            indexes.forEach(i -> group.add(list.get(i)));
            calls.add(send.apply(group).thenAccept(results -> {
                for (int j = 0; j < indexes.size(); j++) {
                    BatchResult.Entry e = results.get(j);
                    int index = indexes.get(j);
                    entries[index] = e.isSuccess()
                            ? BatchResult.Entry.success(index, list.get(index).message(), e.result().orElseThrow())
                            : BatchResult.Entry.failure(index, list.get(index).message(), e.error().orElseThrow());
                }
            }));
        }
        return CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]))
                .thenApply(x -> new BatchResult(List.of(entries)));
    }
}
