package org.smsbridge.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

class PhoneNumbersTest {

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource(delimiter = ';', value = {
            "691 234 5678;GR;+306912345678",
            "6912345678;GR;+306912345678",
            "+30 691 234 5678;GR;+306912345678",
            "0030 691 234 5678;GR;+306912345678",
            "138 0013 8000;CN;+8613800138000",
            "+86 138-0013-8000;CN;+8613800138000",
            "0912 345 678;VN;+84912345678",
            "+84 912 345 678;VN;+84912345678",
            "(201) 555-0123;US;+12015550123",
            "+1 201 555 0123;US;+12015550123",
            "0151 23456789;DE;+4915123456789",
            "+49 151 23456789;DE;+4915123456789",
            "+30 691 234 5678;CN;+306912345678",
    })
    void normalizesNationalAndInternationalFormsToE164(String raw, String region, String expected) {
        assertThat(PhoneNumbers.normalize(raw, region)).isEqualTo(expected);
    }

    @Test
    void readsFullWidthAndArabicIndicDigitsAsAChineseOrArabicKeyboardWritesThem() {
        assertThat(PhoneNumbers.normalize("１３８１２３４５６７８", "CN")).isEqualTo("+8613812345678");
        assertThat(PhoneNumbers.normalize("＋８６ １３８ １２３４ ５６７８")).isEqualTo("+8613812345678");
        assertThat(PhoneNumbers.normalize("٦٩١٢٣٤٥٦٧٨", "GR")).isEqualTo("+306912345678");
    }

    @Test
    void aNullRegionSaysWhatToCallInstead() {
        assertThatThrownBy(() -> PhoneNumbers.normalize("+306912345678", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("normalize(raw)");
    }

    @Test
    void normalizesInternationalNumberWithoutRegion() {
        assertThat(PhoneNumbers.normalize("+30 691 234 5678")).isEqualTo("+306912345678");
    }

    @Test
    void rejectsNationalNumberWithoutRegionAndSaysHowToFixIt() {
        assertThatThrownBy(() -> PhoneNumbers.normalize("691 234 5678"))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_NUMBER))
                .hasMessageContaining("no country code").hasMessageContaining("default region");
    }

    @Test
    void rejectsEmptyNumber() {
        assertInvalid("  ", "GR", "empty");
    }

    @Test
    void rejectsNumberWithLetters() {
        assertInvalid("691 ABC 5678", "GR", "contains letters");
    }

    @Test
    void theExampleForANumberWithLettersIsOfTheRegionAsked() {
        assertInvalid("abc", "CN", "e.g. +86 1");
        assertInvalid("abc", "VN", "e.g. +84 ");
        assertInvalid("abc", "GR", "e.g. +30 69");
    }

    @Test
    void anUnknownCountryCodeIsCalledUnknownNotMissing() {
        assertThatThrownBy(() -> PhoneNumbers.normalize("+999123456"))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_NUMBER))
                .hasMessageContaining("unknown country code").hasMessageNotContaining("no country code");
        assertThatThrownBy(() -> PhoneNumbers.normalize("00999123456", "GR"))
                .hasMessageContaining("unknown country code; check the digits after 00");
    }

    @Test
    void aLeading00WithoutARegionIsExplainedWithThePlusForm() {
        assertThatThrownBy(() -> PhoneNumbers.normalize("0030 691 234 5678"))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_NUMBER))
                .hasMessageContaining("no default region").hasMessageContaining("write it as +30 691 234 5678")
                .hasMessageNotContaining("unknown country code");
        assertThat(PhoneNumbers.normalize("0030 691 234 5678", "GR")).isEqualTo("+306912345678");
    }

    @Test
    void rejectsTooShortNumber() {
        assertInvalid("69", "GR", "too short");
    }

    @Test
    void rejectsTooLongNumber() {
        assertInvalid("+30 691 234 5678 9012 3456", "GR", "too long");
    }

    @Test
    void rejectsNumberNotValidForTheRegionAndSuggestsTheCountryCode() {
        assertInvalid("123 456 7890", "GR", "not a valid number for GR");
    }

    @Test
    void rejectsFixedLineBecauseItCannotReceiveSms() {
        assertInvalid("210 123 4567", "GR", "fixed line");
    }

    @Test
    void acceptsFixedLineWhenAnyTypeIsAllowed() {
        assertThat(PhoneNumbers.normalizeAnyType("210 123 4567", "GR")).isEqualTo("+302101234567");
    }

    @Test
    void rejectsNumberWithExtension() {
        assertInvalid("+1 201 555 0123 ext. 12", "US", "extension");
    }

    @Test
    void rejectsUnknownRegionAsProgrammingError() {
        assertThatThrownBy(() -> PhoneNumbers.normalize("6912345678", "XX"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'XX'");
    }

    @Test
    void regionIsCaseInsensitive() {
        assertThat(PhoneNumbers.normalize("6912345678", "gr")).isEqualTo("+306912345678");
    }

    @Test
    void masksTheMiddleOfANumberForLogs() {
        assertThat(PhoneNumbers.mask("+306912345678")).isEqualTo("+30691****678");
        assertThat(PhoneNumbers.mask("+8613800138000")).isEqualTo("+86138****000");
        assertThat(PhoneNumbers.mask("12345")).isEqualTo("*****");
        assertThat(PhoneNumbers.mask("1234567")).doesNotContain("234");
    }

    private static void assertInvalid(String raw, String region, String reason) {
        assertThatThrownBy(() -> PhoneNumbers.normalize(raw, region))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_NUMBER);
                    assertThat(e.isRetryable()).isFalse();
                })
                .hasMessageContaining(reason);
    }
}
