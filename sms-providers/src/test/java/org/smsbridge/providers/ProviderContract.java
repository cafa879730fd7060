package org.smsbridge.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.smsbridge.Balance;
import org.smsbridge.CredentialCheck;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SendResult;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsException;
import org.smsbridge.SmsMessage;
import org.smsbridge.spi.Capability;
import org.smsbridge.spi.OutgoingSms;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.SmsProviders;
import org.smsbridge.spi.WebhookRequest;
import org.smsbridge.text.Encoding;

/**
 * The behaviour every {@link SmsProvider} must show, whatever API is behind it. A subclass wires
 * one provider to a stub (MockWebServer, or the fake's own switches) through the {@code given...}
 * hooks; the tests here then check the SPI contract: results, error kinds and retryability,
 * credential checks, balance consistent with {@link Capability#BALANCE}, receipts, no secrets in
 * messages.
 *
 * <p>Hooks are called before the action they prepare; {@link #provider()} must return the same
 * instance throughout one test.
 */
public abstract class ProviderContract {
    /** A Greek mobile number in E.164, used as the recipient. */
    public static final String RECIPIENT = "+306912345678";

    /** The provider under test (one instance per test). */
    protected abstract SmsProvider provider();

    /** Makes the next send request succeed. */
    protected abstract void givenNextSubmitAccepted();

    /**
     * Makes the next request fail the way the real API fails for {@code kind}: one of
     * AUTHENTICATION, RATE_LIMITED (with {@code Retry-After} where the API sends one) or
     * PROVIDER_UNAVAILABLE.
     */
    protected abstract void givenNextRequestFails(ErrorKind kind);

    /** Makes the next credential check succeed (and the next balance call, if it has one). */
    protected abstract void givenCredentialsAccepted();

    /** Makes the next {@code balance()} call succeed; default {@link #givenCredentialsAccepted()}. */
    protected void givenBalanceAvailable() {
        givenCredentialsAccepted();
    }

    /** Makes the next credential check see rejected credentials. */
    protected abstract void givenCredentialsRejected();

    /**
     * A correctly signed receipt callback saying {@code messageId} was delivered; empty when the
     * provider has no receipts.
     */
    protected abstract Optional<WebhookRequest> deliveredReceipt(String messageId);

    /** Makes the next request get no answer for a few seconds (a silent server), for the timeout tests. */
    protected abstract void givenNoAnswer();

    /** Secrets of the provider's configuration, which must never show in a message or toString. */
    protected Set<String> secrets() {
        return Set.of();
    }

    /** A message to {@link #RECIPIENT} carrying {@code text} (templates-only providers override). */
    protected SmsMessage message(String text) {
        SmsMessage.Builder b = SmsMessage.builder().to(RECIPIENT).text(text);
        sender().ifPresent(b::from);
        return b.build();
    }

    /** The sender used in messages; default {@code "ACME"}. */
    protected Optional<String> sender() {
        return Optional.of("ACME");
    }

    /** The exception a future failed with, unwrapped. */
    protected static SmsException failureOf(CompletableFuture<?> future) {
        Throwable t = catchThrowable(() -> future.get(10, TimeUnit.SECONDS));
        assertThat(t).as("future should have failed").isNotNull();
        Throwable cause = t.getCause() != null && !(t instanceof SmsException) ? t.getCause() : t;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(SmsException.class);
        return (SmsException) cause;
    }

