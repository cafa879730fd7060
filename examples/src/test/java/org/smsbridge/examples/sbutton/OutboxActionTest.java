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

    @Test
    void editingADraftReplacesItsTextOnly() {
        OutboxEntry draft = outbox.saveDraft(SmsMessage.builder().to("+8613800138000").reference("r-1")
                .text("您好").build(), org.smsbridge.scheduler.EntryOptions.builder().contact("customer-1").build());
        OutboxEntry edited = OutboxAction.editDraft(outbox, draft, "王伟您好，车已修好。");
        assertThat(edited.id()).isEqualTo(draft.id());
        assertThat(edited.message().text()).contains("王伟您好，车已修好。");
        assertThat(edited.message().reference()).contains("r-1");
        assertThat(edited.contact()).contains("customer-1");
        outbox.submitDraft(draft.id());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OutboxAction.editDraft(outbox, draft, "x"))
                .isInstanceOf(IllegalStateException.class);
    }
}
