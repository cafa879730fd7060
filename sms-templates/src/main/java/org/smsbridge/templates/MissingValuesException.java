package org.smsbridge.templates;

import java.util.List;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

/**
 * Rendering in strict mode ({@link MissingValues#FAIL}, the default) found placeholders without a
 * value and without a fallback. One exception lists every missing name, in template order, so a
 * user can fix them all at once.
 *
 * <p>An {@link SmsException} of kind {@link ErrorKind#INVALID_CONTENT}. Immutable.
 */
public final class MissingValuesException extends SmsException {
    private static final long serialVersionUID = 1L;

    private final List<String> missingNames;

    /**
     * Creates the exception.
     *
     * @param missingNames the names (dotted paths) without a value, in template order, not empty
     * @throws IllegalArgumentException if {@code missingNames} is empty
     */
    public MissingValuesException(List<String> missingNames) {
        super(SmsException.builder(ErrorKind.INVALID_CONTENT, message(missingNames)));
        this.missingNames = List.copyOf(missingNames);
    }

    private static String message(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("missingNames must not be empty");
        }
        return "no value for " + String.join(", ", names) + "; add " + (names.size() == 1 ? "it" : "them")
                + " to the values or give a fallback such as {" + names.get(0) + "|text}";
    }

    /** The names (dotted paths such as {@code car.plate}) without a value, in template order, distinct. */
    public List<String> missingNames() {
        return missingNames;
    }
}
