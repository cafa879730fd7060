package org.smsbridge.providers.plivo;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.smsbridge.ErrorKind;
import org.smsbridge.providers.MockApi;
import org.smsbridge.providers.ProviderContract;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.WebhookRequest;

/** The provider contract for Plivo (fixtures as in {@link PlivoProviderIT}). */
class PlivoProviderContractIT extends ProviderContract {
    private MockApi api;
    private PlivoProvider plivo;

    @BeforeEach
    void start() {
        api = MockApi.start();
        plivo = PlivoProvider.create(ProviderConfig.builder().put("authId", PlivoProviderIT.AUTH_ID)
                .secret("authToken", PlivoProviderIT.TOKEN).put("baseUrl", api.baseUrl()).build());
    }

    @AfterEach
    void stop() {
        plivo.close();
        api.close();
    }

    @Override
    protected SmsProvider provider() {
        return plivo;
    }

    @Override
    protected void givenNextSubmitAccepted() {
        api.enqueue(202, PlivoProviderIT.queued("db3ce55a-7f1d-11e1-8ea7-1231380bc196"));
    }

    @Override
    protected void givenNextRequestFails(ErrorKind kind) {
        switch (kind) {
            case AUTHENTICATION:
                api.enqueue(401, PlivoProviderIT.error("Could not verify your access level for that URL."));
                break;
            case RATE_LIMITED:
                api.enqueue(429, PlivoProviderIT.error("too many requests"));
                break;
            default:
                api.enqueue(503, PlivoProviderIT.error("service unavailable"));
        }
    }

    @Override
    protected void givenCredentialsAccepted() {
        api.enqueue(200, "{\"auth_id\":\"" + PlivoProviderIT.AUTH_ID + "\",\"cash_credits\":\"7.40000\",\"name\":\"ACME\"}");
    }

    @Override
    protected void givenNoAnswer() {
        api.enqueueDelayed(3_000, 200, "{}");
    }

    @Override
    protected void givenCredentialsRejected() {
        api.enqueue(401, PlivoProviderIT.error("Could not verify your access level for that URL."));
    }

    @Override
    protected Optional<WebhookRequest> deliveredReceipt(String messageId) {
        PlivoReceiptParser signer = new PlivoReceiptParser(PlivoProviderIT.TOKEN);
        return Optional.of(PlivoReceiptParserTest.signed(signer, "https://shop.example/sms/receipts/plivo",
                PlivoReceiptParserTest.callback(messageId, "delivered", "000")));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(PlivoProviderIT.TOKEN);
    }
}
