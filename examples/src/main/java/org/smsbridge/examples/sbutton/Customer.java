package org.smsbridge.examples.sbutton;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One row of the host application's customer table: the record an SMS is generated from.
 *
 * @param id       the database id
 * @param name     the owner's name, as it is greeted in a message
 * @param phone    the mobile number as the shop typed it (national numbers use the demo's region)
 * @param plate    the car's licence plate
 * @param balance  what the customer owes (the "cost" of a car-ready message)
 * @param birthday the customer's birthday
 * @param language the customer's language tag, such as {@code zh-CN}; picks the template and money format
 */
public record Customer(long id, String name, String phone, String plate, BigDecimal balance, LocalDate birthday,
        String language) {

    /** Checks that no field is null. */
    public Customer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(birthday, "birthday");
        Objects.requireNonNull(language, "language");
    }

    /** The customer's locale, for money and dates. */
    public Locale locale() {
        return Locale.forLanguageTag(language);
    }

    /** The language part of {@link #language()}: {@code zh}, {@code el}, {@code vi}, {@code en}. */
    public String languageCode() {
        return locale().getLanguage();
    }

    /** The contact key stored with outbox entries, so the outbox can be searched per customer. */
    public String contactKey() {
        return "customer-" + id;
    }
}
