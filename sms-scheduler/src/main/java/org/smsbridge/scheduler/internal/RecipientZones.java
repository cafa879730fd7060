package org.smsbridge.scheduler.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberToTimeZonesMapper;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The time zones a phone number may be in, from libphonenumber's geocoding data. Thread-safe.
 *
 * <p>A Greek, Chinese or Vietnamese number has one zone; a UK number four zones with the same
 * rules; a Russian, Australian or some North American numbers several zones with different
 * offsets. Callers that must never wake anyone ("no advertising at night") should check every
 * candidate; callers that need one zone use {@link #zoneOf(String, ZoneId)}.
 */
public final class RecipientZones {
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private RecipientZones() {
    }

    /**
     * Every zone the number may be in, most likely first as libphonenumber orders them; empty when
     * the number cannot be parsed or its zone is unknown.
     *
     * @param e164 a number in E.164 form ({@code +306912345678})
     */
    public static List<ZoneId> candidates(String e164) {
        Objects.requireNonNull(e164, "e164");
        PhoneNumber number;
        try {
            number = PHONES.parse(e164, null);
        } catch (NumberParseException e) {
            return List.of();
        }
        List<ZoneId> out = new ArrayList<>();
        for (String id : PhoneNumberToTimeZonesMapper.getInstance().getTimeZonesForNumber(number)) {
            if (id.equals(PhoneNumberToTimeZonesMapper.getUnknownTimeZone())) {
                continue;
            }
            try {
                out.add(ZoneId.of(id));
            } catch (DateTimeException e) {
                // a zone id the JDK's tz data does not know: skip it
            }
        }
        return List.copyOf(out);
    }

    /**
     * The one zone to use for the number: {@code fallback} when it is among the candidates or when
     * the candidates disagree on their rules (a Russian mobile number without a region), the only
     * candidate's zone when they all keep the same rules (the UK's four zones), {@code fallback}
     * when the number's zone is unknown.
     */
    public static ZoneId zoneOf(String e164, ZoneId fallback) {
        Objects.requireNonNull(fallback, "fallback");
        List<ZoneId> all = candidates(e164);
        if (all.isEmpty() || all.contains(fallback)) {
            return fallback;
        }
        ZoneId first = all.get(0);
        for (ZoneId z : all) {
            if (!z.getRules().equals(first.getRules())) {
                return fallback;
            }
        }
        return first;
    }
}
