package org.smsbridge.providers.twilio;

import java.util.Map;
import org.smsbridge.ErrorKind;
import org.smsbridge.providers.internal.HttpErrors;

/**
 * Twilio error codes → {@link ErrorKind}. Sources: twilio.com/docs/api/errors/&lt;code&gt; (e.g.
 * 20003 "Authenticate", 21211 "Invalid 'To' Phone Number", 21610 "Attempt to send to unsubscribed
 * recipient", 20429 "Too Many Requests") and the fact sheet §2.
 */
final class TwilioErrors {
    private static final Map<String, ErrorKind> BY_CODE = Map.ofEntries(
            Map.entry("20003", ErrorKind.AUTHENTICATION),       // Authentication error (bad SID/token)
            Map.entry("20404", ErrorKind.AUTHENTICATION),       // resource not found: wrong Account SID
            Map.entry("20005", ErrorKind.INSUFFICIENT_BALANCE), // account not active (suspended, often unpaid)
            Map.entry("20429", ErrorKind.RATE_LIMITED),         // Too Many Requests
            Map.entry("21211", ErrorKind.INVALID_NUMBER),       // invalid 'To' phone number
            Map.entry("21614", ErrorKind.INVALID_NUMBER),       // 'To' is not a valid mobile number
            Map.entry("21612", ErrorKind.INVALID_NUMBER),       // 'To' not reachable from this 'From'
            Map.entry("21212", ErrorKind.INVALID_SENDER),       // invalid 'From' phone number
            Map.entry("21606", ErrorKind.INVALID_SENDER),       // 'From' is not an SMS-capable number of the account
            Map.entry("21659", ErrorKind.INVALID_SENDER),       // 'From' is not a Twilio number
            Map.entry("21610", ErrorKind.OPTED_OUT),            // recipient replied STOP
            Map.entry("21408", ErrorKind.CONFIGURATION),        // geo permission for the region not enabled
            Map.entry("21608", ErrorKind.CONFIGURATION),        // trial account: number not verified
            Map.entry("21602", ErrorKind.INVALID_CONTENT),      // Body required
            Map.entry("21617", ErrorKind.MESSAGE_TOO_LONG),     // Body exceeds 1600 characters
            Map.entry("30007", ErrorKind.INVALID_CONTENT));     // filtered by the carrier (spam/content)

    private TwilioErrors() {
    }

    /** The kind of a Twilio error code; unknown codes fall back on the HTTP status. */
    static ErrorKind kind(String code, int httpStatus) {
        ErrorKind k = BY_CODE.get(code);
        return k != null ? k : HttpErrors.kindForStatus(httpStatus);
    }

    /** What the user should do. */
    static String hint(String code, ErrorKind kind) {
        if ("21408".equals(code)) {
            return "enable the destination country in the Twilio console under Messaging > Geo permissions";
        }
        if ("21608".equals(code)) {
            return "trial accounts send only to verified numbers; verify the number or upgrade the account";
        }
        if ("20005".equals(code)) {
            return "the Twilio account is not active; pay the balance or reactivate it";
        }
        return HttpErrors.hint(kind);
    }
}
