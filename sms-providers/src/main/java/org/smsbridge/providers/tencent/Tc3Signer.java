package org.smsbridge.providers.tencent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import org.smsbridge.providers.internal.Signatures;

/**
 * Tencent Cloud API 3.0 signature TC3-HMAC-SHA256 ("签名方法 v3",
 * cloud.tencent.com/document/api/382/52072): canonical request over {@code content-type} and
 * {@code host}, string to sign with the UTC date, keys derived date → service → {@code tc3_request},
 * hex HMAC-SHA256 signature and the {@code Authorization} header. Pure functions; thread-safe.
 */
final class Tc3Signer {
    static final String ALGORITHM = "TC3-HMAC-SHA256";
    static final String SIGNED_HEADERS = "content-type;host";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    private Tc3Signer() {
    }

    /** The UTC date {@code yyyy-MM-dd} of a Unix timestamp (not the local date in Beijing). */
    static String date(long timestamp) {
        return DATE.format(Instant.ofEpochSecond(timestamp));
    }

    /** The canonical request for a POST to {@code /} with no query string. */
    static String canonicalRequest(String contentType, String host, String payload) {
        return "POST\n/\n\n"
                + "content-type:" + contentType.toLowerCase(java.util.Locale.ROOT) + "\n"
                + "host:" + host.toLowerCase(java.util.Locale.ROOT) + "\n\n"
                + SIGNED_HEADERS + "\n"
                + sha256Hex(payload);
    }

    /** {@code TC3-HMAC-SHA256\n<timestamp>\n<date>/<service>/tc3_request\n<hex sha256 of canonical request>}. */
    static String stringToSign(long timestamp, String service, String canonicalRequest) {
        return ALGORITHM + "\n" + timestamp + "\n" + credentialScope(timestamp, service) + "\n"
                + sha256Hex(canonicalRequest);
    }

    static String credentialScope(long timestamp, String service) {
        return date(timestamp) + "/" + service + "/tc3_request";
    }

    /** Lower-hex HMAC-SHA256 of the string to sign with the key derived from the secret key. */
    static String signature(String secretKey, long timestamp, String service, String stringToSign) {
        Objects.requireNonNull(secretKey, "secretKey");
        byte[] secretDate = hmac(Signatures.utf8("TC3" + secretKey), date(timestamp));
        byte[] secretService = hmac(secretDate, service);
        byte[] secretSigning = hmac(secretService, "tc3_request");
        return hex(hmac(secretSigning, stringToSign));
    }

    /** The whole {@code Authorization} header value. */
    static String authorization(String secretId, String secretKey, String service, String host,
            String contentType, long timestamp, String payload) {
        String sts = stringToSign(timestamp, service, canonicalRequest(contentType, host, payload));
        return ALGORITHM + " Credential=" + secretId + "/" + credentialScope(timestamp, service)
                + ", SignedHeaders=" + SIGNED_HEADERS + ", Signature=" + signature(secretKey, timestamp, service, sts);
    }

    static String sha256Hex(String s) {
        return Signatures.sha256Hex(s);
    }

    private static byte[] hmac(byte[] key, String data) {
        return Signatures.hmac(Signatures.HMAC_SHA256, key, Signatures.utf8(data));
    }

    private static String hex(byte[] bytes) {
        return Signatures.hex(bytes);
    }
}
