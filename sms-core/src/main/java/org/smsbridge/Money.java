package org.smsbridge;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount of money, such as the price of a message.
 *
 * @param amount   the amount, possibly negative (some providers report prices as negative numbers)
 * @param currency its currency
 */
public record Money(BigDecimal amount, Currency currency) {
    /** @throws NullPointerException if an argument is null */
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
    }

    /**
     * Creates an amount from a decimal string and an ISO 4217 code.
     *
     * @throws IllegalArgumentException if the amount is not a number or the code is not a currency
     */
    public static Money of(String amount, String currencyCode) {
        try {
            return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount '" + amount + "' is not a decimal number", e);
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
