package org.smsbridge;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "are these account settings right?" (the "test" button of a settings dialog).
 * Immutable.
 */
public final class CredentialCheck {
    private final boolean valid;
    private final String detail;
    private final ErrorKind failureKind;
    private final Balance balance;
    private final Instant checkedAt;

    private CredentialCheck(boolean valid, String detail, ErrorKind failureKind, Balance balance, Instant checkedAt) {
        this.valid = valid;
        this.detail = Objects.requireNonNull(detail, "detail");
        this.failureKind = failureKind;
        this.balance = balance;
        this.checkedAt = Objects.requireNonNull(checkedAt, "checkedAt");
    }

    /** The provider accepted the credentials; {@code detail} says what was checked (e.g. the account name). */
    public static CredentialCheck valid(String detail, Instant checkedAt) {
        return new CredentialCheck(true, detail, null, null, checkedAt);
    }

    /** The provider accepted the credentials and reported the balance. */
    public static CredentialCheck valid(String detail, Balance balance, Instant checkedAt) {
        return new CredentialCheck(true, detail, null, Objects.requireNonNull(balance, "balance"), checkedAt);
    }

    /**
     * The check failed: {@code kind} is {@link ErrorKind#AUTHENTICATION} for rejected credentials,
     * another kind when the provider could not be asked; {@code detail} says what to do.
     */
    public static CredentialCheck invalid(ErrorKind kind, String detail, Instant checkedAt) {
        return new CredentialCheck(false, detail, Objects.requireNonNull(kind, "kind"), null, checkedAt);
    }

    /** Whether the provider accepted the credentials. */
    public boolean isValid() {
        return valid;
    }

    /** A human sentence about the outcome, without secrets. */
    public String detail() {
        return detail;
    }

    /** Why the check failed, when it did. */
    public Optional<ErrorKind> failureKind() {
        return Optional.ofNullable(failureKind);
    }

    /** The balance, when the provider reported it with the check. */
    public Optional<Balance> balance() {
        return Optional.ofNullable(balance);
    }

    /** When the check was made. */
    public Instant checkedAt() {
        return checkedAt;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof CredentialCheck)) {
            return false;
        }
        CredentialCheck c = (CredentialCheck) o;
        return valid == c.valid && detail.equals(c.detail) && failureKind == c.failureKind
                && Objects.equals(balance, c.balance) && checkedAt.equals(c.checkedAt);
    }

    @Override
    public int hashCode() {
        return Objects.hash(valid, detail, failureKind, balance, checkedAt);
    }

    @Override
    public String toString() {
        return "CredentialCheck{" + (valid ? "valid" : "invalid " + failureKind) + ", " + detail
                + (balance == null ? "" : ", balance=" + balance) + '}';
    }
}
