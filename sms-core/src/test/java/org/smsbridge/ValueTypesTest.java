package org.smsbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

    @Test
    void messageToBuilderMakesAnEqualCopy() {
        SmsMessage m = SmsMessage.builder().to("+306912345678").from("ACME").text("Hi {name}").reference("r1")
                .tag("vip").purpose(MessagePurpose.CUSTOMER_CARE).validUntil(Instant.parse("2030-01-01T00:00:00Z"))
                .putMetadata("operator", "maria").build();
        assertThat(m.toBuilder().build()).isEqualTo(m).hasSameHashCodeAs(m);
        assertThat(m.toBuilder().tag("other").build()).isNotEqualTo(m);
    }

    @Test
    void messageKeepsTemplateParameterOrder() {
        SmsMessage m = SmsMessage.builder().to("+8613800138000").templateId("T1")
                .putTemplateParam("z", "1").putTemplateParam("a", "2").putTemplateParam("m", "3").build();
        assertThat(m.templateParams().keySet()).containsExactly("z", "a", "m");
        assertThat(m.text()).isEmpty();
        assertThat(m.isTemplate()).isTrue();
    }

    @Test
    void messageCollectionsAreUnmodifiable() {
        SmsMessage m = SmsMessage.builder().to("+306912345678").text("x").putMetadata("k", "v").build();
        assertThatThrownBy(() -> m.metadata().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void messageBuilderSaysWhatIsMissing() {
        assertThatThrownBy(() -> SmsMessage.builder().text("x").build()).hasMessageContaining("no recipient");
        assertThatThrownBy(() -> SmsMessage.builder().to("+306912345678").build()).hasMessageContaining("no content");
        assertThatThrownBy(() -> SmsMessage.builder().to(" ")).hasMessage("to must not be blank; give the recipient's phone number");
        assertThatThrownBy(() -> SmsMessage.builder().from("")).hasMessageContaining("use the client's default sender");
    }

    @Test
    void messageToStringMasksTheNumberAndHidesTheText() {
        SmsMessage m = SmsMessage.builder().to("+306912345678").text("Your code is 482913").build();
        assertThat(m.toString()).contains("+30691****678").doesNotContain("482913").doesNotContain("6912345678");
    }

    @Test
    void exceptionCarriesKindCodeAndRetryability() {
        SmsException e = SmsException.builder(ErrorKind.PROVIDER_ERROR, "odd answer").providerCode("E42")
                .provider("acme").retryable(true).build();
        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_ERROR);
        assertThat(e.isRetryable()).isTrue();
        assertThat(e.providerCode()).contains("E42");
        assertThat(e.toString()).contains("PROVIDER_ERROR").contains("acme").contains("E42");
        assertThat(new SmsException(ErrorKind.INVALID_NUMBER, "x").isRetryable()).isFalse();
    }

    @Test
    void onlyTransientKindsAreRetryable() {
        assertThat(ErrorKind.values()).filteredOn(ErrorKind::isRetryable)
                .containsExactlyInAnyOrder(ErrorKind.RATE_LIMITED, ErrorKind.PROVIDER_UNAVAILABLE, ErrorKind.TIMEOUT);
    }

    @Test
    void batchResultRejectsEntriesOutOfOrder() {
        SmsMessage m = SmsMessage.builder().to("+306912345678").text("x").build();
        SmsException err = new SmsException(ErrorKind.TIMEOUT, "t");
        assertThatThrownBy(() -> new BatchResult(List.of(BatchResult.Entry.failure(1, m, err))))
                .isInstanceOf(IllegalArgumentException.class);
        BatchResult r = new BatchResult(List.of(BatchResult.Entry.failure(0, m, err)));
        assertThat(r.failed()).hasSize(1);
        assertThat(r.sent()).isEmpty();
    }

    @Test
    void receiptKeepsRawFieldsAndMasksNumberInToString() {
        DeliveryReceipt r = DeliveryReceipt.builder("m1", MessageStatus.UNDELIVERED).errorCode("30003")
                .to("+306912345678").rawFields(Map.of("MessageStatus", "undelivered")).build();
        assertThat(r.rawFields()).containsEntry("MessageStatus", "undelivered");
        assertThat(r.toString()).contains("+30691****678").doesNotContain("6912345678");
        assertThat(MessageStatus.UNDELIVERED.isFinal()).isTrue();
        assertThat(MessageStatus.QUEUED.isFinal()).isFalse();
    }
}
