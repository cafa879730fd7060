package org.smsbridge.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.smsbridge.BatchResult;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.spi.OutgoingSms;

/**
 * The batch rules every provider's {@code submitBatch} shares: a broken rule fails the future with
 * CONFIGURATION before any request, an empty batch completes with an empty result.
 */
public final class BatchRules {
    private BatchRules() {
    }

    /** The CONFIGURATION exception {@code batch} failed with; no request may have reached {@code api}. */
    public static SmsException refusedBeforeAnyRequest(CompletableFuture<BatchResult> batch, MockApi api) {
        Throwable t = catchThrowable(() -> batch.get(10, TimeUnit.SECONDS));
        assertThat(t).as("the future should fail").isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(SmsException.class);
        SmsException e = (SmsException) t.getCause();
        assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        assertThat(api.server().getRequestCount()).as("requests sent").isZero();
        return e;
    }

    /**
     * One message more than {@code max} fails as {@link #refusedBeforeAnyRequest} saying how many
     * go in one {@code request}; an empty batch completes with an empty result without a request.
     */
    public static void assertSizeRules(Function<List<OutgoingSms>, CompletableFuture<BatchResult>> submitBatch,
            int max, String request, OutgoingSms sample, MockApi api) throws Exception {
        SmsException e = refusedBeforeAnyRequest(submitBatch.apply(Collections.nCopies(max + 1, sample)), api);
        assertThat(e.getMessage()).contains("at most " + max + " messages per " + request + ", this batch has "
                + (max + 1), "nothing was sent");
        assertThat(submitBatch.apply(List.of()).get(5, TimeUnit.SECONDS).size()).isZero();
        assertThat(api.server().getRequestCount()).as("requests sent").isZero();
    }
}
