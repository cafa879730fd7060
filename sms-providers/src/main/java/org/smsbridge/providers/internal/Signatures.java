package org.smsbridge.providers.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Digests, HMACs and constant-time comparison for request signing and webhook verification. Not
 * API; stateless and thread-safe (a new {@link Mac} per call).
 */
public final class Signatures {
    /** {@code HmacSHA1}. */
    public static final String HMAC_SHA1 = "HmacSHA1";
    /** {@code HmacSHA256}. */
    public static final String HMAC_SHA256 = "HmacSHA256";
    /** {@code HmacSHA512}. */
    public static final String HMAC_SHA512 = "HmacSHA512";

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Signatures() {
    }

    /** HMAC of {@code data} with {@code key}, e.g. {@code hmac(HMAC_SHA256, key, data)}. */
    public static byte[] hmac(String algorithm, byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            // SecretKeySpec rejects an empty key; an empty secret is a configuration error upstream.
            mac.init(new SecretKeySpec(key.length == 0 ? new byte[1] : key, algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("JVM lacks " + algorithm, e);
        }
    }

    /** HMAC of UTF-8 {@code data} with the UTF-8 bytes of {@code key}. */
    public static byte[] hmac(String algorithm, String key, String data) {
        return hmac(algorithm, utf8(key), utf8(data));
    }

    /** A message digest, e.g. {@code digest("SHA-256", bytes)}. */
    public static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JVM lacks " + algorithm, e);
        }
    }

    /** Lower-case hex SHA-256 of the UTF-8 text. */
    public static String sha256Hex(String text) {
        return hex(digest("SHA-256", utf8(text)));
    }

    /** UTF-8 bytes. */
    public static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Standard Base64 with padding. */
    public static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** Lower-case hex. */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = HEX[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * Compares two signatures in time independent of where they differ ({@link MessageDigest#isEqual}
     * on the UTF-8 bytes). False when either is null.
     */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(utf8(expected), utf8(actual));
    }

    /** Like {@link #constantTimeEquals} for hex digests, ignoring letter case. */
    public static boolean constantTimeEqualsHex(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return constantTimeEquals(expected.toLowerCase(Locale.ROOT), actual.strip().toLowerCase(Locale.ROOT));
    }
}
