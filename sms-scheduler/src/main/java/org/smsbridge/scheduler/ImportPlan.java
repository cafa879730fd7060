package org.smsbridge.scheduler;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.smsbridge.scheduler.internal.CsvCells;
import org.smsbridge.templates.TemplatePreview;

/**
 * A checked, previewed import that has not been sent: made by {@link BulkImport#plan}, started by
 * {@link BulkImport#start}. It holds counts and samples only (at most {@link #PREVIEW_ROWS} rows
 * a tag and {@link #REJECTED_SAMPLE} rejected rows), never the whole file; {@link #writeRejects}
 * reads the file again for the full list. Immutable and thread-safe.
 *
 * <pre>{@code
 * ImportPlan plan = bulk.plan(ImportSource.of(path), options);
 * plan.tags();                    // [vip (980/1000), new (45/50)]
 * plan.rows("vip");               // first 12 rows of "vip" with their variables
 * plan.firstMessage();            // the first customer's text with its segments
 * ImportConfirmation c = plan.confirmation();
 * }</pre>
 */
public final class ImportPlan {
    /** Rows of each tag kept for the preview (the seed shows the first 12). */
    public static final int PREVIEW_ROWS = 12;
    /** Rejected rows kept in the plan; {@link #writeRejects} gives them all. */
    public static final int REJECTED_SAMPLE = 100;

    /** The first accepted row of a tag, rendered. */
    record First(PreviewRow row, TemplatePreview preview) {
    }

    private final String planId;
    private final ImportSource source;
    private final ImportOptions options;
    private final String channel;
    private final Clock clock;
    private final Instant scannedAt;
    private final long rowsRead;
    private final long accepted;
    private final long rejected;
    private final Map<RejectReason, Long> rejectCounts;
    private final List<RejectedRow> rejectedSample;
    private final Map<String, TagSummary> tags;
    private final Map<String, List<PreviewRow>> rows;
    private final Map<String, First> firsts;
    /** SHA-256 of the file as it was checked and previewed. */
    private final byte[] contentDigest;

    ImportPlan(String planId, ImportSource source, ImportOptions options, String channel, Clock clock,
            Instant scannedAt, long rowsRead, long accepted, long rejected, Map<RejectReason, Long> rejectCounts,
            List<RejectedRow> rejectedSample, Map<String, TagSummary> tags, Map<String, List<PreviewRow>> rows,
            Map<String, First> firsts, byte[] contentDigest) {
        this.contentDigest = contentDigest.clone();
        this.planId = planId;
        this.source = source;
        this.options = options;
        this.channel = channel;
        this.clock = clock;
        this.scannedAt = scannedAt;
        this.rowsRead = rowsRead;
        this.accepted = accepted;
        this.rejected = rejected;
        this.rejectCounts = Collections.unmodifiableMap(new EnumMap<>(rejectCounts));
        this.rejectedSample = List.copyOf(rejectedSample);
        this.tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        Map<String, List<PreviewRow>> r = new LinkedHashMap<>();
        rows.forEach((k, v) -> r.put(k, List.copyOf(v)));
        this.rows = Collections.unmodifiableMap(r);
        this.firsts = Collections.unmodifiableMap(new LinkedHashMap<>(firsts));
    }

    /** Whether {@code digest} is the SHA-256 of the file as it was checked and previewed. */
    boolean sameContent(byte[] digest) {
        return java.security.MessageDigest.isEqual(contentDigest, digest);
    }

    /** The plan id: marks every entry of this import in the outbox as its {@code campaignId}. */
    public String planId() {
        return planId;
    }

    public ImportSource source() {
        return source;
    }

    public ImportOptions options() {
        return options;
    }

    /** When the file was checked. */
    public Instant scannedAt() {
        return scannedAt;
    }

    /** Data rows in the file (header and blank lines not counted). */
    public long rowsRead() {
        return rowsRead;
    }

    /** Rows that pass every check. */
    public long accepted() {
        return accepted;
    }

    /** Rows that do not. */
    public long rejected() {
        return rejected;
    }

    /** Rejected rows by reason (reasons without rows left out). */
    public Map<RejectReason, Long> rejectCounts() {
        return rejectCounts;
    }

