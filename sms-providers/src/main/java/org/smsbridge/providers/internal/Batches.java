package org.smsbridge.providers.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.smsbridge.BatchResult;
import org.smsbridge.ErrorKind;
import org.smsbridge.SendResult;
import org.smsbridge.SmsException;
import org.smsbridge.spi.OutgoingSms;

/**
 * Helpers for providers that send many messages per request. Not API; stateless and thread-safe.
 */
public final class Batches {
    private Batches() {
    }

    /**
     * The checks every provider's {@code submitBatch} makes, then {@code send}, so that a batch
     * that breaks a rule is reported the way every other failure is, as a future failed with an
     * {@link SmsException}:
     * <ul>
     *   <li>a null list or element is a {@link NullPointerException}, thrown at once (a
     *       programming error, as for {@code submit(null)});
     *   <li>an empty list completes with an empty {@link BatchResult} without a request, as
     *       {@code SmsClient.sendAll} does;
     *   <li>more than {@code max} messages, or an {@link SmsException} that {@code send} throws
     *       before any request (a batch rule broken, e.g. mixed templates), fail the future with
     *       that exception (CONFIGURATION for the size) and nothing is sent.
     * </ul>
     *
     * @param request what one request is called in messages, e.g. {@code "SendSms request"}
     * @param send    sends the checked, copied batch
     */
    public static CompletableFuture<BatchResult> submit(String provider, List<OutgoingSms> batch, int max,
            String request, Function<List<OutgoingSms>, CompletableFuture<BatchResult>> send) {
        Objects.requireNonNull(batch, "batch");
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) == null) {
                throw new NullPointerException("batch[" + i + "] is null; nothing was sent. Leave out empty rows "
                        + "before calling submitBatch");
            }
        }
        if (batch.isEmpty()) {
            return CompletableFuture.completedFuture(new BatchResult(List.of()));
        }
        if (batch.size() > max) {
            return CompletableFuture.failedFuture(SmsException.builder(ErrorKind.CONFIGURATION, provider
                    + " takes at most " + max + " messages per " + request + ", this batch has " + batch.size()
                    + "; nothing was sent. Split it into batches of at most " + max).provider(provider).build());
        }
        try {
            return send.apply(List.copyOf(batch));
        } catch (SmsException e) {
            return CompletableFuture.failedFuture(e);
        }
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
