package org.smsbridge.scheduler;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of automatic event message, such as a birthday greeting or "your car is ready": an id,
 * when it is sent ({@link Kind}) and a default template text. Immutable and thread-safe; equal when
 * the ids are equal.
 *
 * <p>The built-in types below cover the member-management and auto-repair products the library was
 * asked for. Their default templates are plain English examples that a host overrides with its own
 * text in {@link EventSettings} (Chinese, Greek, Vietnamese...); the placeholders they use are
 * listed with each constant. Hosts add their own types:
 *
 * <pre>{@code
 * EventType tyreChange = EventType.immediate("tyre-change", "Dear {name}, your winter tyres are fitted.");
 * EventType insurance = EventType.daysBefore("insurance-due", 14, "Dear {name}, the insurance of {plate} ends on {eventDate}.");
 * EventType anniversary = EventType.annual("member-anniversary", "Dear {name}, thank you for another year with us!");
 * }</pre>
 *
 * <p>Date-driven types get two values from the library: {@code eventDate} (the birthday, expiry or
 * due date, a {@code LocalDate}) and, for {@link Kind#BEFORE_DATE}, {@code daysLeft} (days from the
 * local sending date to the event date).
 */
public final class EventType {
    /** Longest id; ids become part of outbox references and tags. */
    public static final int MAX_ID_LENGTH = 40;
    /** Most days before a date a reminder may be sent. */
    public static final int MAX_DAYS_BEFORE = 366;

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9._-]*");

    /** When messages of a type are made. */
    public enum Kind {
        /** Only when the host calls {@link EventNotifications#notify}. */
        IMMEDIATE,
        /** Every year on the recipient's date (birthday): the daily job matches month and day. */
        ANNUAL,
        /** A number of days before the recipient's date (expiry, due date): the daily job matches the exact date. */
        BEFORE_DATE
    }

    /** A new member registered. Placeholders: {@code name}, {@code cardNumber}, {@code company}. */
    public static final EventType MEMBER_REGISTRATION = immediate("member-registration",
            "Dear {name}, welcome to {company}! Your membership card number is {cardNumber}.");
    /** Birthday greeting on the recipient's birthday. Placeholders: {@code name}, {@code company}. */
    public static final EventType BIRTHDAY = annual("birthday",
            "Happy birthday, {name}! Best wishes from {company}.");
    /** The membership card expires in 7 days (by default). Placeholders: {@code name}, {@code cardNumber}, {@code eventDate}, {@code company}. */
    public static final EventType CARD_EXPIRY = daysBefore("card-expiry", 7,
            "Dear {name}, your membership card {cardNumber} expires on {eventDate}. Please renew it at {company}.");
    /** A purchase was paid with the card. Placeholders: {@code name}, {@code cardNumber}, {@code amount}, {@code balance}, {@code company}. */
    public static final EventType CONSUMPTION = immediate("consumption",
            "Dear {name}, you spent {amount} with card {cardNumber}. Balance: {balance}. Thank you, {company}.");
    /** A payment or top-up was received. Placeholders: {@code name}, {@code amount}, {@code balance}, {@code company}. */
    public static final EventType PAYMENT_RECEIVED = immediate("payment-received",
            "Dear {name}, we received your payment of {amount}. Balance: {balance}. {company}");
    /** Points were redeemed. Placeholders: {@code name}, {@code points}, {@code item}, {@code pointsLeft}, {@code company}. */
    public static final EventType POINTS_REDEMPTION = immediate("points-redemption",
            "Dear {name}, you redeemed {points} points for {item}. Points left: {pointsLeft}. {company}");
    /** A voucher was issued. Placeholders: {@code name}, {@code voucher}, {@code validUntil}, {@code company}. */
    public static final EventType VOUCHER_ISSUED = immediate("voucher-issued",
            "Dear {name}, you received the voucher {voucher}, valid until {validUntil}. {company}");
    /** An unused voucher expires in 3 days (by default). Placeholders: {@code name}, {@code voucher}, {@code eventDate}, {@code company}. */
    public static final EventType VOUCHER_EXPIRY = daysBefore("voucher-expiry", 3,
            "Dear {name}, your voucher {voucher} expires on {eventDate}. Use it before then! {company}");
    /** Points earned for referring a customer. Placeholders: {@code name}, {@code referredName}, {@code points}, {@code company}. */
    public static final EventType REFERRAL_POINTS = immediate("referral-points",
            "Dear {name}, thank you for referring {referredName}! You earned {points} points. {company}");
    /** Workshop: the car is repaired and can be collected. Placeholders: {@code name}, {@code plate}, {@code cost}, {@code company}. */
    public static final EventType CAR_READY = immediate("car-ready",
            "Dear {name}, your car {plate} is ready. Cost: {cost}. Please come to pay and collect it. {company}");
    /** Workshop: maintenance is due in 3 days (by default). Placeholders: {@code name}, {@code plate}, {@code eventDate}, {@code company}. */
    public static final EventType MAINTENANCE_DUE = daysBefore("maintenance-due", 3,
            "Dear {name}, your car {plate} is due for maintenance on {eventDate}. Book a visit with {company}.");
    /** Workshop: a promised payment is due today (by default). Placeholders: {@code name}, {@code amount}, {@code eventDate}, {@code company}. */
    public static final EventType DEBT_DUE = daysBefore("debt-due", 0,
            "Dear {name}, the payment of {amount} you promised for {eventDate} is due. Please settle it with {company}.");

    private static final List<EventType> BUILT_IN = List.of(MEMBER_REGISTRATION, BIRTHDAY, CARD_EXPIRY, CONSUMPTION,
            PAYMENT_RECEIVED, POINTS_REDEMPTION, VOUCHER_ISSUED, VOUCHER_EXPIRY, REFERRAL_POINTS, CAR_READY,
            MAINTENANCE_DUE, DEBT_DUE);

    private final String id;
    private final Kind kind;
    private final int defaultDaysBefore;
    private final String defaultTemplate;

    private EventType(String id, Kind kind, int defaultDaysBefore, String defaultTemplate) {
        this.id = checkId(id);
        this.kind = kind;
        this.defaultDaysBefore = defaultDaysBefore;
        Objects.requireNonNull(defaultTemplate, "defaultTemplate");
        if (defaultTemplate.isBlank()) {
            throw new IllegalArgumentException("defaultTemplate of event type '" + id + "' must not be blank");
        }
        this.defaultTemplate = defaultTemplate;
    }

    /**
     * A type the host triggers with {@link EventNotifications#notify}.
     *
     * @param id              lower-case letters, digits, {@code .}, {@code _}, {@code -}; at most {@value #MAX_ID_LENGTH} characters
     * @param defaultTemplate the template body used until the host configures another
     * @throws IllegalArgumentException if the id or template is malformed
     */
    public static EventType immediate(String id, String defaultTemplate) {
        return new EventType(id, Kind.IMMEDIATE, 0, defaultTemplate);
    }

    /**
     * A type sent every year on the recipient's date (month and day), such as a birthday.
     *
     * @throws IllegalArgumentException if the id or template is malformed
     */
    public static EventType annual(String id, String defaultTemplate) {
        return new EventType(id, Kind.ANNUAL, 0, defaultTemplate);
    }

    /**
     * A type sent {@code days} days before the recipient's date (0: on the date itself), such as an
     * expiry reminder. {@link EventSettings.Builder#daysBefore(int)} changes the number per registry.
     *
     * @throws IllegalArgumentException if the id or template is malformed, or {@code days} is not
     *                                  between 0 and {@value #MAX_DAYS_BEFORE}
     */
    public static EventType daysBefore(String id, int days, String defaultTemplate) {
        return new EventType(id, Kind.BEFORE_DATE, checkDays(id, days), defaultTemplate);
    }

    /** Every built-in type, in the order listed in this class. */
    public static List<EventType> builtIn() {
        return BUILT_IN;
    }

    public String id() {
        return id;
    }

    public Kind kind() {
        return kind;
    }

    /** Whether the daily job makes this type's messages ({@link Kind#ANNUAL} or {@link Kind#BEFORE_DATE}). */
    public boolean isDateDriven() {
        return kind != Kind.IMMEDIATE;
    }

    /** Days before the date for {@link Kind#BEFORE_DATE} types unless configured otherwise; 0 for the others. */
    public int defaultDaysBefore() {
        return defaultDaysBefore;
    }

    /** The English example template body. */
    public String defaultTemplate() {
        return defaultTemplate;
    }

    /** Whether {@code other} has the same id, kind, days and default template. */
    boolean sameDefinition(EventType other) {
        return id.equals(other.id) && kind == other.kind && defaultDaysBefore == other.defaultDaysBefore
                && defaultTemplate.equals(other.defaultTemplate);
    }

    static int checkDays(String id, int days) {
        if (days < 0 || days > MAX_DAYS_BEFORE) {
            throw new IllegalArgumentException("days before of event type '" + id + "' must be between 0 and "
                    + MAX_DAYS_BEFORE + ", was " + days);
        }
        return days;
    }

    private static String checkId(String id) {
        Objects.requireNonNull(id, "id");
        if (id.length() > MAX_ID_LENGTH || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException("event type id '" + id + "' must be 1 to " + MAX_ID_LENGTH
                    + " lower-case letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return id;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EventType t && id.equals(t.id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return kind == Kind.BEFORE_DATE ? id + " (" + defaultDaysBefore + " days before)" : id + " (" + kind + ")";
    }
}
