package org.smsbridge.providers.vonage;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.providers.internal.HttpErrors;
import org.smsbridge.providers.internal.ProviderHttp;

/**
 * The {@code status} codes of {@code POST /sms/json} (Nexmo/api-specification definitions/sms.yml
 * {@code x-errors}; developer.vonage.com/api-errors/sms) → {@link ErrorKind}. Vonage answers HTTP
 * 200 even for these, one {@code messages[]} entry per part.
 */
final class VonageErrors {
    private VonageErrors() {
    }

    static ErrorKind kind(String status, String errorText) {
        switch (status) {
            case "1":  // Throttled
            case "10": // Too Many Existing Binds
                return ErrorKind.RATE_LIMITED;
            case "3":  // Invalid Parameters: usually the number ("Invalid to address")
                return errorText.toLowerCase(Locale.ROOT).contains("to") ? ErrorKind.INVALID_NUMBER
                        : ErrorKind.PROVIDER_ERROR;
            case "4":  // Invalid Credentials
            case "8":  // Partner Account Barred
            case "14": // Invalid Signature
            case "32": // Signature And API Secret Disallowed
                return ErrorKind.AUTHENTICATION;
            case "5":  // Internal Error
                return ErrorKind.PROVIDER_UNAVAILABLE;
            case "6":  // Invalid Message (unrecognised number prefix)
            case "22": // Invalid Network Code
            case "33": // Number De-activated
                return ErrorKind.INVALID_NUMBER;
            case "7":  // Number Barred (blacklisted, e.g. after STOP)
                return ErrorKind.OPTED_OUT;
            case "9":  // Partner Quota Violation: insufficient credit
                return ErrorKind.INSUFFICIENT_BALANCE;
            case "11": // Account Not Enabled For HTTP
            case "23": // Invalid Callback Url
            case "29": // Non-Whitelisted Destination (demo account)
                return ErrorKind.CONFIGURATION;
            case "12": // Message Too Long
                return ErrorKind.MESSAGE_TOO_LONG;
            case "15": // Invalid Sender Address
                return ErrorKind.INVALID_SENDER;
            default:   // 2 Missing Parameters and anything new
                return ErrorKind.PROVIDER_ERROR;
        }
    }

    static String hint(String status, ErrorKind kind) {
        if ("29".equals(status)) {
            return "demo accounts send only to whitelisted numbers; add the number in the dashboard or top up";
        }
        if ("11".equals(status)) {
            return "ask Vonage to enable the HTTP API for the account";
        }
        return HttpErrors.hint(kind);
    }

    static SmsException error(ProviderHttp http, HttpResponse<String> response, String status, String errorText) {
        ErrorKind kind = kind(status, errorText);
        return HttpErrors.fromResponse(http, response, kind, status.isEmpty() ? null : status, errorText,
                hint(status, kind)).build();
    }

    /**
     * A long text of which Vonage accepted some parts and rejected others (one {@code messages[]}
     * entry per part). The accepted parts are on their way and paid for, so the message must not
     * be sent again as it is: the exception is not retryable and names the accepted parts' ids.
     *
     * <p>Its kind is PROVIDER_ERROR whatever the rejected part's status means: that status's kind
     * (INSUFFICIENT_BALANCE for 9, RATE_LIMITED for 1, ...) would tell a caller such as the outbox
     * to send the whole message again later (after a top-up, after a delay), which sends the
     * accepted parts a second time. The rejected part's Vonage status stays in
     * {@link SmsException#providerCode()} and its kind is named in the message.
     */
    static SmsException partlyAccepted(ProviderHttp http, int parts, List<Integer> accepted, List<String> acceptedIds,
            List<Integer> rejected, String status, String errorText) {
        ErrorKind rejectedKind = kind(status, errorText);
        String message = "vonage accepted only part of the message: " + parts(accepted) + " of " + parts
                + (accepted.size() == 1 ? " was" : " were") + " accepted (" + (acceptedIds.size() == 1 ? "id " : "ids ")
                + String.join(", ", acceptedIds) + "); " + parts(rejected) + (rejected.size() == 1 ? " was" : " were")
                + " rejected (" + (status.isEmpty() ? "" : "code " + status + ", ") + rejectedKind + ")"
                + (errorText.isBlank() ? "" : ": " + http.excerpt(errorText))
                + "; not retryable: a retry would send " + parts(accepted) + " again";
        SmsException.Builder b = SmsException.builder(ErrorKind.PROVIDER_ERROR, message).provider(http.provider())
                .retryable(false);
        if (!status.isEmpty()) {
            b.providerCode(status);
        }
        return b.build();
    }

    /** "part 2", "parts 1 and 2", "parts 1, 2 and 3". */
    static String parts(List<Integer> numbers) {
        if (numbers.size() == 1) {
            return "part " + numbers.get(0);
        }
        StringBuilder s = new StringBuilder("parts ");
        for (int i = 0; i < numbers.size(); i++) {
            s.append(i == 0 ? "" : i == numbers.size() - 1 ? " and " : ", ").append(numbers.get(i));
        }
        return s.toString();
    }
}