    /** The first {@link #REJECTED_SAMPLE} rejected rows in file order. */
    public List<RejectedRow> rejectedSample() {
        return rejectedSample;
    }

    /** Every tag in order of first appearance, with "with a number / total" counts. */
    public List<TagSummary> tags() {
        return List.copyOf(tags.values());
    }

    /** The counts of {@code tag}, if the file has it. */
    public Optional<TagSummary> tag(String tag) {
        return Optional.ofNullable(tags.get(Objects.requireNonNull(tag, "tag")));
    }

    /** The first {@link #PREVIEW_ROWS} accepted rows of {@code tag} with their variables; empty if none. */
    public List<PreviewRow> rows(String tag) {
        return rows.getOrDefault(Objects.requireNonNull(tag, "tag"), List.of());
    }

    /** The first accepted row of the file (the "first customer"), if any row is accepted. */
    public Optional<PreviewRow> firstRow() {
        return firsts.values().stream().map(First::row).min((a, b) -> Long.compare(a.line(), b.line()));
    }

    /** The first customer's message rendered through the template, with its segments and encoding. */
    public Optional<TemplatePreview> firstMessage() {
        return firsts.values().stream().min((a, b) -> Long.compare(a.row().line(), b.row().line()))
                .map(First::preview);
    }

    /** The first customer of {@code tag}'s message, rendered through the template. */
    public Optional<TemplatePreview> firstMessage(String tag) {
        return Optional.ofNullable(firsts.get(Objects.requireNonNull(tag, "tag"))).map(First::preview);
    }

    /** Like {@link #confirmation(Collection)} with every tag selected. */
    public ImportConfirmation confirmation() {
        return confirmation(tags.keySet());
    }

    /**
     * The summary to confirm before sending {@code selectedTags}: channel, groups, message count,
     * time (now if the execution time has passed), template and estimated segments.
     *
     * @throws IllegalArgumentException if a tag is not in the file, or none is given
     */
    public ImportConfirmation confirmation(Collection<String> selectedTags) {
        Set<String> selected = checkTags(selectedTags);
        long messages = 0;
        long segments = 0;
        for (String t : selected) {
            TagSummary s = tags.get(t);
            messages += s.accepted();
            segments += s.segments();
        }
        Instant now = clock.instant();
        Instant at = options.executeAt().filter(t -> t.isAfter(now)).orElse(now);
        return new ImportConfirmation(planId, channel, source.name(), new ArrayList<>(selected), messages, rejected,
                at, at.isAfter(now), options.templateName(), segments);
    }

    Set<String> checkTags(Collection<String> selectedTags) {
        Objects.requireNonNull(selectedTags, "tags");
        Set<String> selected = new LinkedHashSet<>();
        for (String t : selectedTags) {
            if (!tags.containsKey(Objects.requireNonNull(t, "tag"))) {
                throw new IllegalArgumentException("tag '" + t + "' is not in " + source.name()
                        + "; the file's tags are " + tags.keySet());
            }
            selected.add(t);
        }
        if (selected.isEmpty() && !tags.isEmpty()) {
            throw new IllegalArgumentException("no tag selected; select at least one of " + tags.keySet());
        }
        return selected;
    }

    /**
     * Reads the file again and writes every rejected row as CSV (line, column, reason, message,
     * value), cells escaped against formula injection; memory stays flat however many there are.
     *
     * @return the number of rows written (without the header)
     * @throws java.io.UncheckedIOException if the file cannot be read or {@code out} fails
     */
    public long writeRejects(Appendable out) {
        Objects.requireNonNull(out, "out");
        List<RejectedRow> none = List.of();
        RejectedRow.writeCsv(none, out);
        long[] n = {0};
        new ImportReading(options).read(source, () -> false, new ImportReading.Handler() {
            @Override
            public void accepted(long line, String phone, String tag, Map<String, String> values, String text) {
            }

            @Override
            public void rejected(RejectedRow row, Optional<String> tag, boolean hadNumber) {
                CsvCells.writeRecord(out, row.cells());
                n[0]++;
            }
        });
        return n[0];
    }

    @Override
    public String toString() {
        return "ImportPlan{" + planId + ", " + source.name() + ", rows=" + rowsRead + ", accepted=" + accepted
                + ", rejected=" + rejected + ", tags=" + tags.values() + '}';
    }
}
