package org.smsbridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsbridge.spi.SenderRules;

class SenderIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"ACME", "Garage 24", "A", "ABCDEFGHIJK", "shop1"})
    void parsesAlphanumericSenders(String raw) {
        SenderId id = SenderId.parse(raw);
        assertThat(id.type()).isEqualTo(SenderId.Type.ALPHANUMERIC);
        assertThat(id.value()).isEqualTo(raw);
    }

    @Test
    void rejectsSenderLongerThanElevenCharactersNamingTheCount() {
        assertThatThrownBy(() -> SenderId.parse("ACME SERVICES"))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_SENDER))
                .hasMessage("sender 'ACME SERVICES' has 13 characters; alphanumeric senders allow at most 11");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ΑΚΜΕ", "商店", "Cửa hàng", "Café"})
    void rejectsNonEnglishLettersAsTheSettingsDialogRequires(String raw) {
        assertThatThrownBy(() -> SenderId.parse(raw))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_SENDER))
                .hasMessageContaining("non-English letter").hasMessageContaining("A-Z");
    }

    @Test
    void rejectsSymbols() {
        assertThatThrownBy(() -> SenderId.parse("ACME!")).hasMessageContaining("the character '!'");
    }

    @Test
    void rejectsEmptySender() {
        assertThatThrownBy(() -> SenderId.parse("   ")).hasMessageContaining("empty");
    }

    @Test
    void rejectsAlphanumericSenderWithoutLetters() {
        assertThatThrownBy(() -> SenderId.parse("12 34")).hasMessageContaining("no letter");
    }

    @Test
    void parsesNumericSenders() {
        assertThat(SenderId.parse("+306912345678").type()).isEqualTo(SenderId.Type.NUMERIC);
        assertThat(SenderId.parse("306912345678").type()).isEqualTo(SenderId.Type.NUMERIC);
    }

    @Test
    void aPhoneNumberTypedWithSeparatorsIsTheNumberItself() {
        assertThat(SenderId.parse("+30 691 234 5678")).satisfies(id -> {
            assertThat(id.type()).isEqualTo(SenderId.Type.NUMERIC);
            assertThat(id.value()).isEqualTo("+306912345678");
        });
        assertThat(SenderId.parse("(210) 123-4567").value()).isEqualTo("2101234567");
        assertThat(SenderId.parse("ACME 24").type()).isEqualTo(SenderId.Type.ALPHANUMERIC);
        assertThatThrownBy(() -> SenderId.parse("+30 691-ABC")).hasMessageContaining("the character '+'");
    }

    @Test
    void rejectsNumericSenderLongerThanFifteenDigits() {
        assertThatThrownBy(() -> SenderId.parse("+1234567890123456")).hasMessageContaining("16 digits");
    }

    @Test
    void parsesShortCodes() {
        assertThat(SenderId.parse("54321").type()).isEqualTo(SenderId.Type.SHORT_CODE);
        assertThatThrownBy(() -> SenderId.parse("12")).hasMessageContaining("short codes have 3 to 6 digits");
    }

    @Test
    void trimsSurroundingSpaces() {
        assertThat(SenderId.parse("  ACME ").value()).isEqualTo("ACME");
    }

    @Test
    void providerRulesRejectTypesTheyDoNotAccept() {
        SenderRules rules = SenderRules.builder().allowedTypes(SenderId.Type.NUMERIC).build();
        assertThat(rules.problem(SenderId.parse("ACME"), "acme-sms"))
                .hasValueSatisfying(p -> assertThat(p).contains("does not accept alphanumeric").contains("numeric senders"));
        assertThat(rules.problem(SenderId.parse("+306912345678"), "acme-sms")).isEmpty();
    }

    @Test
    void providerRulesCanShortenTheAlphanumericLimit() {
        SenderRules rules = SenderRules.builder().maxAlphanumericLength(6).build();
        assertThatThrownBy(() -> rules.validate(SenderId.parse("GARAGE24"), "x"))
                .hasMessageContaining("has 8 characters; provider 'x' allows at most 6");
    }
}
