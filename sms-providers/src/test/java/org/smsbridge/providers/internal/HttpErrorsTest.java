package org.smsbridge.providers.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.smsbridge.ErrorKind;

class HttpErrorsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2015-10-21T07:27:00Z"), ZoneOffset.UTC);

    @ParameterizedTest
    @CsvSource({"400, PROVIDER_ERROR", "401, AUTHENTICATION", "402, INSUFFICIENT_BALANCE", "403, AUTHENTICATION",
        "404, PROVIDER_ERROR", "408, TIMEOUT", "429, RATE_LIMITED", "500, PROVIDER_UNAVAILABLE",
        "502, PROVIDER_UNAVAILABLE", "503, PROVIDER_UNAVAILABLE", "504, TIMEOUT", "302, PROVIDER_ERROR"})
    void classifiesHttpStatuses(int status, ErrorKind kind) {
        assertThat(HttpErrors.kindForStatus(status)).isEqualTo(kind);
    }

    @Test
    void readsRetryAfterInSeconds() {
        assertThat(HttpErrors.parseRetryAfter("120", CLOCK)).contains(Duration.ofSeconds(120));
        assertThat(HttpErrors.parseRetryAfter(" 0 ", CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void readsRetryAfterAsAnHttpDate() {
        // RFC 9110 §10.2.3 example: "Retry-After: Fri, 31 Dec 1999 23:59:59 GMT"; here one minute ahead
        assertThat(HttpErrors.parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", CLOCK)).contains(Duration.ofMinutes(1));
    }

    @Test
    void treatsAPastRetryAfterDateAsZero() {
        assertThat(HttpErrors.parseRetryAfter("Wed, 21 Oct 2015 07:00:00 GMT", CLOCK)).contains(Duration.ZERO);
    }

    @Test
    void ignoresAnUnreadableRetryAfter() {
        assertThat(HttpErrors.parseRetryAfter("soon", CLOCK)).isEmpty();
        assertThat(HttpErrors.parseRetryAfter("-5", CLOCK)).isEmpty();
        assertThat(HttpErrors.parseRetryAfter("99999999999999999999999", CLOCK)).isEmpty();
    }
}
