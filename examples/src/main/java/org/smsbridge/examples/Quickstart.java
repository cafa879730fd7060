package org.smsbridge.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.smsbridge.BatchResult;
import org.smsbridge.ContentReport;
import org.smsbridge.SendResult;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.filter.FilterPolicy;
import org.smsbridge.filter.KeywordFilter;
import org.smsbridge.testing.ConsoleSmsProvider;
import org.smsbridge.text.SegmentInfo;
import org.smsbridge.text.SmsText;

/**
 * The first program to run: sends a few messages through the console provider (no account
 * needed), shows what texts in four scripts cost as SMS, and checks a text for blocked keywords.
 *
 * <p>Run it with {@code mvn -B -q -pl examples -am install -DskipTests && mvn -B -q -pl examples exec:java}.
 */
public final class Quickstart {
    private Quickstart() {
    }

    /** Runs the demo; prints to standard output in UTF-8. */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        run(out);
    }

    static void run(PrintStream out) {
        out.println("== 1. Send through the console provider (prints instead of sending) ==");
        try (SmsClient sms = SmsClient.builder()
                .provider(new ConsoleSmsProvider(out))
                .defaultSender("ACME")
                .defaultRegion("GR")
                .maxSegments(6)
                .build()) {

            SendResult r = sms.message().to("691 234 5678").text("Your car ABC-1234 is ready. Total: 120.50 EUR")
                    .reference("repair-7781").send();
            out.println("   -> accepted as " + r.messageId() + ", to " + r.to() + ", " + r.segments() + " segment(s)");

            out.println();
            out.println("== 2. Batch send: one bad number does not stop the others ==");
            BatchResult batch = sms.sendAll(List.of(
                    SmsMessage.builder().to("+86 138 0013 8000").text("您的车辆已修好，请到店取车。").build(),
                    SmsMessage.builder().to("12").text("This number is too short").build(),
                    SmsMessage.builder().to("+84 912 345 678").text("Xe của quý khách đã sửa xong.").build()));
            out.println("   -> " + batch.successCount() + " sent, " + batch.failureCount() + " failed");
            batch.failed().forEach(e -> out.println("      message " + (e.index() + 1) + " of 3: " + e.error().orElseThrow().kind()
                    + " - " + e.error().orElseThrow().getMessage()));

            out.println();
            out.println("== 3. A bad sender caption is refused with the reason ==");
            try {
                sms.message().to("6912345678").from("ACME SERVICES").text("Hello").send();
            } catch (SmsException e) {
                out.println("   -> " + e.kind() + ": " + e.getMessage());
            }
        }

        out.println();
        out.println("== 4. What a text costs: encoding and segments ==");
        for (String text : List.of(
                "Your car ABC-1234 is ready. Total: 120.50 EUR",
                "Το αυτοκίνητό σας είναι έτοιμο. Σύνολο: 120,50 €",
                "尊敬的客户，您的车辆已完成保养，请于今天下午五点前到店取车。感谢您的信任！",
                "Kính gửi quý khách, xe của quý khách đã được bảo dưỡng xong.",
                "It’s ready – see you soon…")) {
            SegmentInfo info = SmsText.analyze(text);
            out.println("   " + info.summary() + "  | " + text);
            if (!info.nonGsmCharacters().isEmpty()) {
                SegmentInfo smart = SmsText.analyze(text, true);
                if (smart.smartReplacements() > 0) {
                    out.println("      with smart encoding: " + smart.summary() + " (" + smart.smartReplacements()
                            + " look-alikes replaced)");
                }
            }
        }

        out.println();
        out.println("== 5. Check a text for blocked keywords before sending ==");
        KeywordFilter filter = KeywordFilter.builder().add("free").add("免费").add("δωρεάν").add("miễn phí").build();
        try (SmsClient checked = SmsClient.builder().provider(new ConsoleSmsProvider(out))
                .keywordFilter(filter, FilterPolicy.REJECT).build()) {
            String text = "Get a FREE oil change, 免费洗车!";
            ContentReport report = checked.check(SmsMessage.builder().to("+306912345678").text(text).build());
            out.println("   text: " + text);
            report.keywordHits().forEach(h -> out.println("   blocked word '" + h.keyword() + "' at " + h.start() + ".."
                    + h.end() + " (\"" + h.matchedIn(text) + "\")"));
            report.problems().forEach(p -> out.println("   would fail: " + p.kind() + " - " + p.message()));
        }
    }
}
