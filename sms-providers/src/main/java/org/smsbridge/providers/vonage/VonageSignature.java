package org.smsbridge.providers.vonage;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.providers.internal.Signatures;

/**
 * Vonage signed requests and signed webhooks ({@code sig} parameter), as
 * {@code com.vonage.client.auth.RequestSigning} computes them: every parameter but {@code sig},
 * blank values dropped, sorted by name, joined as {@code &name=value} with {@code =} and {@code &}
 * inside names and values replaced by {@code _}; then either {@code MD5(string + secret)} (the
 * dashboard's "MD5 hash") or {@code HMAC(secret, string)} with MD5, SHA-1, SHA-256 or SHA-512, as
 * lower-case hex. Immutable.
 */
enum VonageSignature {
    /** {@code md5hash}: MD5 of the string followed by the secret (Vonage's legacy default). */
    MD5HASH("md5hash", null),
    /** {@code md5}: HMAC-MD5. */
    MD5("md5", "HmacMD5"),
    /** {@code sha1}: HMAC-SHA1. */
    SHA1("sha1", Signatures.HMAC_SHA1),
    /** {@code sha256}: HMAC-SHA256. */
    SHA256("sha256", Signatures.HMAC_SHA256),
    /** {@code sha512}: HMAC-SHA512. */
    SHA512("sha512", Signatures.HMAC_SHA512);

    private final String setting;
    private final String hmac;

    VonageSignature(String setting, String hmac) {
        this.setting = setting;
        this.hmac = hmac;
    }

    /**
     * The method named by a setting value.
     *
     * @throws SmsException CONFIGURATION for an unknown name
     */
    static VonageSignature of(String setting) {
        String s = setting.strip().toLowerCase(Locale.ROOT);
        for (VonageSignature m : values()) {
            if (m.setting.equals(s)) {
                return m;
            }
        }
        throw new SmsException(ErrorKind.CONFIGURATION, "setting " + VonageProvider.SIGNATURE_METHOD
                + " of provider 'vonage' must be one of md5hash, md5, sha1, sha256, sha512 (as chosen in the Vonage "
                + "dashboard), was '" + setting + "'");
    }

    /** The string that is signed: {@code &a=alphabet&b=bananas&timestamp=2100}. */
    static String canonical(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> {
            if (!k.equals("sig") && v != null && !v.isBlank()) {
                s.append('&').append(clean(k)).append('=').append(clean(v));
            }
        });
        return s.toString();
    }

    private static String clean(String s) {
        return s.replace('=', '_').replace('&', '_');
    }

    /** The lower-case hex signature of {@code params} with {@code secret}. */
    String sign(Map<String, String> params, String secret) {
        String data = canonical(params);
        if (hmac == null) {
            return Signatures.hex(Signatures.digest("MD5", Signatures.utf8(data + secret)));
        }
        return Signatures.hex(Signatures.hmac(hmac, secret, data));
    }
}
