package org.smsbridge.examples.sbutton;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.smsbridge.scheduler.Folder;
import org.smsbridge.scheduler.Outbox;
import org.smsbridge.scheduler.OutboxBatch;
import org.smsbridge.scheduler.OutboxEntry;

/**
 * The right-click actions of the Outbox window (seed 000), and which folder allows which:
 *
 * <table>
 * <caption>actions per folder</caption>
 * <tr><th>folder</th><th>actions</th></tr>
 * <tr><td>Outbox</td><td>delete</td></tr>
 * <tr><td>Sent</td><td>resend, delete</td></tr>
 * <tr><td>Drafts</td><td>submit, delete (and edit one draft: {@link #editDraft})</td></tr>
 * <tr><td>Deleted</td><td>restore, resend, purge</td></tr>
 * <tr><td>Failed</td><td>resend, delete</td></tr>
 * </table>
 *
 * <p>Each applies to a multi-selection through the outbox's batch methods, which never throw for
 * one bad id.
 */
public enum OutboxAction {
    /** Drafts → Outbox ({@link Outbox#submitDrafts}). */
    SUBMIT_DRAFT("Submit draft", EnumSet.of(Folder.DRAFTS)),
    /** A new outbox entry with the same message ({@link Outbox#resendAll}). */
    RESEND("Resend", EnumSet.of(Folder.SENT, Folder.FAILED, Folder.DELETED)),
    /** Back to the folder it was deleted from ({@link Outbox#restoreAll}). */
    RESTORE("Restore", EnumSet.of(Folder.DELETED)),
    /** To Deleted ({@link Outbox#deleteAll}). */
    DELETE("Delete", EnumSet.of(Folder.OUTBOX, Folder.SENT, Folder.DRAFTS, Folder.FAILED)),
    /** Removed for good ({@link Outbox#purgeAll}). */
    PURGE("Delete for good", EnumSet.of(Folder.DELETED));

    private final String label;
    private final Set<Folder> folders;

    OutboxAction(String label, Set<Folder> folders) {
        this.label = label;
        this.folders = folders;
    }

    /** The menu label. */
    public String label() {
        return label;
    }

    /** Whether the action applies to entries in {@code folder}. */
    public boolean allowedIn(Folder folder) {
        return folders.contains(folder);
    }

    /** The actions allowed in {@code folder}, in menu order. */
    public static List<OutboxAction> allowedFor(Folder folder) {
        return EnumSet.allOf(OutboxAction.class).stream().filter(a -> a.allowedIn(folder)).toList();
    }

    /**
     * The actions allowed for a selection spanning {@code folders} (the comprehensive query can mix
     * folders): those every selected folder allows. Empty for an empty selection.
     */
    public static List<OutboxAction> allowedForAll(Collection<Folder> folders) {
        if (folders.isEmpty()) {
            return List.of();
        }
        return EnumSet.allOf(OutboxAction.class).stream().filter(a -> folders.stream().allMatch(a::allowedIn))
                .toList();
    }

    /**
     * "Edit draft": replaces the text of a draft, keeping its recipient, reference and options.
     *
     * @throws IllegalStateException if the entry is no longer a draft
     */
    public static OutboxEntry editDraft(Outbox outbox, OutboxEntry draft, String text) {
        return outbox.updateDraft(draft.id(), draft.message().toBuilder().text(text).build());
    }

    /** Applies the action to the selected entries; skipped ids come back with the reason. */
    public OutboxBatch apply(Outbox outbox, Collection<Long> ids) {
        return switch (this) {
            case SUBMIT_DRAFT -> outbox.submitDrafts(ids);
            case RESEND -> outbox.resendAll(ids);
            case RESTORE -> outbox.restoreAll(ids);
            case DELETE -> outbox.deleteAll(ids);
            case PURGE -> outbox.purgeAll(ids);
        };
    }
}
