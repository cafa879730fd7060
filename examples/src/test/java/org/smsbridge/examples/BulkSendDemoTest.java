package org.smsbridge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BulkSendDemoTest {

    @Test
    void demoPreviewsConfirmsAndSendsTheSampleFile() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BulkSendDemo.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("13 rows, 9 accepted, 4 rejected")
                .contains("vip (7/7)").contains("new (4/5)")
                .contains("\"Dear 王小明, your order A-1001 has shipped. 已发货 · Στάλθηκε · Đã gửi\"")
                .contains("DUPLICATE_NUMBER").contains("BAD_NUMBER").contains("MISSING_VARIABLE")
                .contains("MISSING_TAG")
                .contains("Channel:   console").contains("Messages:  9")
                .contains("COMPLETED: 9 messages pending in the outbox = 9")
                .contains("sent list: 9, failed list: 0, pending: 0")
                .contains("Nguyễn Thị Hương").contains("Γιώργος Παπαδόπουλος").contains("[" + "#".repeat(30) + "] 100%");
    }
}
