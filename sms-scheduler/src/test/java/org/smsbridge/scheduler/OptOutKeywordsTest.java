package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OptOutKeywordsTest {
    @ParameterizedTest
    @ValueSource(strings = {"STOP", "stop", " Stop. ", "ＳＴＯＰ", "STOP please", "Unsubscribe", "STOPALL", "opt out",
        "END", "cancel", "退订", "退订，谢谢", "TD", "t", "取消订阅", "ΔΙΑΓΡΑΦΗ", "Διαγραφή", "διαγραφη παρακαλω",
        "στοπ", "HỦY", "huỷ", "Hủy đăng ký", "TỪ CHỐI", "tu choi", "TC", "Dừng"})
    void recognizesOptOutRepliesInFourScriptsIgnoringCaseAndAccents(String reply) {
        assertThat(OptOutKeywords.isOptOut(reply)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "Thanks!", "Don't stop", "stopped", "End of the month?", "cancel my order 42",
        "Tea", "TDX", "订单", "Ευχαριστώ", "Hủy đơn hàng 42", "Cảm ơn", "tc 5"})
    void ignoresOrdinaryReplies(String reply) {
        assertThat(OptOutKeywords.isOptOut(reply)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void normalizationRemovesAccentsWidthCaseAndOuterPunctuation() {
        assertThat(OptOutKeywords.normalize("  ＨỦY   ĐĂNG  KÝ!! ")).isEqualTo("huy dang ky");
        assertThat(OptOutKeywords.normalize("«ΔΙΑΓΡΑΦΉ»")).isEqualTo("διαγραφη");
    }
}
