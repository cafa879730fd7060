package org.smsbridge.examples.sbutton;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.scheduler.Folder;
import org.smsbridge.scheduler.OutboxQuery;

class QueryFormTest {
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");

    @Test
    void anEmptyFormMatchesEverythingInTheChosenFolder() {
        QueryForm form = new QueryForm();
        OutboxQuery q = form.build(EnumSet.of(Folder.SENT), ATHENS).query().orElseThrow();
        assertThat(q.folders()).containsExactly(Folder.SENT);
        assertThat(q.operator()).isEmpty();
        assertThat(q.phone()).isEmpty();
        assertThat(q.createdFrom()).isEmpty();
        assertThat(q.sort()).isEqualTo(OutboxQuery.Sort.CREATED_AT);
        assertThat(q.descending()).isTrue();
        assertThat(form.build(Set.of(), ATHENS).query().orElseThrow().folders())
                .as("no folder: the comprehensive query over all").containsExactlyInAnyOrder(Folder.values());
    }

    @Test
    void everyFieldBecomesAQueryCondition() {
        QueryForm form = new QueryForm();
        form.operator = " maria ";
        form.contact = "customer-3";
        form.phone = "+30691";
        form.content = " έτοιμο";
        form.tag = "s-button";
        form.campaign = "spring";
        form.status = MessageStatus.DELIVERED;
        form.errorKind = ErrorKind.INVALID_NUMBER;
        form.sort = OutboxQuery.Sort.SENT_AT;
        form.descending = false;
        form.limit = 50;
        OutboxQuery q = form.build(EnumSet.of(Folder.SENT), ATHENS).query().orElseThrow();
        assertThat(q.operator()).contains("maria");
        assertThat(q.contact()).contains("customer-3");
        assertThat(q.phone()).contains("+30691");
        assertThat(q.content()).as("text is searched as typed").contains(" έτοιμο");
        assertThat(q.tag()).contains("s-button");
        assertThat(q.campaignId()).contains("spring");
        assertThat(q.statuses()).containsExactly(MessageStatus.DELIVERED);
        assertThat(q.errorKinds()).containsExactly(ErrorKind.INVALID_NUMBER);
        assertThat(q.sort()).isEqualTo(OutboxQuery.Sort.SENT_AT);
        assertThat(q.descending()).isFalse();
        assertThat(q.limit()).isEqualTo(50);
    }

    @Test
    void datesAreWholeDaysInTheUsersZoneWithBothEndsIncluded() {
        QueryForm form = new QueryForm();
        form.createdFrom = "2026-11-01";
        form.createdTo = "2026-11-24";
        OutboxQuery q = form.build(Set.of(), ATHENS).query().orElseThrow();
        assertThat(q.createdFrom()).contains(Instant.parse("2026-10-31T22:00:00Z"));
        assertThat(q.createdTo()).contains(Instant.parse("2026-11-24T22:00:00Z"));
    }

    @Test
    void oneEndAloneIsAnOpenRange() {
        QueryForm form = new QueryForm();
        form.sentFrom = "2026-11-01";
        form.scheduledTo = "2026-12-31";
        OutboxQuery q = form.build(Set.of(), ATHENS).query().orElseThrow();
        assertThat(q.sentFrom()).contains(Instant.parse("2026-10-31T22:00:00Z"));
        assertThat(q.sentTo()).contains(QueryForm.FAR_FUTURE);
        assertThat(q.scheduledFrom()).contains(QueryForm.FAR_PAST);
        assertThat(q.scheduledTo()).contains(Instant.parse("2026-12-31T22:00:00Z"));
    }

    @Test
    void badFieldsAreAllReportedByName() {
        QueryForm form = new QueryForm();
        form.createdFrom = "24/11/2026";
        form.sentFrom = "2026-11-24";
        form.sentTo = "2026-11-01";
        form.operator = "x".repeat(101);
        form.limit = 0;
        QueryForm.Result r = form.build(Set.of(), ATHENS);
        assertThat(r.query()).isEmpty();
        assertThat(r.errors()).hasSize(4)
                .contains("created from: '24/11/2026' is not a date; write it as yyyy-MM-dd, e.g. 2026-11-24")
                .contains("sent: the range ends (2026-11-01) before it starts (2026-11-24)")
                .anyMatch(e -> e.startsWith("operator: "))
                .anyMatch(e -> e.contains("limit"));
    }

    @Test
    void clearEmptiesTheForm() {
        QueryForm form = new QueryForm();
        form.phone = "+30";
        form.status = MessageStatus.SENT;
        form.createdTo = "2026-01-01";
        form.clear();
        OutboxQuery q = form.build(Set.of(), ATHENS).query().orElseThrow();
        assertThat(q).isEqualTo(new QueryForm().build(Set.of(), ATHENS).query().orElseThrow());
    }
}
