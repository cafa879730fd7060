package org.smsbridge.examples.sbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.smsbridge.examples.sbutton.OutboxAction.DELETE;
import static org.smsbridge.examples.sbutton.OutboxAction.PURGE;
import static org.smsbridge.examples.sbutton.OutboxAction.RESEND;
import static org.smsbridge.examples.sbutton.OutboxAction.RESTORE;
import static org.smsbridge.examples.sbutton.OutboxAction.SUBMIT_DRAFT;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.smsbridge.SmsMessage;
import org.smsbridge.scheduler.Folder;
import org.smsbridge.scheduler.Outbox;
import org.smsbridge.scheduler.OutboxBatch;
import org.smsbridge.scheduler.OutboxEntry;
import org.smsbridge.testing.FakeSmsProvider;

class OutboxActionTest {
    private final FakeSmsProvider fake = new FakeSmsProvider();
    private final Outbox outbox = Fixtures.outbox(fake);

    @AfterEach
    void close() {
        outbox.close();
    }

    @Test
    void eachFolderAllowsTheActionsOfTheManual() {
        assertThat(OutboxAction.allowedFor(Folder.OUTBOX)).containsExactly(DELETE);
        assertThat(OutboxAction.allowedFor(Folder.SENT)).containsExactly(RESEND, DELETE);
        assertThat(OutboxAction.allowedFor(Folder.DRAFTS)).containsExactly(SUBMIT_DRAFT, DELETE);
        assertThat(OutboxAction.allowedFor(Folder.DELETED)).containsExactly(RESEND, RESTORE, PURGE);
        assertThat(OutboxAction.allowedFor(Folder.FAILED)).containsExactly(RESEND, DELETE);
    }

    @Test
    void aMixedSelectionAllowsWhatEveryFolderAllows() {
        assertThat(OutboxAction.allowedForAll(EnumSet.of(Folder.SENT, Folder.FAILED))).containsExactly(RESEND, DELETE);
        assertThat(OutboxAction.allowedForAll(EnumSet.of(Folder.SENT, Folder.DELETED))).containsExactly(RESEND);
        assertThat(OutboxAction.allowedForAll(EnumSet.of(Folder.DRAFTS, Folder.DELETED))).isEmpty();
        assertThat(OutboxAction.allowedForAll(Set.of())).isEmpty();
    }

    @Test
    void everyAllowedActionWorksOnTheOutboxAndAForbiddenOneIsSkippedWithTheReason() {
        OutboxEntry draft = outbox.saveDraft(SmsMessage.builder().to("+306912345678").text("Γεια σας").build());
        OutboxEntry queued = outbox.enqueue(SmsMessage.builder().to("+84912345678").text("Xin chào").build());

        OutboxBatch submitted = SUBMIT_DRAFT.apply(outbox, List.of(draft.id(), queued.id()));
        assertThat(submitted.changed()).extracting(OutboxEntry::folder).containsExactly(Folder.OUTBOX);
        assertThat(submitted.skipped()).containsOnlyKeys(queued.id());

        outbox.sendNow().join();
        assertThat(outbox.get(draft.id()).orElseThrow().folder()).isEqualTo(Folder.SENT);

        OutboxBatch resent = RESEND.apply(outbox, List.of(draft.id()));
        assertThat(resent.changed()).singleElement().satisfies(e -> {
            assertThat(e.folder()).isEqualTo(Folder.OUTBOX);
            assertThat(e.resendOf()).contains(draft.id());
        });
        assertThat(DELETE.apply(outbox, List.of(draft.id())).changed()).extracting(OutboxEntry::folder)
                .containsExactly(Folder.DELETED);
        assertThat(RESTORE.apply(outbox, List.of(draft.id())).changed()).extracting(OutboxEntry::folder)
                .containsExactly(Folder.SENT);
        DELETE.apply(outbox, List.of(draft.id()));
        assertThat(PURGE.apply(outbox, List.of(draft.id())).changed()).hasSize(1);
        assertThat(outbox.get(draft.id())).isEmpty();
    }
}
