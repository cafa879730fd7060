package org.smsbridge.providers.aliyun;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import org.smsbridge.providers.internal.Forms;
import org.smsbridge.providers.internal.Signatures;

/**
 * The Alibaba Cloud RPC request signature (SignatureVersion 1.0, HMAC-SHA1), as documented in
 * "签名机制" (help.aliyun.com/document_detail/101343, alibabacloud.com/help/doc-detail/315526):
 * sort every parameter but {@code Signature} by name, percent-encode names and values per RFC 3986,
 * join them into the canonicalized query string, sign
 * {@code METHOD + "&" + percentEncode("/") + "&" + percentEncode(canonicalized)} with HMAC-SHA1 keyed
 * by {@code AccessKeySecret + "&"} and Base64 the result. Pure functions; thread-safe.
 */
final class AliyunSignature {
    private AliyunSignature() {
    }

    /**
     * Percent-encodes per RFC 3986 as Aliyun wants it: unreserved {@code A-Z a-z 0-9 - _ . ~} kept,
     * every other UTF-8 byte as {@code %XX} (so space is {@code %20}, {@code *} is {@code %2A}).
     */
    static String percentEncode(String value) {
        return Forms.percentEncode(value);
    }

    /** The parameters sorted by name (byte order of the names), {@code Signature} left out. */
    static SortedMap<String, String> sorted(Map<String, String> params) {
        TreeMap<String, String> sorted = new TreeMap<>(params);
        sorted.remove("Signature");
        return sorted;
    }

    /** {@code k=v&k=v}, names and values percent-encoded, sorted by name. */
    static String canonicalizedQuery(Map<String, String> params) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : sorted(params).entrySet()) {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(percentEncode(e.getKey())).append('=').append(percentEncode(e.getValue()));
        }
        return s.toString();
    }

    /** {@code METHOD&%2F&percentEncode(canonicalizedQuery)}. */
    static String stringToSign(String method, Map<String, String> params) {
        return method + "&" + percentEncode("/") + "&" + percentEncode(canonicalizedQuery(params));
    }

    /** Base64 of HMAC-SHA1 keyed by {@code accessKeySecret + "&"} over the string to sign. */
    static String sign(String method, Map<String, String> params, String accessKeySecret) {
        Objects.requireNonNull(accessKeySecret, "accessKeySecret");
        return Signatures.base64(Signatures.hmac(Signatures.HMAC_SHA1, accessKeySecret + "&",
                stringToSign(method, params)));
    }

    /**
     * The signed form: the canonicalized query plus {@code &Signature=...}, usable as a query string
     * (GET) or an {@code application/x-www-form-urlencoded} body (POST).
     */
    static String signedQuery(String method, Map<String, String> params, String accessKeySecret) {
        return "Signature=" + percentEncode(sign(method, params, accessKeySecret)) + "&" + canonicalizedQuery(params);
    }
}
