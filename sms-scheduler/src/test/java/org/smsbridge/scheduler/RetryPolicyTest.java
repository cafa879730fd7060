package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {
    private final RetryPolicy policy = RetryPolicy.exponential(Duration.ofSeconds(30), Duration.ofMinutes(5), 6);

    @ParameterizedTest
    @CsvSource({"1, 30", "2, 60", "3, 120", "4, 240", "5, 300"})
    void backoffDoublesUpToTheMaximumWithoutJitter(int attempts, long seconds) {
        assertThat(policy.withJitter(0).delayAfter(attempts, Optional.empty(), 0.7))
                .contains(Duration.ofSeconds(seconds));
    }

    @Test
    void jitterShortensTheDelayByAtMostItsFraction() {
        assertThat(policy.delayAfter(2, Optional.empty(), 0.0)).contains(Duration.ofSeconds(60));
        assertThat(policy.delayAfter(2, Optional.empty(), 0.5)).contains(Duration.ofSeconds(45));
        assertThat(policy.delayAfter(2, Optional.empty(), 0.999999).orElseThrow())
                .isGreaterThan(Duration.ofSeconds(30));
    }

    @Test
    void neverRetriesSoonerThanRetryAfter() {
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofMinutes(2)), 0.3)).contains(Duration.ofMinutes(2));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(1)), 0.0)).contains(Duration.ofSeconds(30));
    }

    @Test
    void givesUpWhenTheAttemptsAreUsedUp() {
        assertThat(policy.delayAfter(6, Optional.empty(), 0.1)).isEmpty();
        assertThat(RetryPolicy.none().delayAfter(1, Optional.empty(), 0.1)).isEmpty();
    }

    @Test
    void largeAttemptCountsDoNotOverflow() {
        RetryPolicy many = RetryPolicy.exponential(Duration.ofMillis(1), Duration.ofDays(1), 1000);
        assertThat(many.withJitter(0).delayAfter(500, Optional.empty(), 0)).contains(Duration.ofDays(1));
    }

    @Test
    void rejectsSettingsThatMakeNoSense() {
        assertThatThrownBy(() -> RetryPolicy.exponential(Duration.ofMinutes(5), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be shorter than initial");
        assertThatThrownBy(() -> RetryPolicy.exponential(Duration.ZERO, Duration.ofSeconds(1), 3))
                .hasMessageContaining("initial must be positive");
        assertThatThrownBy(() -> RetryPolicy.exponential(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .hasMessageContaining("maxAttempts must be at least 1");
        assertThatThrownBy(() -> policy.withJitter(1.5)).hasMessageContaining("jitter must be between 0 and 1");
        assertThatThrownBy(() -> policy.delayAfter(0, Optional.empty(), 0)).hasMessageContaining("attemptsMade");
    }

    @Test
    void defaultsAreThirtySecondsToOneHourFiveAttempts() {
        assertThat(RetryPolicy.ofDefaults()).isEqualTo(
                RetryPolicy.exponential(Duration.ofSeconds(30), Duration.ofHours(1), 5));
    }
}
