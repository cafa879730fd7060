package org.smsbridge.providers.aliyun;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.smsbridge.ErrorKind;

/**
 * Dysms answer codes mapped to {@link ErrorKind}. Codes and meanings from the Dysms error-code
 * page (help.aliyun.com/document_detail/101346 "API错误码") and the common OpenAPI errors (HTTP
 * 400/403/404 with {@code InvalidAccessKeyId.NotFound}, {@code SignatureDoesNotMatch},
 * {@code Throttling.User}). Stateless; thread-safe.
 */
final class AliyunErrors {
    private static final Map<String, ErrorKind> KINDS = Map.ofEntries(
            Map.entry("InvalidAccessKeyId.NotFound", ErrorKind.AUTHENTICATION),
            Map.entry("InvalidAccessKeyId.Inactive", ErrorKind.AUTHENTICATION),
            Map.entry("InvalidAccessKeyId", ErrorKind.AUTHENTICATION),
            Map.entry("SignatureDoesNotMatch", ErrorKind.AUTHENTICATION),
            Map.entry("IncompleteSignature", ErrorKind.AUTHENTICATION),
            Map.entry("InvalidTimeStamp.Expired", ErrorKind.AUTHENTICATION),
            Map.entry("SignatureNonceUsed", ErrorKind.AUTHENTICATION),
            Map.entry("isp.RAM_PERMISSION_DENY", ErrorKind.AUTHENTICATION),
            Map.entry("isv.ACCOUNT_NOT_EXISTS", ErrorKind.AUTHENTICATION),
            Map.entry("isv.ACCOUNT_ABNORMAL", ErrorKind.AUTHENTICATION),
            Map.entry("isv.AMOUNT_NOT_ENOUGH", ErrorKind.INSUFFICIENT_BALANCE),
            Map.entry("isv.OUT_OF_SERVICE", ErrorKind.INSUFFICIENT_BALANCE),
            Map.entry("isv.MOBILE_NUMBER_ILLEGAL", ErrorKind.INVALID_NUMBER),
            Map.entry("isv.DOMESTIC_NUMBER_NOT_SUPPORTED", ErrorKind.INVALID_NUMBER),
            Map.entry("isv.BUSINESS_LIMIT_CONTROL", ErrorKind.RATE_LIMITED),
            Map.entry("isv.DAY_LIMIT_CONTROL", ErrorKind.RATE_LIMITED),
            Map.entry("isv.MONTH_LIMIT_CONTROL", ErrorKind.RATE_LIMITED),
            Map.entry("Throttling", ErrorKind.RATE_LIMITED),
            Map.entry("Throttling.User", ErrorKind.RATE_LIMITED),
            Map.entry("Throttling.Api", ErrorKind.RATE_LIMITED),
            Map.entry("isv.SMS_SIGNATURE_ILLEGAL", ErrorKind.INVALID_SENDER),
            Map.entry("isv.SMS_SIGN_ILLEGAL", ErrorKind.INVALID_SENDER),
            Map.entry("isv.SMS_SIGNATURE_SCENE_ILLEGAL", ErrorKind.INVALID_SENDER),
            Map.entry("isv.EXTEND_CODE_ERROR", ErrorKind.INVALID_SENDER),
            Map.entry("isv.SMS_TEMPLATE_ILLEGAL", ErrorKind.INVALID_CONTENT),
            Map.entry("isv.TEMPLATE_MISSING_PARAMETERS", ErrorKind.INVALID_CONTENT),
            Map.entry("isv.INVALID_JSON_PARAM", ErrorKind.INVALID_CONTENT),
            Map.entry("isv.PARAM_LENGTH_LIMIT", ErrorKind.INVALID_CONTENT),
            Map.entry("isv.PARAM_NOT_SUPPORT_URL", ErrorKind.INVALID_CONTENT),
            Map.entry("isv.SMS_CONTENT_ILLEGAL", ErrorKind.BLOCKED_KEYWORD),
            Map.entry("isv.BLACK_KEY_CONTROL_LIMIT", ErrorKind.BLOCKED_KEYWORD),
            Map.entry("isv.PRODUCT_UN_SUBSCRIPT", ErrorKind.CONFIGURATION),
            Map.entry("isv.PRODUCT_UNSUBSCRIBE", ErrorKind.CONFIGURATION),
            Map.entry("isv.DENY_IP_RANGE", ErrorKind.CONFIGURATION),
            Map.entry("isp.SYSTEM_ERROR", ErrorKind.PROVIDER_UNAVAILABLE),
            Map.entry("ServiceUnavailable", ErrorKind.PROVIDER_UNAVAILABLE),
            Map.entry("InternalError", ErrorKind.PROVIDER_UNAVAILABLE));

    private AliyunErrors() {
    }

    /** The kind of an answer code, or {@code fallback} (from the HTTP status) for unknown codes. */
    static ErrorKind kindOf(String code, ErrorKind fallback) {
        ErrorKind k = KINDS.get(code);
        if (k != null) {
            return k;
        }
        if (code.startsWith("Throttling")) {
            return ErrorKind.RATE_LIMITED;
        }
        if (code.startsWith("InvalidAccessKeyId") || code.startsWith("Forbidden")) {
            return ErrorKind.AUTHENTICATION;
        }
        return fallback;
    }

    /**
     * Whether a send with this code may succeed unchanged later: the kind's rule, except that a
     * reused nonce ({@code SignatureNonceUsed}) succeeds with the fresh nonce of the next attempt.
     */
    static boolean retryable(String code, ErrorKind kind) {
        return code.equals("SignatureNonceUsed") || kind.isRetryable();
    }

    /**
     * How long a per-number flow control lasts, read from the message of
     * {@code isv.BUSINESS_LIMIT_CONTROL} ("触发分钟级流控Permits:1", "触发小时级流控Permits:5",
     * "触发天级流控Permits:10", per the error-code page): one minute, hour or day. Empty otherwise.
     */
    static Optional<Duration> flowControlWindow(String code, String message) {
        if (!"isv.BUSINESS_LIMIT_CONTROL".equals(code)) {
            return Optional.empty();
        }
        if (message.contains("分钟级")) {
            return Optional.of(Duration.ofMinutes(1));
        }
        if (message.contains("小时级")) {
            return Optional.of(Duration.ofHours(1));
        }
        if (message.contains("天级")) {
            return Optional.of(Duration.ofDays(1));
        }
        return Optional.empty();
    }
}
