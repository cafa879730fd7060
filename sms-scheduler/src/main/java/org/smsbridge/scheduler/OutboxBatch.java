package org.smsbridge.scheduler;

import java.util.List;
import java.util.Map;

/**
 * The outcome of a batch operation on a multi-selection ({@link Outbox#deleteAll},
 * {@link Outbox#resendAll}, {@link Outbox#submitDrafts}): the entries it produced, and for each id
 * it skipped, why. Never throws for one bad id.
 *
 * @param changed the resulting entries, in selection order
 * @param skipped id → reason (unknown id, wrong folder, being sent...)
 */
public record OutboxBatch(List<OutboxEntry> changed, Map<Long, String> skipped) {
    /** Copies both collections. */
    public OutboxBatch {
        changed = List.copyOf(changed);
        skipped = Map.copyOf(skipped);
    }
}
