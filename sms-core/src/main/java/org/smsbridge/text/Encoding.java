package org.smsbridge.text;

/**
 * The alphabet a message is sent in, which decides how many characters fit in one SMS.
 */
public enum Encoding {
    /** GSM 03.38 7-bit default alphabet: 160 characters in one SMS, 153 per part when split. */
    GSM_7(160, 153),
    /** UCS-2 (UTF-16 units): 70 characters in one SMS, 67 per part when split. */
    UCS_2(70, 67);

    private final int singleSegmentCapacity;
    private final int multiSegmentCapacity;

    Encoding(int single, int multi) {
        this.singleSegmentCapacity = single;
        this.multiSegmentCapacity = multi;
    }

    /** Units (septets for GSM-7, UTF-16 units for UCS-2) that fit in a message of one segment. */
    public int singleSegmentCapacity() {
        return singleSegmentCapacity;
    }

    /** Units that fit in each part of a concatenated message (the rest is the 6-byte UDH). */
    public int multiSegmentCapacity() {
        return multiSegmentCapacity;
    }

    /** A short human name: {@code "GSM-7"} or {@code "UCS-2"}. */
    public String displayName() {
        return this == GSM_7 ? "GSM-7" : "UCS-2";
    }
}
