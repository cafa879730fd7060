package org.smsbridge.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsException;
import org.smsbridge.spi.WebhookRequest;

class FakeSmsProviderTest {

    @Test
    void failNextQueuesOneFailurePerCall() {
        FakeSmsProvider fake = new FakeSmsProvider().failNext(ErrorKind.TIMEOUT).failNext(ErrorKind.AUTHENTICATION);
        SmsClient sms = SmsClient.builder().provider(fake).build();
        assertThatThrownBy(() -> sms.message().to("+306912345678").text("1").send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TIMEOUT));
        assertThatThrownBy(() -> sms.message().to("+306912345678").text("2").send())
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
        sms.message().to("+306912345678").text("3").send();
        assertThat(fake.attempts()).isEqualTo(3);
        assertThat(fake.sent()).hasSize(1);
    }

    @Test
    void parsesItsOwnReceiptWebhook() {
        FakeSmsProvider fake = new FakeSmsProvider();
        var receipts = fake.receipts().orElseThrow().parse(WebhookRequest.builder("POST", "http://localhost/r")
                .body("id=fake-7&status=UNDELIVERED&error=E1").build());
        assertThat(receipts).singleElement().satisfies(r -> {
            assertThat(r.messageId()).isEqualTo("fake-7");
            assertThat(r.status()).isEqualTo(MessageStatus.UNDELIVERED);
            assertThat(r.errorCode()).contains("E1");
        });
        assertThatThrownBy(() -> fake.receipts().orElseThrow().parse(WebhookRequest.builder("POST", "http://x")
                .body("foo=bar").build())).hasMessageContaining("needs form fields id and status");
    }

    @Test
    void consoleProviderPrintsMaskedRecipientSegmentsAndText() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ConsoleSmsProvider console = new ConsoleSmsProvider(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        SmsClient.builder().provider(console).build().message().to("+306912345678").from("ACME")
                .text("Καλημέρα").send();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("+30691****678").contains("from ACME").contains("1 segment, UCS-2")
                .contains("Καλημέρα").doesNotContain("6912345678");
    }

    @Test
    void lastToFindsMessagesByE164OrByTheNumberAsWritten() {
        FakeSmsProvider fake = new FakeSmsProvider();
        SmsClient sms = SmsClient.builder().provider(fake).defaultRegion("VN").build();
        sms.message().to("0912 345 678").text("first").send();
        sms.message().to("0912 345 679").text("other").send();
        assertThat(fake.lastTo("+84912345678")).hasValueSatisfying(s -> assertThat(s.text()).contains("first"));
        assertThat(fake.lastTo("0912 345 678")).hasValueSatisfying(s -> assertThat(s.text()).contains("first"));
        assertThat(fake.lastTo("+84 912 345 678")).isPresent();
        assertThat(fake.lastTo("+1 912 345 678")).isEmpty();
        assertThat(fake.lastTo("345 678")).isEmpty();
    }
}
