package org.smsbridge.providers.internal;

import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

/**
 * Classification of HTTP error answers: status code to {@link ErrorKind}, {@code Retry-After} to
 * {@link SmsException#retryAfter()}. Not API; stateless and thread-safe.
 */
public final class HttpErrors {
    private HttpErrors() {
    }

    /**
     * The kind an HTTP status means when the provider's own code says nothing more precise: 401 and
     * 403 AUTHENTICATION, 402 INSUFFICIENT_BALANCE, 408 and 504 TIMEOUT, 429 RATE_LIMITED, other 5xx
     * PROVIDER_UNAVAILABLE, anything else PROVIDER_ERROR.
     */
    public static ErrorKind kindForStatus(int status) {
        switch (status) {
            case 401:
            case 403:
                return ErrorKind.AUTHENTICATION;
            case 402:
                return ErrorKind.INSUFFICIENT_BALANCE;
            case 408:
            case 504:
                return ErrorKind.TIMEOUT;
            case 429:
                return ErrorKind.RATE_LIMITED;
            default:
                return status >= 500 && status <= 599 ? ErrorKind.PROVIDER_UNAVAILABLE : ErrorKind.PROVIDER_ERROR;
        }
    }

    /** Whether the status is 2xx. */
    public static boolean isSuccess(int status) {
        return status >= 200 && status <= 299;
    }

    /**
     * The delay of a {@code Retry-After} header: whole seconds ({@code 120}) or an HTTP date
     * ({@code Wed, 21 Oct 2015 07:28:00 GMT}, relative to {@code clock}; a past date is zero).
     * Empty when absent or unreadable.
     */
    public static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        return headers.firstValue("Retry-After").flatMap(v -> parseRetryAfter(v, clock));
    }

    /** Parses one {@code Retry-After} value; see {@link #retryAfter(HttpHeaders, Clock)}. */
    public static Optional<Duration> parseRetryAfter(String value, Clock clock) {
        String v = value.strip();
        if (v.isEmpty()) {
            return Optional.empty();
        }
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(clock.instant(), at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /**
     * Starts the exception for an error answer: kind, provider, provider code (when not null) and
     * {@code Retry-After} (when present). The message is
     * {@code "<provider> rejected the request (HTTP <status>[, code <code>]): <detail>"} ("could not
     * handle the request" for PROVIDER_UNAVAILABLE and TIMEOUT) plus {@code hint} when not empty.
     */
    public static SmsException.Builder fromResponse(ProviderHttp http, HttpResponse<String> response, ErrorKind kind,
            String providerCode, String detail, String hint) {
        boolean theirFault = kind == ErrorKind.PROVIDER_UNAVAILABLE || kind == ErrorKind.TIMEOUT;
        String message = http.provider() + (theirFault ? " could not handle the request" : " rejected the request")
                + " (HTTP " + response.statusCode()
                + (providerCode == null ? "" : ", code " + providerCode) + ")"
                + (detail == null || detail.isBlank() ? "" : ": " + http.excerpt(detail))
                + (hint == null || hint.isBlank() ? "" : "; " + hint);
        SmsException.Builder b = SmsException.builder(kind, message).provider(http.provider());
        if (providerCode != null) {
            b.providerCode(providerCode);
        }
        retryAfter(response.headers(), http.clock()).ifPresent(b::retryAfter);
        return b;
    }

    /** A short hint for the kind, telling the user what to do. */
    public static String hint(ErrorKind kind) {
        switch (kind) {
            case AUTHENTICATION:
                return "check the account credentials in the provider settings";
            case INSUFFICIENT_BALANCE:
                return "top up the account, then send again";
            case RATE_LIMITED:
                return "slow down and retry later";
            case PROVIDER_UNAVAILABLE:
            case TIMEOUT:
                return "retry later";
            case INVALID_NUMBER:
                return "check the recipient's number";
            case INVALID_SENDER:
                return "use a sender ID registered with the provider";
            case OPTED_OUT:
                return "the recipient opted out; do not send to this number";
            case INVALID_CONTENT:
            case BLOCKED_KEYWORD:
                return "change the text";
            case CONFIGURATION:
                return "check the provider settings";
            default:
                return "";
        }
    }
}
