package org.smsbridge.templates.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsbridge.Money;

/**
 * A thread-safe, allocation-light replacement for one configured {@link DecimalFormat}: the
 * prefixes, separators and digit counts are read once, and formatting writes digits straight into
 * the output. At construction it formats probe values both ways; if any differ (an unusual
 * locale), it falls back to a per-thread clone of the {@code DecimalFormat}. Non-breaking spaces
 * (U+00A0, U+202F) that CLDR puts into numbers become plain spaces so a number never forces UCS-2.
 */
final class DecimalLayout implements FieldFormat {
    private static final Logger LOG = LoggerFactory.getLogger(DecimalLayout.class);
    private static final BigDecimal HALF = new BigDecimal("0.5");
    /** Powers of ten up to 10^18. */
    static final long[] POW10 = new long[19];
    /** The most digits a value may have (counted down to its last shown decimal) for the exact double path. */
    private static final int EXACT_DIGITS = 15;
    private static final double[] POW10D = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
    private static final String[] PROBES = {"0", "1", "-1", "12.5", "12.50", "0.005", "0.015", "-0.001", "999.995",
        "1234567.891", "-1234567.899", "0.255", "100", "12345678901.5", "0.1", "7"};

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final String posPrefix;
    private final String posSuffix;
    private final String negPrefix;
    private final String negSuffix;
    private final char zero;
    private final char groupSeparator;
    private final char decimalSeparator;
    private final int groupSize;
    private final int minFraction;
    private final int maxFraction;
    private final int minInteger;
    private final int shift;
    private final boolean fast;
    private final ThreadLocal<DecimalFormat> slow;

    DecimalLayout(DecimalFormat prototype) {
        DecimalFormat proto = (DecimalFormat) prototype.clone();
        this.slow = ThreadLocal.withInitial(() -> (DecimalFormat) proto.clone());
        DecimalFormatSymbols s = proto.getDecimalFormatSymbols();
        boolean currency = proto.toPattern().indexOf('\u00A4') >= 0;
        this.posPrefix = plain(proto.getPositivePrefix());
        this.posSuffix = plain(proto.getPositiveSuffix());
        this.negPrefix = plain(proto.getNegativePrefix());
        this.negSuffix = plain(proto.getNegativeSuffix());
        this.zero = s.getZeroDigit();
        this.groupSeparator = plain(currency ? s.getMonetaryGroupingSeparator() : s.getGroupingSeparator());
        this.decimalSeparator = plain(currency ? s.getMonetaryDecimalSeparator() : s.getDecimalSeparator());
        this.groupSize = proto.isGroupingUsed() ? proto.getGroupingSize() : 0;
        this.minFraction = proto.getMinimumFractionDigits();
        this.maxFraction = proto.getMaximumFractionDigits();
        this.minInteger = Math.min(proto.getMinimumIntegerDigits(), 18);
        this.shift = proto.getMultiplier() == 100 ? 2 : 0;
        boolean usable = (proto.getMultiplier() == 1 || proto.getMultiplier() == 100)
                && proto.getRoundingMode() == RoundingMode.HALF_EVEN && !proto.isDecimalSeparatorAlwaysShown()
                && proto.toPattern().indexOf('E') < 0 && maxFraction <= 8 && minFraction <= maxFraction;
        this.fast = usable && agreesWith(proto);
        if (!fast) {
            LOG.debug("number pattern '{}' uses the DecimalFormat path", proto.toPattern());
        }
    }

    private boolean agreesWith(DecimalFormat proto) {
        StringBuilder mine = new StringBuilder();
        for (String probe : PROBES) {
            BigDecimal v = new BigDecimal(probe);
            mine.setLength(0);
            if (!formatFast(v, Double.NaN, mine) || !mine.toString().equals(plain(proto.format(v)))) {
                return false;
            }
        }
        return true;
    }

    /** Whether the fast path is used (false: the locale's format needed the DecimalFormat path). */
    boolean fast() {
        return fast;
    }

    @Override
    public void formatTo(Object value, StringBuilder out) {
        if (value instanceof Double) {
            double d = (Double) value;
            if (Double.isNaN(d) || Double.isInfinite(d) || !fast || !formatFast(BigDecimal.valueOf(d), d, out)) {
                out.append(plain(slow.get().format(d)));
            }
            return;
        }
        if (value instanceof Float && (((Float) value).isNaN() || ((Float) value).isInfinite())) {
            out.append(plain(slow.get().format(((Float) value).doubleValue())));
            return;
        }
        // a Float is its shortest decimal (0.1f is 0.1, not 0.100000001490116...), then rounded as a BigDecimal
        BigDecimal v = toDecimal(value);
        if (!fast || !formatFast(v, Double.NaN, out)) {
            out.append(plain(slow.get().format(v)));
        }
    }

