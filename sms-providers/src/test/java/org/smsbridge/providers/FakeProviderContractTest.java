package org.smsbridge.providers;

import java.time.Duration;
import java.util.Optional;
import org.smsbridge.ErrorKind;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.WebhookRequest;
import org.smsbridge.testing.FakeSmsProvider;

/** The provider contract run against sms-core's {@link FakeSmsProvider}, the reference behaviour. */
class FakeProviderContractTest extends ProviderContract {
    private FakeSmsProvider fake;

    @Override
    protected SmsProvider provider() {
        if (fake == null) {
            fake = new FakeSmsProvider().withBalance(5);
        }
        return fake;
    }

    @Override
    protected void givenNextSubmitAccepted() {
        provider();
    }

    @Override
    protected void givenNextRequestFails(ErrorKind kind) {
        ((FakeSmsProvider) provider()).failNext(kind);
    }

    @Override
    protected void givenCredentialsAccepted() {
        provider();
    }

    @Override
    protected void givenCredentialsRejected() {
        ((FakeSmsProvider) provider()).withInvalidCredentials();
    }

    @Override
    protected void givenNoAnswer() {
        ((FakeSmsProvider) provider()).withLatency(Duration.ofSeconds(5));
    }

    @Override
    protected Optional<WebhookRequest> deliveredReceipt(String messageId) {
        return Optional.of(WebhookRequest.builder("POST", "https://shop.example/sms/receipts/fake")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .body("id=" + messageId + "&status=DELIVERED").build());
    }
}
