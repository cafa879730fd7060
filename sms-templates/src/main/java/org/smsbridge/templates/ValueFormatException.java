package org.smsbridge.templates;

import java.util.Objects;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

/**
 * A value that its placeholder's format cannot write: text that is not a number for
 * {@code {amount:money}}, text that is not an ISO-8601 date for {@code {due:date:dd/MM/yyyy}}, a
 * {@code LocalDate} for a pattern with hours. Says which placeholder and which variable, so that a
 * caller such as a bulk import can point at the column.
 *
 * <p>An {@link SmsException} of kind {@link ErrorKind#INVALID_CONTENT}. Immutable.
 */
public final class ValueFormatException extends SmsException {
    private static final long serialVersionUID = 1L;

    private final String placeholder;
    private final String variable;

    /**
     * Creates the exception.
     *
     * @param placeholder the placeholder as written, such as {@code {amount:money}}
     * @param variable    its variable name (dotted path), such as {@code amount}
     * @param reason      what is wrong with the value
     * @param cause       the formatter's exception, or null
     */
    public ValueFormatException(String placeholder, String variable, String reason, Throwable cause) {
        super(withCause(SmsException.builder(ErrorKind.INVALID_CONTENT, "cannot render "
                + Objects.requireNonNull(placeholder, "placeholder") + ": " + Objects.requireNonNull(reason, "reason")
                + "; pass a suitable value or change the format"), cause));
        this.placeholder = placeholder;
        this.variable = Objects.requireNonNull(variable, "variable");
    }

    private static SmsException.Builder withCause(SmsException.Builder b, Throwable cause) {
        return cause == null ? b : b.cause(cause);
    }

    /** The placeholder as written in the template, such as {@code {amount:money}}. */
    public String placeholder() {
        return placeholder;
    }

    /** The placeholder's variable name (a dotted path such as {@code car.plate}). */
    public String variable() {
        return variable;
    }
}
