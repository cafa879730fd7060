package org.smsbridge.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LongHashSetTest {
    @Test
    void agreesWithAHashSetWhileGrowing() {
        LongHashSet set = new LongHashSet(4);
        Set<Long> reference = new HashSet<>();
        Random random = new Random(8);
        for (int i = 0; i < 100_000; i++) {
            long v = 306900000000L + random.nextInt(200_000);
            assertThat(set.add(v)).isEqualTo(reference.add(v));
        }
        assertThat(set.size()).isEqualTo(reference.size());
        assertThat(set.contains(306900000000L + 200_001)).isFalse();
        reference.forEach(v -> assertThat(set.contains(v)).isTrue());
    }

    @Test
    void refusesZero() {
        assertThatThrownBy(() -> new LongHashSet(1).add(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
