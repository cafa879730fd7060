package org.smsbridge.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignaturesTest {
    @Test
    void computesRfc4231HmacSha256TestCase2() {
        // RFC 4231 §4.3: key "Jefe", data "what do ya want for nothing?"
        assertThat(Signatures.hex(Signatures.hmac(Signatures.HMAC_SHA256, "Jefe", "what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void comparesInConstantTimeAndRejectsNulls() {
        assertThat(Signatures.constantTimeEquals("abc", "abc")).isTrue();
        assertThat(Signatures.constantTimeEquals("abc", "abd")).isFalse();
        assertThat(Signatures.constantTimeEquals("abc", "abcd")).isFalse();
        assertThat(Signatures.constantTimeEquals(null, "abc")).isFalse();
        assertThat(Signatures.constantTimeEqualsHex("ab12", "AB12")).isTrue();
        assertThat(Signatures.constantTimeEqualsHex("ab12", null)).isFalse();
    }

    @Test
    void encodesFormsAndPercentEncodesForSignatures() {
        assertThat(Forms.encode(new java.util.LinkedHashMap<>(java.util.Map.of("Body", "a b&c=é"))))
                .isEqualTo("Body=a+b%26c%3D%C3%A9");
        // Aliyun signature doc unit case: "a b*c~d" → "a%20b%2Ac~d"
        assertThat(Forms.percentEncode("a b*c~d")).isEqualTo("a%20b%2Ac~d");
    }
}
