package org.smsbridge.text;

/**
 * The GSM 03.38 default alphabet and its extension table (3GPP TS 23.038, section 6.2.1).
 * Package-private: callers use {@link SmsText}.
 */
final class Gsm7 {
    /** Characters of the basic table, in code order 0x00..0x7F; 0x1B (escape) is a placeholder. */
    private static final String BASIC =
            "@£$¥èéùìòÇ\nØø\rÅå"
            + "Δ_ΦΓΛΩΠΨΣΘΞ\u001BÆæßÉ"
            + " !\"#¤%&'()*+,-./"
            + "0123456789:;<=>?"
            + "¡ABCDEFGHIJKLMNO"
            + "PQRSTUVWXYZÄÖÑÜ§"
            + "¿abcdefghijklmno"
            + "pqrstuvwxyzäöñüà";

    /** Characters of the extension table: each is sent as ESC + code, so it costs two septets. */
    private static final String EXTENSION = "\f^{}\\[~]|€";

    /** 0 = not GSM, 1 = basic table, 2 = extension table; indexed by char below 0x2400. */
    private static final byte[] COST = new byte[0x2400];

    static {
        if (BASIC.length() != 128) {
            throw new AssertionError("GSM basic table must have 128 entries, has " + BASIC.length());
        }
        for (int i = 0; i < BASIC.length(); i++) {
            if (i != 0x1B) {
                COST[BASIC.charAt(i)] = 1;
            }
        }
        for (int i = 0; i < EXTENSION.length(); i++) {
            char c = EXTENSION.charAt(i);
            if (c < COST.length) {
                COST[c] = 2;
            }
        }
    }

    private Gsm7() {
    }

    /** Septets needed for {@code c}: 1 (basic), 2 (extension) or 0 when it is not in GSM-7. */
    static int septets(char c) {
        return c < COST.length ? COST[c] : 0;
    }

    static boolean isGsm(char c) {
        return septets(c) != 0;
    }
}