    /** The value of a future that must succeed. */
    protected static <T> T valueOf(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("future failed: " + e, e);
        }
    }

    @Test
    void nameIsLowerCaseAndRegisteredWithTheServiceLoader() {
        String name = provider().name();
        assertThat(name).matches("[a-z][a-z0-9-]*");
        assertThat(SmsProviders.names()).contains(name);
    }

    @Test
    void sendsGsmTextAndReportsTheProvidersMessageId() {
        if (templatesOnly()) {
            assertPlainTextIsRefusedBeforeAnyRequest("Your car is ready");
            return;
        }
        givenNextSubmitAccepted();
        SendResult r = valueOf(provider().submit(OutgoingSms.of(message("Your car is ready"))));
        assertThat(r.messageId()).isNotBlank();
        assertThat(r.to()).isEqualTo(RECIPIENT);
        assertThat(r.provider()).isEqualTo(provider().name());
        assertThat(r.encoding()).isEqualTo(Encoding.GSM_7);
        assertThat(r.segments()).isGreaterThanOrEqualTo(1);
        assertThat(r.status()).isIn(MessageStatus.QUEUED, MessageStatus.SENDING, MessageStatus.SENT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"您的验证码是 4370", "Το αυτοκίνητό σας είναι έτοιμο", "Xe của bạn đã sẵn sàng"})
    void sendsUnicodeTextsAsUcs2(String text) {
        if (templatesOnly()) {
            assertPlainTextIsRefusedBeforeAnyRequest(text);
            return;
        }
        assertThat(provider().capabilities()).as("every provider here sends Unicode text").contains(Capability.UNICODE);
        givenNextSubmitAccepted();
        SendResult r = valueOf(provider().submit(OutgoingSms.of(message(text))));
        assertThat(r.encoding()).isEqualTo(Encoding.UCS_2);
        assertThat(r.messageId()).isNotBlank();
    }

    private boolean templatesOnly() {
        return provider().capabilities().contains(Capability.TEMPLATES_ONLY);
    }

    /** A template-only provider gets no plain text: SmsClient refuses it with a CONFIGURATION error. */
    private void assertPlainTextIsRefusedBeforeAnyRequest(String text) {
        SmsClient client = SmsClient.builder().provider(provider()).build();
        assertThatThrownBy(() -> client.send(SmsMessage.builder().to(RECIPIENT).text(text).build()))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION))
                .hasMessageContaining("only carrier-approved templates");
    }

    @Test
    void sendsThroughSmsClient() {
        givenNextSubmitAccepted();
        SmsClient client = SmsClient.builder().provider(provider()).build();
        SendResult r = client.send(message("Your car is ready"));
        assertThat(r.provider()).isEqualTo(provider().name());
        assertThat(r.to()).isEqualTo(RECIPIENT);
    }

    @Test
    void rejectedCredentialsFailAsAuthenticationAndAreNotRetryable() {
        givenNextRequestFails(ErrorKind.AUTHENTICATION);
        SmsException e = failureOf(provider().submit(OutgoingSms.of(message("Your car is ready"))));
        assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.provider()).contains(provider().name());
        assertNoSecretIn(e.getMessage());
        assertNoSecretIn(e.toString());
    }

    @Test
    void rateLimitIsRetryable() {
        givenNextRequestFails(ErrorKind.RATE_LIMITED);
        SmsException e = failureOf(provider().submit(OutgoingSms.of(message("Your car is ready"))));
        assertThat(e.kind()).isEqualTo(ErrorKind.RATE_LIMITED);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void unavailableProviderIsRetryable() {
        givenNextRequestFails(ErrorKind.PROVIDER_UNAVAILABLE);
        SmsException e = failureOf(provider().submit(OutgoingSms.of(message("Your car is ready"))));
        assertThat(e.kind()).isEqualTo(ErrorKind.PROVIDER_UNAVAILABLE);
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void credentialCheckAcceptsGoodCredentials() {
        givenCredentialsAccepted();
        CredentialCheck c = valueOf(provider().verifyCredentials());
        assertThat(c.isValid()).as(c.toString()).isTrue();
        assertThat(c.failureKind()).isEmpty();
    }

    @Test
    void credentialCheckReportsRejectedCredentialsWithoutFailing() {
        givenCredentialsRejected();
        CredentialCheck c = valueOf(provider().verifyCredentials());
        assertThat(c.isValid()).isFalse();
        assertThat(c.failureKind()).contains(ErrorKind.AUTHENTICATION);
        assertNoSecretIn(c.detail());
    }

    @Test
    void aCredentialCheckThatTimesOutDoesNotSpeakOfAMessage() {
        givenNoAnswer();
        SmsClient client = SmsClient.builder().provider(provider()).sendTimeout(Duration.ofMillis(700)).build();
        CredentialCheck c = client.verifyCredentials();
        assertThat(c.isValid()).isFalse();
        assertThat(c.failureKind()).contains(ErrorKind.TIMEOUT);
        assertThat(c.detail()).as("no message is involved in a credential check").doesNotContain("message")
                .contains(provider().name());
    }

    @Test
    void aBalanceCallToASilentServerTimesOutWithoutSpeakingOfAMessageOrIsRefusedAtOnceWithoutTheCapability() {
        givenNoAnswer();
        SmsClient client = SmsClient.builder().provider(provider()).sendTimeout(Duration.ofMillis(700)).build();
        // without Capability.BALANCE no request is made: CONFIGURATION, not a wait for the silent server
        ErrorKind expected = provider().capabilities().contains(Capability.BALANCE)
                ? ErrorKind.TIMEOUT : ErrorKind.CONFIGURATION;
        assertThatThrownBy(client::balance).isInstanceOfSatisfying(SmsException.class, e -> {
            assertThat(e.kind()).isEqualTo(expected);
            assertThat(e.getMessage()).doesNotContain("message");
        });
    }

    @Test
    void balanceIsAvailableExactlyWhenTheCapabilitySaysSo() {
        if (provider().capabilities().contains(Capability.BALANCE)) {
            givenBalanceAvailable();
            Balance b = valueOf(provider().balance());
            assertThat(b.amount()).isNotNull();
        } else {
            SmsException e = failureOf(provider().balance());
            assertThat(e.kind()).isEqualTo(ErrorKind.CONFIGURATION);
        }
    }

    @Test
    void receiptsAreOfferedExactlyWhenTheCapabilitySaysSo() {
        assertThat(provider().receipts().isPresent())
                .isEqualTo(provider().capabilities().contains(Capability.DELIVERY_RECEIPTS));
    }

    @Test
    void parsesADeliveredReceipt() {
        Optional<ReceiptParser> parser = provider().receipts();
        assumeTrue(parser.isPresent());
        WebhookRequest callback = deliveredReceipt("MSG-123").orElseThrow();
        List<DeliveryReceipt> receipts = parser.get().parse(callback);
        assertThat(receipts).isNotEmpty();
        assertThat(receipts.get(0).messageId()).isEqualTo("MSG-123");
        assertThat(receipts.get(0).status()).isEqualTo(MessageStatus.DELIVERED);
    }

    @Test
    void rejectsACallbackThatIsNoReceiptWithAnSmsException() {
        Optional<ReceiptParser> parser = provider().receipts();
        assumeTrue(parser.isPresent());
        WebhookRequest junk = WebhookRequest.builder("POST", "https://shop.example/sms/receipts")
                .header("Content-Type", "application/json").body("{\"hello\":").build();
        assertThatThrownBy(() -> parser.get().parse(junk)).isInstanceOfSatisfying(SmsException.class,
                e -> assertThat(e.kind()).isIn(ErrorKind.AUTHENTICATION, ErrorKind.INVALID_CONTENT));
    }

    @Test
    void refusesANullCallbackWithAMessageThatSaysWhatToPass() {
        Optional<ReceiptParser> parser = provider().receipts();
        assumeTrue(parser.isPresent());
        assertThatThrownBy(() -> parser.get().parse(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining(provider().name() + " receipt parser was given a null request")
                .hasMessageContaining("WebhookRequest.builder(");
    }

    @Test
    void toStringShowsNoSecret() {
        assertNoSecretIn(provider().toString());
    }

    @Test
    void senderRulesAndCapabilitiesAreNeverNull() {
        assertThat(provider().senderRules()).isNotNull();
        assertThat(provider().capabilities()).isNotNull();
    }

    /** Fails when {@code text} contains any of {@link #secrets()}. */
    protected void assertNoSecretIn(String text) {
        for (String secret : secrets()) {
            assertThat(text).doesNotContain(secret);
        }
    }
}
