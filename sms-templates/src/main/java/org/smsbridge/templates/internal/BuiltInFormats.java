package org.smsbridge.templates.internal;

import java.text.DecimalFormat;
import java.text.Normalizer;
import java.text.NumberFormat;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Currency;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.smsbridge.Money;

/**
 * The built-in formats, bound at compile time to their argument, locale and zone. Number layouts
 * and date formatters are cached per (kind, locale, argument) for the life of the JVM; all are
 * immutable and thread-safe.
 */
public final class BuiltInFormats {
    /** The names of the built-in formats, sorted. */
    public static final List<String> NAMES = List.of("capitalize", "date", "datetime", "integer", "lower", "money",
            "number", "percent", "time", "truncate", "upper");

    private static final int MAX_DECIMALS = 8;
    private static final Map<String, DecimalLayout> LAYOUTS = new ConcurrentHashMap<>();
    private static final Map<String, DateTimeFormatter> DATE_FORMATTERS = new ConcurrentHashMap<>();

    private BuiltInFormats() {
    }

    /**
     * Binds a built-in format.
     *
     * @param name     format name, as written after the first {@code :}
     * @param argument the text after the second {@code :}, trimmed, possibly empty
     * @return the bound format, or null if {@code name} is not built in
     * @throws IllegalArgumentException with the problem when the argument does not suit the format
     */
    public static FieldFormat create(String name, String argument, Locale locale, ZoneId zone) {
        switch (name) {
            case "money":
                return money(argument, locale);
            case "number":
                return layout("number", locale, decimals(name, argument, -1));
            case "integer":
                noArgument(name, argument);
                return layout("integer", locale, -1);
            case "percent":
                return layout("percent", locale, decimals(name, argument, -1));
            case "date":
                return temporal(argument, locale, zone, DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM));
            case "time":
                return temporal(argument, locale, zone, DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT));
            case "datetime":
                return temporal(argument, locale, zone,
                        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT));
            case "upper":
                noArgument(name, argument);
                if (locale.getLanguage().equals("el")) {
                    return (value, out) -> out.append(greekUpper(Values.text(value), locale));
                }
                return (value, out) -> out.append(Values.text(value).toUpperCase(locale));
            case "lower":
                noArgument(name, argument);
                return (value, out) -> out.append(Values.text(value).toLowerCase(locale));
            case "capitalize":
                noArgument(name, argument);
                return BuiltInFormats::capitalize;
            case "truncate":
                return truncate(argument);
            default:
                return null;
        }
    }

    private static void noArgument(String name, String argument) {
        if (!argument.isEmpty()) {
            throw new IllegalArgumentException("format '" + name + "' takes no argument, was '" + argument + "'");
        }
    }

    private static int decimals(String name, String argument, int absent) {
        if (argument.isEmpty()) {
            return absent;
        }
        try {
            int n = Integer.parseInt(argument);
            if (n >= 0 && n <= MAX_DECIMALS) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("format '" + name + "' takes a number of decimals from 0 to "
                + MAX_DECIMALS + ", such as {x:" + name + ":2}, was '" + argument + "'");
    }

    private static DecimalLayout layout(String kind, Locale locale, int decimals) {
        return LAYOUTS.computeIfAbsent(kind + '|' + locale.toLanguageTag() + '|' + decimals, k -> {
            NumberFormat f;
            if (kind.equals("integer")) {
                f = NumberFormat.getIntegerInstance(locale);
            } else if (kind.equals("percent")) {
                f = NumberFormat.getPercentInstance(locale);
            } else {
                f = NumberFormat.getNumberInstance(locale);
            }
            if (decimals >= 0) {
                f.setMinimumFractionDigits(decimals);
                f.setMaximumFractionDigits(decimals);
            }
            return new DecimalLayout((DecimalFormat) f);
        });
    }

    static DecimalLayout currencyLayout(Locale locale, Currency currency) {
        return LAYOUTS.computeIfAbsent("money|" + locale.toLanguageTag() + '|' + currency.getCurrencyCode(), k -> {
            DecimalFormat f = (DecimalFormat) NumberFormat.getCurrencyInstance(locale);
            f.setCurrency(currency);
            int decimals = currency.getDefaultFractionDigits();
            if (decimals >= 0) {
                f.setMinimumFractionDigits(decimals);
                f.setMaximumFractionDigits(decimals);
            }
            return new DecimalLayout(f);
        });
    }

    private static FieldFormat money(String argument, Locale locale) {
        Currency fixed = null;
        if (!argument.isEmpty()) {
            try {
                fixed = Currency.getInstance(argument.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("format 'money' takes an ISO 4217 currency code such as "
                        + "{x:money:EUR}, was '" + argument + "'");
            }
        }
        Currency currency = fixed != null ? fixed : NumberFormat.getCurrencyInstance(locale).getCurrency();
        if (currency == null || currency.getCurrencyCode().equals("XXX")) {
            throw new IllegalArgumentException("format 'money' needs a locale with a country (such as el-GR) or a "
                    + "currency such as {x:money:EUR}; the locale is '" + locale.toLanguageTag() + "'");
        }
        DecimalLayout base = currencyLayout(locale, currency);
        if (fixed != null) {
            return base;
        }
        Currency localCurrency = currency;
        return (value, out) -> {
            if (value instanceof Money && !((Money) value).currency().equals(localCurrency)) {
                Money m = (Money) value;
                currencyLayout(locale, m.currency()).formatTo(m.amount(), out);
            } else {
                base.formatTo(value, out);
            }
        };
    }

    /**
     * A date or time written in ISO-8601, as CSV files and JSON carry them: {@code 2026-12-05},
     * {@code 2026-12-05T10:30}, {@code 10:30}, and with an offset or zone, a moment that is shown
     * in {@code zone} as an {@code Instant} is: {@code 2026-12-05T08:30:00Z},
     * {@code 2026-12-05T10:30:00+02:00}.
     */
    static TemporalAccessor isoDateTime(String text, ZoneId zone) {
        String v = text.strip();
        try {
            if (v.indexOf('T') < 0) {
                return v.indexOf(':') < 0 ? LocalDate.parse(v) : LocalTime.parse(v);
            }
            TemporalAccessor parsed = DateTimeFormatter.ISO_DATE_TIME.parseBest(v, ZonedDateTime::from,
                    LocalDateTime::from);
            return parsed instanceof ZonedDateTime ? ((ZonedDateTime) parsed).withZoneSameInstant(zone) : parsed;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("the value '" + v + "' is text that is not an ISO-8601 date or time "
                    + "(2026-12-05, 2026-12-05T10:30, 2026-12-05T10:30:00+02:00)");
        }
    }

    private static FieldFormat temporal(String pattern, Locale locale, ZoneId zone, DateTimeFormatter style) {
        DateTimeFormatter formatter;
        if (pattern.isEmpty()) {
            formatter = style.withLocale(locale);
        } else {
            formatter = DATE_FORMATTERS.computeIfAbsent(pattern + '|' + locale.toLanguageTag(), k -> {
                try {
                    return DateTimeFormatter.ofPattern(pattern, locale);
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("invalid date pattern '" + pattern + "': " + e.getMessage()
                            + " (see java.time.format.DateTimeFormatter, e.g. dd/MM/yyyy HH:mm)");
                }
            });
        }
        // numbers and literals only: printed without the formatter's per-value objects
        NumericDatePattern fast = pattern.isEmpty() ? null : NumericDatePattern.parse(pattern);
        return (value, out) -> {
            TemporalAccessor t;
            if (value instanceof Instant) {
                t = ((Instant) value).atZone(zone);
            } else if (value instanceof Date) {
                t = ((Date) value).toInstant().atZone(zone);
            } else if (value instanceof TemporalAccessor) {
                t = (TemporalAccessor) value;
            } else if (value instanceof CharSequence) {
                t = isoDateTime(value.toString(), zone); // a CSV cell, a JSON string
            } else {
                throw new IllegalArgumentException("the value is a " + value.getClass().getSimpleName()
                        + ", not a date or time (LocalDate, LocalDateTime, ZonedDateTime, Instant, ...)");
            }
            if (fast != null && fast.printTo(t, out)) {
                return;
            }
            try {
                formatter.formatTo(t, out);
            } catch (DateTimeException e) {
                String what = value instanceof CharSequence ? "the text '" + value + "' (read as a "
                        + t.getClass().getSimpleName() + ")" : "a " + value.getClass().getSimpleName();
                throw new IllegalArgumentException(what + " cannot fill the pattern: " + e.getMessage());
            }
        };
    }

    /**
     * Upper case as Greek capitals are written, as ICU's Greek upper-casing does: the accents of
     * Greek letters are dropped ("Καλημέρα" is "ΚΑΛΗΜΕΡΑ", not the JDK's "ΚΑΛΗΜΈΡΑ"); an ι or υ
     * after a vowel whose accent was dropped gets a dialytika, which the accent implied ("Μάιος" is
     * "ΜΑΪΟΣ", not "ΜΑΙΟΣ", which would read as a diphthong); a dialytika that was written stays
     * ("προϊόν", "ΠΡΟΪΟΝ"); the disjunctive ή ("or") standing alone keeps its tonos ("ναι ή όχι",
     * "ΝΑΙ Ή ΟΧΙ"). Only marks on Greek letters change, so a Latin or Vietnamese name in the same
     * text keeps its accents. Text without Greek accents (Latin text, or Greek without accents) is
     * only upper-cased by the JDK, after a scan that allocates nothing.
     */
    static String greekUpper(String text, Locale locale) {
        if (!hasGreekAccents(text)) {
            return text.toUpperCase(locale);
        }
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(nfd.length() + 4);
        boolean afterCased = false;          // the last character that is not case-ignorable is cased
        boolean afterAccentedVowel = false;  // the last character is a Greek vowel whose accent is dropped
        int n = nfd.length();
        int i = 0;
        while (i < n) {
            int cp = nfd.codePointAt(i);
            i += Character.charCount(cp);
            if (!isGreekLetter(cp)) {
                out.appendCodePoint(cp);
                if (!isCaseIgnorable(cp)) {
                    afterCased = isCased(cp);
                }
                afterAccentedVowel = false;
                continue;
            }
            int marksStart = i;
            boolean accent = false;
            boolean dialytika = false;
            boolean ypogegrammeni = false;
            while (i < n) {
                int mark = nfd.codePointAt(i);
                if (Character.getType(mark) != Character.NON_SPACING_MARK) {
                    break;
                }
                accent |= GREEK_ACCENTS.indexOf(mark) >= 0;
                dialytika |= mark == DIALYTIKA;
                ypogegrammeni |= mark == YPOGEGRAMMENI;
                i += Character.charCount(mark);
            }
            int upper = Character.toUpperCase(cp);
            boolean vowel = GREEK_VOWELS.indexOf(upper) >= 0;
            // ICU adds it after any accented vowel (not only one that would make a diphthong)
            dialytika |= afterAccentedVowel && (upper == 'Ι' || upper == 'Υ');
            boolean tonos = upper == 'Η' && accent && !ypogegrammeni && !afterCased && !followedByCased(nfd, i);
            out.appendCodePoint(cp);
            if (dialytika) {
                out.append(DIALYTIKA);
            }
            if (tonos) {
                out.append(TONOS);
            }
            for (int k = marksStart; k < i; ) {
                int mark = nfd.codePointAt(k);
                if (mark != DIALYTIKA && GREEK_ACCENTS.indexOf(mark) < 0 && GREEK_OTHER_MARKS.indexOf(mark) < 0) {
                    out.appendCodePoint(mark);  // the ypogegrammeni (upper-cased to Ι), or a mark of another script
                }
                k += Character.charCount(mark);
            }
            afterAccentedVowel = vowel && accent && !dialytika;
            afterCased = true;
        }
        return Normalizer.normalize(out.toString().toUpperCase(locale), Normalizer.Form.NFC);
    }

    /**
     * Whether {@code s} has a Greek letter with an accent, breathing or dialytika (precomposed, or
     * a combining mark after a Greek letter): only then do the Greek rules change anything.
     */
    private static boolean hasGreekAccents(String s) {
        boolean greek = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '\u0300') {
                greek = false;
                continue;
            }
            if ((c >= '\u1F00' && c <= '\u1FFF') || isAccentedGreek(c)) {
                return true;
            }
            if (c <= '\u036F') {
                if (greek) {
                    return true;
                }
            } else {
                greek = c >= '\u0370' && c <= '\u03FF';
            }
        }
        return false;
    }

    /** Precomposed Greek letters with tonos or dialytika (Ά, Έ, ..., ΐ, ά, ..., ώ, ϓ, ϔ). */
    private static boolean isAccentedGreek(char c) {
        return c == '\u0386' || (c >= '\u0388' && c <= '\u0390' && c != '\u038B' && c != '\u038D')
                || (c >= '\u03AA' && c <= '\u03B0') || (c >= '\u03CA' && c <= '\u03CE') || c == '\u03D3'
                || c == '\u03D4';
    }

    private static boolean isGreekLetter(int cp) {
        if ((cp < 0x0370 || cp > 0x03FF) && (cp < 0x1F00 || cp > 0x1FFF)) {
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.UPPERCASE_LETTER || type == Character.LOWERCASE_LETTER
                || type == Character.TITLECASE_LETTER;
    }

    /** Whether a cased letter follows {@code from}, past case-ignorable characters (as for a final sigma). */
    private static boolean followedByCased(String s, int from) {
        for (int i = from; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (!isCaseIgnorable(cp)) {
                return isCased(cp);
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Unicode's Cased property. */
    private static boolean isCased(int cp) {
        return Character.isLowerCase(cp) || Character.isUpperCase(cp) || Character.isTitleCase(cp);
    }

    /**
     * Unicode's Case_Ignorable property: marks, format characters, modifier letters and symbols, and
     * the apostrophes, periods and colons that may stand inside a word.
     */
    private static boolean isCaseIgnorable(int cp) {
        switch (Character.getType(cp)) {
            case Character.NON_SPACING_MARK:
            case Character.ENCLOSING_MARK:
            case Character.FORMAT:
            case Character.MODIFIER_LETTER:
            case Character.MODIFIER_SYMBOL:
                return true;
            default:
                return WORD_INNER_PUNCTUATION.indexOf(cp) >= 0;
        }
    }

    /** Word_Break MidLetter, MidNumLet and Single_Quote: case-ignorable punctuation. */
    private static final String WORD_INNER_PUNCTUATION =
            "'.:\u00B7\u0387\u055F\u05F4\u2018\u2019\u2024\u2027\uFE13\uFE52\uFE55\uFF07\uFF0E\uFF1A";
    /** Greek capital vowels. */
    private static final String GREEK_VOWELS = "ΑΕΗΙΟΥΩ";
    /** Varia, tonos/oxia, perispomeni and the marks that look like it (circumflex, tilde, inverted breve). */
    private static final String GREEK_ACCENTS = "\u0300\u0301\u0342\u0302\u0303\u0311";
    /** Psili, dasia, koronis, macron and breve: dropped in Greek capitals too. */
    private static final String GREEK_OTHER_MARKS = "\u0313\u0314\u0343\u0304\u0306";
    private static final char DIALYTIKA = '\u0308';
    private static final char TONOS = '\u0301';
    private static final char YPOGEGRAMMENI = '\u0345';

    private static void capitalize(Object value, StringBuilder out) {
        String s = Values.text(value);
        if (s.isEmpty()) {
            return;
        }
        int first = s.codePointAt(0);
        out.appendCodePoint(Character.toTitleCase(first)).append(s, Character.charCount(first), s.length());
    }

    private static FieldFormat truncate(String argument) {
        int max;
        try {
            max = Integer.parseInt(argument);
        } catch (NumberFormatException e) {
            max = -1;
        }
        if (max < 1) {
            throw new IllegalArgumentException("format 'truncate' takes a maximum length of at least 1, such as "
                    + "{x:truncate:20}, was '" + argument + "'");
        }
        int limit = max;
        return (value, out) -> {
            String s = Values.text(value);
            if (s.length() <= limit || s.codePointCount(0, s.length()) <= limit) {
                out.append(s);
            } else {
                out.append(s, 0, clusterEnd(s, limit));
            }
        };
    }

    private static final Pattern CLUSTER = Pattern.compile("\\X");

    /**
     * The end of the longest prefix of {@code s} that has at most {@code limit} code points and does
     * not cut a user-perceived character (a flag, an emoji with skin tone or a family joined by
     * zero-width joiners, a letter with its combining accents).
     */
    static int clusterEnd(String s, int limit) {
        Matcher m = CLUSTER.matcher(s);
        int end = 0;
        int codePoints = 0;
        while (m.find()) {
            codePoints += s.codePointCount(m.start(), m.end());
            if (codePoints > limit) {
                break;
            }
            end = m.end();
        }
        return end;
    }
}
