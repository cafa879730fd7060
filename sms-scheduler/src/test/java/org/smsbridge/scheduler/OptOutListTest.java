package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class OptOutListTest {
    static void behavesAsAnOptOutList(OptOutList list) {
        Instant at = Instant.parse("2026-03-02T03:00:00Z");
        assertThat(list.contains("+84912345678")).isFalse();
        assertThat(list.add("+84912345678", at, "reply: HỦY")).isTrue();
        assertThat(list.add("+84912345678", at.plusSeconds(60), "reply: STOP")).as("second add keeps the first").isFalse();
        assertThat(list.add("+8613800138000", at, "回复: 退订")).isTrue();
        assertThat(list.add("+306912345678", at, "απάντηση: ΔΙΑΓΡΑΦΗ")).isTrue();
        assertThat(list.contains("+84912345678")).isTrue();
        assertThat(list.contains("+8613800138000")).isTrue();
        assertThat(list.contains("+84912345679")).isFalse();
        assertThat(list.size()).isEqualTo(3);
        assertThat(list.remove("+84912345678")).isTrue();
        assertThat(list.remove("+84912345678")).isFalse();
        assertThat(list.contains("+84912345678")).isFalse();
        assertThat(list.size()).isEqualTo(2);
        assertThatThrownBy(() -> list.add("0912345678", at, "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("E.164");
        assertThatThrownBy(() -> list.contains("+84 912")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> list.add("+84912345678", at, " ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source");
        assertThatThrownBy(() -> list.add("+84912345678", at, "x".repeat(201)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void inMemoryListAddsOnceRemovesAndChecksNumbers() {
        behavesAsAnOptOutList(OptOutList.inMemory());
    }
}
