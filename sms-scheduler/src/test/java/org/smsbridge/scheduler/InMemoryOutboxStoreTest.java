package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsMessage;

class InMemoryOutboxStoreTest {
    private final OutboxStore store = OutboxStore.inMemory();
    private final Instant now = Instant.parse("2026-03-02T09:00:00Z");

    private OutboxEntry queued(String ref, Instant due) {
        return OutboxEntry.builder().folder(Folder.OUTBOX).status(MessageStatus.QUEUED)
                .message(SmsMessage.builder().to("+306912345678").text("Γεια").reference(ref).build())
                .createdAt(now).nextAttemptAt(due).build();
    }

    @Test
    void queryReturnsExactlyWhatTheReferenceFilterReturns() {
        Random r = new Random(7);
        QueryProperty.fill(store, r, 400);
        QueryProperty.check(store, r, 400);
    }

    @Test
    void claimsOnlyDueEntriesOldestFirstAndNeverTheSameTwiceWithinTheLease() {
        store.insert(queued("late", now.plusSeconds(10)));
        store.insert(queued("early", now.minusSeconds(10)));
        store.insert(queued("now", now));

        List<OutboxEntry> a = store.claimDue("a", now, now.plusSeconds(60), 10);
        List<OutboxEntry> b = store.claimDue("b", now.plusSeconds(30), now.plusSeconds(90), 10);

        assertThat(a).extracting(e -> e.reference().get()).containsExactly("early", "now");
        assertThat(a).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(MessageStatus.SENDING);
            assertThat(e.claimedBy()).contains("a");
            assertThat(e.leaseUntil()).contains(now.plusSeconds(60));
            assertThat(e.attempts()).isEqualTo(1);
        });
        assertThat(b).extracting(e -> e.reference().get()).containsExactly("late");
        List<OutboxEntry> afterLease = store.claimDue("b", now.plusSeconds(60), now.plusSeconds(120), 10);
        assertThat(afterLease).extracting(e -> e.reference().get()).containsExactly("early", "now");
        assertThat(afterLease).allSatisfy(e -> assertThat(e.attempts()).isEqualTo(2));
    }

    @Test
    void updateWithAStaleVersionChangesNothing() {
        OutboxEntry e = store.insert(queued("v", now)).orElseThrow();
        OutboxEntry moved = store.update(e.toBuilder().folder(Folder.SENT).build()).orElseThrow();

        assertThat(moved.version()).isEqualTo(e.version() + 1);
        assertThat(store.update(e.toBuilder().folder(Folder.FAILED).build())).isEmpty();
        assertThat(store.get(e.id()).orElseThrow().folder()).isEqualTo(Folder.SENT);
        assertThat(store.delete(e.id(), e.version())).isFalse();
        assertThat(store.delete(e.id(), moved.version())).isTrue();
    }

    @Test
    void insertWithAKnownReferenceReturnsEmpty() {
        assertThat(store.insert(queued("dup", now))).isPresent();
        assertThat(store.insert(queued("dup", now))).isEmpty();
        assertThat(store.findByReference("dup")).isPresent();
        assertThat(store.findByProviderMessageId("x")).isEqualTo(Optional.empty());
    }
}
