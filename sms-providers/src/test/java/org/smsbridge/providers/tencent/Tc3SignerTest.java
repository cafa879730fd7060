package org.smsbridge.providers.tencent;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The worked example of Tencent Cloud "签名方法 v3" (cloud.tencent.com/document/api/213/30654, the
 * same algorithm for SMS at cloud.tencent.com/document/api/382/52072): CVM DescribeInstances,
 * timestamp 1551113065, SecretKey {@code Gu5t9xGARNpq86cd98joQYCN3EXAMPLE}; values re-computed in
 * /work/shared/reference/providers.md §0.2.
 */
class Tc3SignerTest {
    private static final String PAYLOAD =
            "{\"Limit\": 1, \"Filters\": [{\"Values\": [\"\\u672a\\u547d\\u540d\"], \"Name\": \"instance-name\"}]}";
    private static final String CONTENT_TYPE = "application/json; charset=utf-8";
    private static final long TIMESTAMP = 1551113065L;

    @Test
    void hashesThePayloadAsTheDocShows() {
        assertThat(Tc3Signer.sha256Hex(PAYLOAD))
                .isEqualTo("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    }

    @Test
    void buildsTheDocumentedCanonicalRequest() {
        assertThat(Tc3Signer.canonicalRequest(CONTENT_TYPE, "cvm.tencentcloudapi.com", PAYLOAD))
                .isEqualTo("POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n"
                        + "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    }

    @Test
    void usesTheUtcDateNotTheBeijingDate() {
        // 1551113065 is 2019-02-26 00:44:25 in Beijing but 2019-02-25 in UTC.
        assertThat(Tc3Signer.date(TIMESTAMP)).isEqualTo("2019-02-25");
    }

    @Test
    void buildsTheDocumentedStringToSign() {
        String canonical = Tc3Signer.canonicalRequest(CONTENT_TYPE, "cvm.tencentcloudapi.com", PAYLOAD);
        assertThat(Tc3Signer.stringToSign(TIMESTAMP, "cvm", canonical)).isEqualTo("TC3-HMAC-SHA256\n1551113065\n"
                + "2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
    }

    @Test
    void producesTheDocumentedAuthorizationHeader() {
        assertThat(Tc3Signer.authorization("AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE",
                "cvm", "cvm.tencentcloudapi.com", CONTENT_TYPE, TIMESTAMP, PAYLOAD))
                .isEqualTo("TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, "
                        + "SignedHeaders=content-type;host, "
                        + "Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
    }

    @Test
    void aDifferentSecretKeyOrBodyGivesAnotherSignature() {
        String good = Tc3Signer.authorization("id", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "cvm",
                "cvm.tencentcloudapi.com", CONTENT_TYPE, TIMESTAMP, PAYLOAD);
        assertThat(Tc3Signer.authorization("id", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLf", "cvm",
                "cvm.tencentcloudapi.com", CONTENT_TYPE, TIMESTAMP, PAYLOAD)).isNotEqualTo(good);
        assertThat(Tc3Signer.authorization("id", "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE", "cvm",
                "cvm.tencentcloudapi.com", CONTENT_TYPE, TIMESTAMP, PAYLOAD + " ")).isNotEqualTo(good);
    }
}
