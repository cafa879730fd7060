package org.smsbridge.scheduler.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class RecipientZonesTest {
    private static final ZoneId SHOP = ZoneId.of("Europe/Berlin");

    @Test
    void numbersOfOneZoneCountriesGetThatZone() {
        assertThat(RecipientZones.zoneOf("+306912345678", SHOP)).isEqualTo(ZoneId.of("Europe/Athens"));
        assertThat(RecipientZones.zoneOf("+8613800138000", SHOP)).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(RecipientZones.zoneOf("+84912345678", SHOP)).isEqualTo(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    @Test
    void zonesWithTheSameRulesCountAsOne() {
        // UK mobiles map to London, Guernsey, Isle of Man and Jersey: all share London's rules
        assertThat(RecipientZones.candidates("+447911123456")).hasSizeGreaterThan(1);
        assertThat(RecipientZones.zoneOf("+447911123456", SHOP).getRules())
                .isEqualTo(ZoneId.of("Europe/London").getRules());
    }

    @Test
    void ambiguousOrUnknownNumbersFallBack() {
        assertThat(RecipientZones.candidates("+79161234567")).hasSizeGreaterThan(5);
        assertThat(RecipientZones.zoneOf("+79161234567", SHOP)).isEqualTo(SHOP);
        assertThat(RecipientZones.zoneOf("+79161234567", ZoneId.of("Europe/Moscow")))
                .isEqualTo(ZoneId.of("Europe/Moscow"));
        assertThat(RecipientZones.candidates("not a number")).isEmpty();
        assertThat(RecipientZones.zoneOf("+15551234567", SHOP)).isEqualTo(SHOP);
    }
}
