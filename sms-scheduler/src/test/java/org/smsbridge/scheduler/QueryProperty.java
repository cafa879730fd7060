package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsMessage;

/**
 * Property check shared by every store: random entries, random queries, and the store's answer
 * must equal filtering all entries with {@link OutboxQuery#matches}, sorting with
 * {@link OutboxQuery#comparator()} and paging.
 */
final class QueryProperty {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    private static final String[] TEXTS = {"50% off today", "100_percent sure", "a!b", "Το αυτοκίνητο είναι έτοιμο",
        "您的车已准备好", "Xe của bạn đã sẵn sàng", "Your car is ready", "YOUR CAR IS READY", "", "under_score 5%"};
    private static final String[] CONTENT = {"%", "_", "!", "0%", "ready", "READY", "αυτο", "准备", "sẵn", "e", "5%",
        "r_s", "car is"};
    private static final String[] PHONES = {"+306912345678", "+306987654321", "+8613812345678", "+84912345678"};
    private static final String[] PHONE_FILTERS = {"+30", "691", "8613", "5678", "_", "%", "+849"};
    private static final String[] NAMES = {"maria", "nikos", "lan", "wei"};

    private QueryProperty() {
    }

    static List<OutboxEntry> fill(OutboxStore store, Random r, int n) {
        List<OutboxEntry> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            SmsMessage.Builder m = SmsMessage.builder().to(pick(r, PHONES)).text(pick(r, TEXTS));
            if (r.nextBoolean()) {
                m.tag(pick(r, NAMES));
            }
            if (r.nextInt(3) > 0) {
                m.reference("ref-" + i);
            }
            EntryOptions.Builder o = EntryOptions.builder();
            if (r.nextBoolean()) {
                o.operator(pick(r, NAMES));
            }
            if (r.nextBoolean()) {
                o.contact("contact-" + r.nextInt(4));
            }
            if (r.nextBoolean()) {
                o.campaignId("camp-" + r.nextInt(3));
            }
            Instant created = T0.plusMillis(r.nextInt(100_000));
            Folder folder = Folder.values()[r.nextInt(Folder.values().length)];
            MessageStatus status = MessageStatus.values()[r.nextInt(MessageStatus.values().length)];
            OutboxEntry.Builder e = OutboxEntry.builder().folder(folder).status(status).message(m.build())
                    .options(o.build()).createdAt(created).nextAttemptAt(created.plusMillis(r.nextInt(1000)))
                    .attempts(r.nextInt(4));
            if (r.nextBoolean()) {
                e.sentAt(Optional.of(created.plusMillis(r.nextInt(50_000))));
            }
            if (r.nextBoolean()) {
                e.scheduledAt(Optional.of(created.plusMillis(r.nextInt(200_000))));
            }
            if (r.nextInt(3) == 0) {
                ErrorKind k = ErrorKind.values()[r.nextInt(ErrorKind.values().length)];
                e.lastError(Optional.of(k), Optional.of("failed with " + k));
            }
            out.add(store.insert(e.build()).orElseThrow());
        }
        return out;
    }

    static OutboxQuery randomQuery(Random r) {
        OutboxQuery.Builder q = OutboxQuery.builder();
        if (r.nextInt(3) == 0) {
            q.folder(Folder.values()[r.nextInt(Folder.values().length)]);
            if (r.nextBoolean()) {
                q.folder(Folder.values()[r.nextInt(Folder.values().length)]);
            }
        }
        if (r.nextInt(4) == 0) {
            q.status(MessageStatus.values()[r.nextInt(MessageStatus.values().length)]);
        }
        if (r.nextInt(6) == 0) {
            q.errorKinds(EnumSet.of(ErrorKind.values()[r.nextInt(ErrorKind.values().length)], ErrorKind.TIMEOUT));
        }
        if (r.nextInt(4) == 0) {
            q.operator(pick(r, NAMES));
        }
        if (r.nextInt(5) == 0) {
            q.contact("contact-" + r.nextInt(4));
        }
        if (r.nextInt(5) == 0) {
            q.tag(pick(r, NAMES));
        }
        if (r.nextInt(6) == 0) {
            q.campaignId("camp-" + r.nextInt(3));
        }
        if (r.nextInt(4) == 0) {
            q.phone(pick(r, PHONE_FILTERS));
        }
        if (r.nextInt(3) == 0) {
            q.content(pick(r, CONTENT));
        }
        if (r.nextInt(4) == 0) {
            Instant from = T0.plusMillis(r.nextInt(100_000)).plusNanos(r.nextInt(3) == 0 ? 500 : 0);
            q.createdBetween(from, from.plusMillis(r.nextInt(60_000)));
        }
        if (r.nextInt(5) == 0) {
            Instant from = T0.plusMillis(r.nextInt(150_000));
            q.sentBetween(from, from.plus(Duration.ofSeconds(r.nextInt(100))));
        }
        if (r.nextInt(5) == 0) {
            Instant from = T0.plusMillis(r.nextInt(300_000));
            q.scheduledBetween(from, from.plus(Duration.ofSeconds(r.nextInt(200))));
        }
        q.sort(OutboxQuery.Sort.values()[r.nextInt(OutboxQuery.Sort.values().length)], r.nextBoolean());
        q.offset(r.nextInt(4) == 0 ? r.nextInt(30) : 0).limit(1 + r.nextInt(60));
        return q.build();
    }

    /** Checks {@code queries} random queries against {@code store} holding {@code entries}. */
    static void check(OutboxStore store, Random r, int queries) {
        List<OutboxEntry> all = store.query(OutboxQuery.builder().limit(OutboxQuery.MAX_LIMIT).build());
        int nonEmpty = 0;
        for (int i = 0; i < queries; i++) {
            OutboxQuery q = randomQuery(r);
            List<OutboxEntry> matching = all.stream().filter(q::matches).sorted(q.comparator()).toList();
            List<Long> expected = matching.stream().skip(q.offset()).limit(q.limit()).map(OutboxEntry::id).toList();
            assertThat(store.query(q)).as(q.toString()).extracting(OutboxEntry::id).containsExactlyElementsOf(expected);
            assertThat(store.count(q)).as("count " + q).isEqualTo(matching.size());
            if (!expected.isEmpty()) {
                nonEmpty++;
            }
        }
        assertThat(nonEmpty).as("the generator must produce queries that find something").isGreaterThan(queries / 4);
    }

    private static String pick(Random r, String[] values) {
        return values[r.nextInt(values.length)];
    }
}
