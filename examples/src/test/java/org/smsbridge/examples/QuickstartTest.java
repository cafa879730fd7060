package org.smsbridge.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class QuickstartTest {

    @Test
    void quickstartSendsReportsSegmentsAndFindsBlockedWords() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Quickstart.run(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("accepted as console-1")
                .contains("2 sent, 1 failed").contains("INVALID_NUMBER")
                .contains("INVALID_SENDER: sender 'ACME SERVICES' has 13 characters")
                .contains("1 SMS · UCS-2")
                .contains("blocked word 'free'").contains("blocked word '免费'")
                .contains("would fail: BLOCKED_KEYWORD");
    }
}
