package org.smsbridge.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.smsbridge.SmsClient;
import org.smsbridge.scheduler.BulkImport;
import org.smsbridge.scheduler.ImportConfirmation;
import org.smsbridge.scheduler.ImportOptions;
import org.smsbridge.scheduler.ImportPlan;
import org.smsbridge.scheduler.ImportProgress;
import org.smsbridge.scheduler.ImportRun;
import org.smsbridge.scheduler.ImportSource;
import org.smsbridge.scheduler.Outbox;
import org.smsbridge.scheduler.OutboxStore;
import org.smsbridge.scheduler.PreviewRow;
import org.smsbridge.scheduler.RejectedRow;
import org.smsbridge.scheduler.TagSummary;
import org.smsbridge.templates.Template;
import org.smsbridge.templates.TemplatePreview;
import org.smsbridge.testing.ConsoleSmsProvider;

/**
 * Bulk sending from a file, as the seed's "send in bulk" screens do it: imports a sample CSV with
 * customers in Chinese, Greek, Vietnamese and English, shows a progress bar, the tags with
 * "with a number / total" counts, the first rows of a tag with their variables, the first customer's
 * message with its segments, the rejected rows and the confirmation; then enqueues everything into
 * an in-memory outbox and sends it through the console provider.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am install -DskipTests && mvn -B -q -pl examples exec:java -Dexec.mainClass=org.smsbridge.examples.BulkSendDemo}.
 */
public final class BulkSendDemo {
    static final String SAMPLE = "bulk-send-sample.csv";

    private BulkSendDemo() {
    }

    /** Runs the demo; prints to standard output in UTF-8. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        run(out);
    }

    static void run(PrintStream out) {
        ImportSource file = ImportSource.of(SAMPLE, sample());
        try (SmsClient sms = SmsClient.builder().provider(new ConsoleSmsProvider(out)).defaultSender("ACME").build();
                Outbox outbox = Outbox.builder().client(sms).store(OutboxStore.inMemory()).autoSend(false).build()) {
            BulkImport bulk = BulkImport.builder().outbox(outbox).channel(sms.provider().name()).batchSize(4).build();
            ImportOptions options = ImportOptions.builder()
                    .phoneColumn("phone")
                    .variable("name", "name")
                    .variable("order", "order")
                    .tagColumn("tag")
                    .template(Template.compile("Dear {name}, your order {order} has shipped. 已发货 · Στάλθηκε · Đã gửi"))
                    .templateName("order shipped (4 languages)")
                    .build();

            out.println("== 1. Import " + SAMPLE + " (checks every row; nothing is sent yet) ==");
            ImportPlan plan = bulk.plan(file, options, p -> bar(out, "checking", p));
            out.println("   plan " + plan.planId() + ": " + plan.rowsRead() + " rows, " + plan.accepted()
                    + " accepted, " + plan.rejected() + " rejected");

            out.println();
            out.println("== 2. Tags (with a number / total) ==");
            for (TagSummary t : plan.tags()) {
                out.println("   " + t + ": " + t.accepted() + " to send, " + t.segments() + " SMS segments");
            }

            out.println();
            out.println("== 3. First rows of tag 'vip' and their variables ==");
            for (PreviewRow r : plan.rows("vip")) {
                out.println("   line " + r.line() + "  " + r.phone() + "  " + r.variables());
            }

            out.println();
            out.println("== 4. The first customer's message ==");
            TemplatePreview first = plan.firstMessage().orElseThrow();
            out.println("   \"" + first.text() + "\"");
            out.println("   " + first.segmentInfo().summary());

            out.println();
            out.println("== 5. Rejected rows (exportable as CSV) ==");
            StringWriter csv = new StringWriter();
            plan.writeRejects(csv);
            for (RejectedRow r : plan.rejectedSample()) {
                out.println("   line " + r.line() + (r.column().isPresent() ? ", column " + r.column().getAsInt() : "")
                        + ": " + r.reason() + " - " + r.message());
            }
            out.println("   as CSV:");
            csv.toString().lines().forEach(l -> out.println("     " + l));

            out.println();
            out.println("== 6. Confirm before sending ==");
            ImportConfirmation confirmation = plan.confirmation();
            confirmation.summary().lines().forEach(l -> out.println("   " + l));
            out.println("   (confirmed automatically in this demo)");

            out.println();
            out.println("== 7. Start: everything goes into the outbox (pending list) ==");
            ImportRun run = bulk.start(plan, confirmation.tags(), p -> bar(out, "enqueuing", p));
            ImportProgress done = run.completion().join();
            out.println("   " + done.state() + ": " + done.enqueued() + " messages pending in the outbox = "
                    + outbox.count(BulkImport.pending(plan.planId())));

            out.println();
            out.println("== 8. The outbox sends them (console provider) ==");
            outbox.sendNow().join();
            out.println("   sent list: " + outbox.count(BulkImport.sent(plan.planId())) + ", failed list: "
                    + outbox.count(BulkImport.failed(plan.planId())) + ", pending: "
                    + outbox.count(BulkImport.pending(plan.planId())));
        }
    }

    /** A one-line terminal progress bar, redrawn with a carriage return. */
    static void bar(PrintStream out, String what, ImportProgress p) {
        int width = 30;
        double f = p.expectedRows().isPresent() ? p.fraction() : 0;
        int filled = (int) Math.round(f * width);
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        String percent = p.expectedRows().isPresent() ? String.format("%3d%%", Math.round(f * 100)) : " ...";
        out.print("\r   " + what + " [" + bar + "] " + percent + "  rows " + p.rowsRead() + ", accepted " + p.accepted()
                + ", rejected " + p.rejected() + ", enqueued " + p.enqueued() + "   ");
        if (p.state().isFinal() || p.state() == ImportProgress.State.PLANNED) {
            out.println();
        }
        out.flush();
    }

    private static byte[] sample() {
        try (InputStream in = BulkSendDemo.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IllegalStateException(SAMPLE + " is missing from the examples' resources");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
