package org.smsbridge.providers.tencent;

import java.util.Map;
import org.smsbridge.ErrorKind;

/**
 * Tencent Cloud SMS error codes mapped to {@link ErrorKind}. Codes from the SMS error-code page
 * (cloud.tencent.com/document/api/382/55981 "错误码", the {@code SmsErrorCode} enum of
 * tencentcloud-sdk-java) and the API 3.0 common errors (cloud.tencent.com/document/api/382/52075):
 * {@code AuthFailure.*}, {@code RequestLimitExceeded}, {@code InternalError}. Stateless; thread-safe.
 */
final class TencentErrors {
    private static final Map<String, ErrorKind> KINDS = Map.ofEntries(
            Map.entry("UnauthorizedOperation.RequestPermissionDeny", ErrorKind.AUTHENTICATION),
            Map.entry("UnauthorizedOperation.SmsSdkAppIdVerifyFail", ErrorKind.CONFIGURATION),
            Map.entry("InvalidParameterValue.SdkAppIdNotExist", ErrorKind.CONFIGURATION),
            Map.entry("UnauthorizedOperation.RequestIpNotInWhitelist", ErrorKind.CONFIGURATION),
            Map.entry("UnauthorizedOperation.IndividualUserMarketingSmsPermissionDeny", ErrorKind.CONFIGURATION),
            Map.entry("UnauthorizedOperation.SerivceSuspendDueToArrears", ErrorKind.INSUFFICIENT_BALANCE),
            Map.entry("FailedOperation.InsufficientBalanceInSmsPackage", ErrorKind.INSUFFICIENT_BALANCE),
            Map.entry("RequestLimitExceeded", ErrorKind.RATE_LIMITED),
            Map.entry("FailedOperation.MarketingSendTimeConstraint", ErrorKind.RATE_LIMITED),
            Map.entry("LimitExceeded.PhoneNumberCountLimit", ErrorKind.INVALID_CONTENT),
            Map.entry("InvalidParameterValue.IncorrectPhoneNumber", ErrorKind.INVALID_NUMBER),
            Map.entry("FailedOperation.PhoneNumberParseFail", ErrorKind.INVALID_NUMBER),
            Map.entry("UnsupportedOperation.UnsupportedRegion", ErrorKind.INVALID_NUMBER),
            Map.entry("UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber", ErrorKind.INVALID_NUMBER),
            Map.entry("FailedOperation.PhoneNumberInBlacklist", ErrorKind.OPTED_OUT),
            Map.entry("FailedOperation.ContainSensitiveWord", ErrorKind.BLOCKED_KEYWORD),
            Map.entry("FailedOperation.SignatureIncorrectOrUnapproved", ErrorKind.INVALID_SENDER),
            Map.entry("FailedOperation.MissingSignature", ErrorKind.INVALID_SENDER),
            Map.entry("FailedOperation.TemplateIncorrectOrUnapproved", ErrorKind.INVALID_CONTENT),
            Map.entry("InvalidParameterValue.TemplateParameterFormatError", ErrorKind.INVALID_CONTENT),
            Map.entry("InvalidParameterValue.TemplateParameterLengthLimit", ErrorKind.INVALID_CONTENT),
            Map.entry("InvalidParameterValue.ContentLengthLimit", ErrorKind.MESSAGE_TOO_LONG),
            Map.entry("InvalidParameterValue.ProhibitedUseUrlInTemplateParameter", ErrorKind.INVALID_CONTENT));

    private TencentErrors() {
    }

    /** The kind of an error code, or {@code fallback} for codes this table does not know. */
    static ErrorKind kindOf(String code, ErrorKind fallback) {
        ErrorKind k = KINDS.get(code);
        if (k != null) {
            return k;
        }
        if (code.startsWith("AuthFailure")) {
            return ErrorKind.AUTHENTICATION;
        }
        if (code.startsWith("LimitExceeded") || code.startsWith("RequestLimitExceeded")) {
            return ErrorKind.RATE_LIMITED;
        }
        if (code.startsWith("InternalError")) {
            return ErrorKind.PROVIDER_UNAVAILABLE;
        }
        return fallback;
    }
}