    /**
     * Converts a number-like value; a double or a float by its shortest decimal form (as
     * {@code Double.toString} or {@code Float.toString} writes it).
     */
    static BigDecimal toDecimal(Object value) {
        if (value instanceof BigDecimal) {
            return (BigDecimal) value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        }
        if (value instanceof Double) {
            return BigDecimal.valueOf((Double) value);
        }
        if (value instanceof Float) {
            return Values.decimal((Float) value);
        }
        if (value instanceof BigInteger) {
            return new BigDecimal((BigInteger) value);
        }
        if (value instanceof Money) {
            return ((Money) value).amount();
        }
        if (value instanceof Number) {
            return new BigDecimal(value.toString());
        }
        if (value instanceof CharSequence) {
            try {
                return new BigDecimal(value.toString().trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the value is text that is not a number");
            }
        }
        throw new IllegalArgumentException("the value is a " + value.getClass().getSimpleName() + ", not a number");
    }

    /**
     * Writes {@code value}; false (and nothing written) when it needs more than 18 digits. For a
     * double, {@code value} is its shortest decimal form (the digits {@code DecimalFormat} shows) and
     * {@code exact} decides a tie, as {@code DecimalFormat} rounds by the exact binary value.
     */
    private boolean formatFast(BigDecimal value, double exact, StringBuilder out) {
        boolean negative = value.signum() < 0;
        BigDecimal v = shift == 0 ? value : value.movePointRight(shift);
        long units;
        int scale = v.scale();
        if (scale >= 0 && scale <= maxFraction && v.precision() - scale + maxFraction <= EXACT_DIGITS) {
            // Nothing to round, and the value in units of the last decimal is below 10^15 < 2^50:
            // the double v (correctly rounded) times 10^maxFraction is within 1/4 of it, so
            // rounding gives it exactly, without the BigDecimal that movePointRight allocates.
            units = Math.round(Math.abs(v.doubleValue()) * POW10D[maxFraction]);
        } else {
            BigDecimal rounded = v.setScale(maxFraction, RoundingMode.HALF_EVEN);
            if (!Double.isNaN(exact) && scale > maxFraction && isTie(v)) {
                BigDecimal binary = new BigDecimal(exact);
                rounded = (shift == 0 ? binary : binary.movePointRight(shift)).setScale(maxFraction,
                        RoundingMode.HALF_EVEN);
            }
            if (rounded.precision() > 18) {
                return false;
            }
            units = Math.abs(rounded.movePointRight(maxFraction).longValueExact());
        }
        int fraction = maxFraction;
        while (fraction > minFraction && units % 10 == 0) {
            units /= 10;
            fraction--;
        }
        long integer = units / POW10[fraction];
        long decimals = units % POW10[fraction];
        out.append(negative ? negPrefix : posPrefix);
        int digits = Math.max(minInteger, digitCount(integer));
        int separators = groupSize > 0 ? (digits - 1) / groupSize : 0;
        int start = out.length();
        int end = start + digits + separators;
        out.setLength(end);
        int pos = end;
        for (int d = 0; d < digits; d++) {
            if (groupSize > 0 && d > 0 && d % groupSize == 0) {
                out.setCharAt(--pos, groupSeparator);
            }
            out.setCharAt(--pos, (char) (zero + (int) (integer % 10)));
            integer /= 10;
        }
        if (fraction > 0) {
            out.append(decimalSeparator);
            int fstart = out.length();
            out.setLength(fstart + fraction);
            for (int p = fstart + fraction - 1; p >= fstart; p--) {
                out.setCharAt(p, (char) (zero + (int) (decimals % 10)));
                decimals /= 10;
            }
        }
        out.append(negative ? negSuffix : posSuffix);
        return true;
    }

    private boolean isTie(BigDecimal v) {
        BigDecimal dropped = v.subtract(v.setScale(maxFraction, RoundingMode.DOWN)).movePointRight(maxFraction).abs();
        return dropped.compareTo(HALF) == 0;
    }

    /** Decimal digits of {@code n >= 0}. */
    static int digitCount(long n) {
        int d = 1;
        while (d < 19 && n >= POW10[d]) {
            d++;
        }
        return d;
    }

    private static char plain(char c) {
        return c == '\u00A0' || c == '\u202F' ? ' ' : c;
    }

    static String plain(String s) {
        return s.replace('\u00A0', ' ').replace('\u202F', ' ');
    }
}
