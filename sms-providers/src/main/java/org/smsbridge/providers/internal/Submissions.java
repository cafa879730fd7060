package org.smsbridge.providers.internal;

import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.text.Encoding;

/**
 * Small helpers for turning an {@link OutgoingSms} into a request. Not API; stateless and
 * thread-safe.
 */
public final class Submissions {
    private Submissions() {
    }

    /** The encoding of the text, GSM-7 for a template message. */
    public static Encoding encoding(OutgoingSms sms) {
        return sms.segmentInfo().map(i -> i.encoding()).orElse(Encoding.GSM_7);
    }

    /** Whether the text needs UCS-2. */
    public static boolean isUnicode(OutgoingSms sms) {
        return encoding(sms) == Encoding.UCS_2;
    }

    /** The E.164 recipient without its {@code +}, as several APIs want it. */
    public static String digitsOnly(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }

    /**
     * The text of a message.
     *
     * @throws SmsException CONFIGURATION when it is a template message and the provider has no
     *                      templates
     */
    public static String requireText(String provider, OutgoingSms sms) {
        return sms.text().orElseThrow(() -> new SmsException(ErrorKind.CONFIGURATION, "provider '" + provider
                + "' does not send provider templates; render the template to text(...) first"));
    }
}
