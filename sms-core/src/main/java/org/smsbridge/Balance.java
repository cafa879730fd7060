package org.smsbridge;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;

/**
 * What is left on a prepaid account: money, a number of messages (trial accounts, message
 * bundles) or provider credits. Immutable.
 */
public final class Balance {
    /** What a balance counts. */
    public enum Unit {
        /** Money in {@link Balance#currency()}. */
        MONEY,
        /** Messages that can still be sent. */
        MESSAGES,
        /** Provider-specific credits. */
        CREDITS
    }

    private final BigDecimal amount;
    private final Unit unit;
    private final Currency currency;
    private final Instant checkedAt;

    private Balance(BigDecimal amount, Unit unit, Currency currency, Instant checkedAt) {
        this.amount = Objects.requireNonNull(amount, "amount");
        this.unit = unit;
        this.currency = currency;
        this.checkedAt = Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** A money balance. */
    public static Balance ofMoney(BigDecimal amount, Currency currency, Instant checkedAt) {
        return new Balance(amount, Unit.MONEY, Objects.requireNonNull(currency, "currency"), checkedAt);
    }

    /** A number of messages left, as on a trial account. */
    public static Balance ofMessages(long messages, Instant checkedAt) {
        return new Balance(BigDecimal.valueOf(messages), Unit.MESSAGES, null, checkedAt);
    }

    /** Provider credits left. */
    public static Balance ofCredits(BigDecimal credits, Instant checkedAt) {
        return new Balance(credits, Unit.CREDITS, null, checkedAt);
    }

    /** The amount left in {@link #unit()}. */
    public BigDecimal amount() {
        return amount;
    }

    /** What the amount counts. */
    public Unit unit() {
        return unit;
    }

    /** The currency, for a {@link Unit#MONEY} balance. */
    public Optional<Currency> currency() {
        return Optional.ofNullable(currency);
    }

    /** When the provider was asked. */
    public Instant checkedAt() {
        return checkedAt;
    }

    /** Whether nothing is left (amount zero or below). */
    public boolean isExhausted() {
        return amount.signum() <= 0;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof Balance)) {
            return false;
        }
        Balance b = (Balance) o;
        return amount.compareTo(b.amount) == 0 && unit == b.unit && Objects.equals(currency, b.currency)
                && checkedAt.equals(b.checkedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount.stripTrailingZeros(), unit, currency, checkedAt);
    }

    @Override
    public String toString() {
        switch (unit) {
            case MONEY:
                return amount.toPlainString() + " " + currency.getCurrencyCode();
            case MESSAGES:
                return amount.toPlainString() + " messages";
            default:
                return amount.toPlainString() + " credits";
        }
    }
}
