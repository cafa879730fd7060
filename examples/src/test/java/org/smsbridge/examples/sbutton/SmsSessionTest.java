package org.smsbridge.examples.sbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.scheduler.OutboxStore;

class SmsSessionTest {
    private final DemoSettings defaults = DemoSettings.defaults();

    @Test
    void offersConsoleAndFakeFirstThenEveryInstalledProvider() {
        assertThat(SmsSession.providerChoices()).startsWith("console", "fake")
                .contains("twilio", "vonage", "infobip", "aliyun", "tencent", "http").doesNotHaveDuplicates();
    }

    @Test
    void testAccountOnTheConsoleNeedsNoAccount() {
        assertThat(SmsSession.testAccount(defaults, SmsSession.demoFilter()))
                .isEqualTo("✓ console provider needs no account · this provider cannot report a balance");
    }

    @Test
    void testAccountShowsTheBalanceWhereTheProviderHasOne() {
        DemoSettings trial = defaults.withAccount("fake", "ACME", "", "", Map.of("balance", "5"));
        assertThat(SmsSession.testAccount(trial, SmsSession.demoFilter()))
                .isEqualTo("✓ fake account OK · balance 5 messages");
    }

    @Test
    void testAccountNamesTheMissingSettingsOfARealProvider() {
        DemoSettings twilio = defaults.withAccount("twilio", "ACME", "shop", "pw-Hunter2", Map.of());
        assertThat(SmsSession.testAccount(twilio, SmsSession.demoFilter()))
                .startsWith("✗ CONFIGURATION: ").contains("accountSid").doesNotContain("pw-Hunter2");
    }

    @Test
    void reconfigureSwitchesProviderAndKeepsTheOldOneWhenTheNewFails() {
        try (SmsSession session = new SmsSession(OutboxStore.inMemory(), SmsSession.demoFilter(), defaults)) {
            assertThat(session.client().provider().name()).isEqualTo("console");
            session.reconfigure(defaults.withAccount("fake", "ACME", "", "", Map.of()));
            assertThat(session.client().provider().name()).isEqualTo("fake");
            assertThat(session.settings().provider()).isEqualTo("fake");

            assertThatThrownBy(() -> session.reconfigure(defaults.withAccount("no-such", "ACME", "", "", Map.of())))
                    .isInstanceOfSatisfying(SmsException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION));
            assertThat(session.client().provider().name()).isEqualTo("fake");
            assertThat(session.outbox().sendNow().join().done()).isTrue();
        }
    }
}
