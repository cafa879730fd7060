package org.smsbridge.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.smsbridge.MessageStatus.DELIVERED;
import static org.smsbridge.MessageStatus.EXPIRED;
import static org.smsbridge.MessageStatus.FAILED;
import static org.smsbridge.MessageStatus.QUEUED;
import static org.smsbridge.MessageStatus.SENT;
import static org.smsbridge.MessageStatus.UNDELIVERED;
import static org.smsbridge.MessageStatus.UNKNOWN;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMappingTest {
    @Test
    void mapsWordsCaseInsensitivelyAndUnknownWordsToUnknown() {
        StatusMapping m = StatusMapping.builder().map(DELIVERED, "DELIVRD", "delivered").build();
        assertThat(m.of("Delivered")).isEqualTo(DELIVERED);
        assertThat(m.of(" delivrd ")).isEqualTo(DELIVERED);
        assertThat(m.of("whatever")).isEqualTo(UNKNOWN);
        assertThat(m.of(null)).isEqualTo(UNKNOWN);
    }

    @Test
    void aMessageIsDeliveredOnlyWhenEveryPartIs() {
        assertThat(StatusMapping.combine(List.of(DELIVERED, DELIVERED, DELIVERED))).isEqualTo(DELIVERED);
        assertThat(StatusMapping.combine(List.of(DELIVERED, SENT, DELIVERED))).isEqualTo(SENT);
        assertThat(StatusMapping.combine(List.of(SENT, QUEUED))).isEqualTo(QUEUED);
    }

    @Test
    void anyFailedPartFailsTheMessage() {
        assertThat(StatusMapping.combine(List.of(DELIVERED, UNDELIVERED))).isEqualTo(UNDELIVERED);
        assertThat(StatusMapping.combine(List.of(EXPIRED, FAILED, DELIVERED))).isEqualTo(FAILED);
        assertThat(StatusMapping.combine(List.of(UNKNOWN, DELIVERED))).isEqualTo(UNKNOWN);
    }

    @Test
    void combiningNothingIsAProgrammingError() {
        assertThatThrownBy(() -> StatusMapping.combine(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
