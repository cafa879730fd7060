package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
    private static final ZoneId SAIGON = ZoneId.of("Asia/Ho_Chi_Minh"); // UTC+7, no DST
    private static final ZoneId ATHENS = ZoneId.of("Europe/Athens");    // UTC+2, UTC+3 from 2026-03-29 03:00
    private static final QuietHours NIGHT = QuietHours.DEFAULT;

    private static Instant t(String iso) {
        return Instant.parse(iso);
    }

    @Test
    void defaultIsNineInTheEveningToEightInTheMorning() {
        assertThat(NIGHT.start()).isEqualTo(LocalTime.of(21, 0));
        assertThat(NIGHT.end()).isEqualTo(LocalTime.of(8, 0));
        assertThat(NIGHT.isNone()).isFalse();
    }

    @Test
    void startIsQuietAndEndIsNotInTheRecipientsZone() {
        assertThat(NIGHT.isQuiet(t("2026-03-02T13:59:59Z"), SAIGON)).as("20:59:59 in Saigon").isFalse();
        assertThat(NIGHT.isQuiet(t("2026-03-02T14:00:00Z"), SAIGON)).as("21:00 in Saigon").isTrue();
        assertThat(NIGHT.isQuiet(t("2026-03-02T17:00:00Z"), SAIGON)).as("midnight").isTrue();
        assertThat(NIGHT.isQuiet(t("2026-03-03T00:59:59Z"), SAIGON)).as("07:59:59").isTrue();
        assertThat(NIGHT.isQuiet(t("2026-03-03T01:00:00Z"), SAIGON)).as("08:00").isFalse();
        assertThat(NIGHT.isQuiet(t("2026-03-02T14:00:00Z"), ZoneOffset.UTC)).as("14:00 in UTC").isFalse();
    }

    @Test
    void windowWithinOneDayIsQuietOnlyBetweenItsTimes() {
        QuietHours lunch = QuietHours.of(LocalTime.of(12, 0), LocalTime.of(14, 0));
        assertThat(lunch.isQuiet(t("2026-03-02T11:59:00Z"), ZoneOffset.UTC)).isFalse();
        assertThat(lunch.isQuiet(t("2026-03-02T12:00:00Z"), ZoneOffset.UTC)).isTrue();
        assertThat(lunch.isQuiet(t("2026-03-02T14:00:00Z"), ZoneOffset.UTC)).isFalse();
        assertThat(lunch.nextAllowed(t("2026-03-02T13:00:00Z"), List.of(ZoneOffset.UTC)))
                .contains(t("2026-03-02T14:00:00Z"));
    }

    @Test
    void nextAllowedIsTheTimeItselfOutsideTheWindowAndTheEndOfTheWindowInside() {
        assertThat(NIGHT.nextAllowed(t("2026-03-02T03:00:00Z"), List.of(SAIGON))).contains(t("2026-03-02T03:00:00Z"));
        assertThat(NIGHT.nextAllowed(t("2026-03-02T15:30:00Z"), List.of(SAIGON)))
                .as("22:30 in Saigon waits for 08:00 the next morning").contains(t("2026-03-03T01:00:00Z"));
        assertThat(NIGHT.nextAllowed(t("2026-03-02T20:00:00Z"), List.of(SAIGON)))
                .as("03:00 in Saigon waits for 08:00 the same morning").contains(t("2026-03-03T01:00:00Z"));
    }

    @Test
    void windowEndFollowsDaylightSavingTime() {
        // the night of 2026-03-28/29: Athens moves from UTC+2 to UTC+3 at 03:00 local
        assertThat(NIGHT.nextAllowed(t("2026-03-28T22:00:00Z"), List.of(ATHENS)))
                .as("08:00 EEST is 05:00 UTC").contains(t("2026-03-29T05:00:00Z"));
        assertThat(NIGHT.nextAllowed(t("2026-03-27T22:00:00Z"), List.of(ATHENS)))
                .as("the night before, 08:00 EET is 06:00 UTC").contains(t("2026-03-28T06:00:00Z"));
        // the night of 2026-10-24/25: back to UTC+2 at 04:00 local
        assertThat(NIGHT.nextAllowed(t("2026-10-24T22:00:00Z"), List.of(ATHENS))).contains(t("2026-10-25T06:00:00Z"));
    }

    @Test
    void windowEndingInTheSkippedHourEndsRightAfterTheGap() {
        QuietHours early = QuietHours.of(LocalTime.of(21, 0), LocalTime.of(3, 30)); // 03:30 does not exist on 03-29
        Optional<Instant> at = early.nextAllowed(t("2026-03-28T22:00:00Z"), List.of(ATHENS));
        assertThat(at).contains(t("2026-03-29T01:30:00Z")); // 04:30 EEST
        assertThat(early.isQuiet(at.get(), ATHENS)).isFalse();
    }

    @Test
    void severalZonesWaitUntilItIsDayInAllOfThem() {
        ZoneId moscow = ZoneId.of("Europe/Moscow");          // UTC+3: day is 05:00-18:00 UTC
        ZoneId vladivostok = ZoneId.of("Asia/Vladivostok");  // UTC+10: day is 22:00-11:00 UTC
        List<ZoneId> both = List.of(moscow, vladivostok);
        assertThat(NIGHT.nextAllowed(t("2026-03-02T02:00:00Z"), both)).contains(t("2026-03-02T05:00:00Z"));
        assertThat(NIGHT.nextAllowed(t("2026-03-02T12:00:00Z"), both))
                .as("day in Moscow but night in Vladivostok").contains(t("2026-03-03T05:00:00Z"));
        assertThat(NIGHT.nextAllowed(t("2026-03-02T10:59:00Z"), both)).contains(t("2026-03-02T10:59:00Z"));
    }

    @Test
    void zonesWithoutACommonAllowedHourHaveNoNextAllowedTime() {
        QuietHours mornings = QuietHours.of(LocalTime.of(12, 0), LocalTime.of(8, 0)); // allowed 08:00-12:00 only
        assertThat(mornings.nextAllowed(t("2026-03-02T00:00:00Z"), List.of(ZoneOffset.UTC, ZoneId.of("Asia/Tokyo"))))
                .isEmpty();
    }

    @Test
    void noneIsNeverQuiet() {
        assertThat(QuietHours.none().isNone()).isTrue();
        assertThat(QuietHours.none().isQuiet(t("2026-03-02T17:00:00Z"), SAIGON)).isFalse();
        assertThat(QuietHours.none().nextAllowed(t("2026-03-02T17:00:00Z"), List.of(SAIGON)))
                .contains(t("2026-03-02T17:00:00Z"));
    }

    @Test
    void rejectsEqualTimesSecondsAndNoZones() {
        assertThatThrownBy(() -> QuietHours.of(LocalTime.NOON, LocalTime.NOON))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("QuietHours.none()");
        assertThatThrownBy(() -> QuietHours.of(LocalTime.of(21, 0, 30), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to the minute");
        assertThatThrownBy(() -> NIGHT.nextAllowed(t("2026-03-02T00:00:00Z"), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fallback zone");
    }

    @Test
    void equalWindowsAreEqual() {
        assertThat(QuietHours.of(LocalTime.of(21, 0), LocalTime.of(8, 0))).isEqualTo(NIGHT).hasSameHashCodeAs(NIGHT);
        assertThat(NIGHT.toString()).contains("21:00-08:00");
    }
}
