package org.smsbridge.providers.vonage;

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

/** The provider contract for Vonage with signed receipts (fixtures as in {@link VonageProviderIT}). */
class VonageProviderContractIT extends ProviderContract {
    private MockApi api;
    private VonageProvider vonage;

    @BeforeEach
    void start() {
        api = MockApi.start();
        vonage = VonageProvider.create(ProviderConfig.builder().secret("apiKey", VonageProviderIT.KEY)
                .secret("apiSecret", VonageProviderIT.SECRET).secret("signatureSecret", VonageReceiptParserTest.SECRET)
                .put("signatureMethod", "sha256").put("baseUrl", api.baseUrl()).build());
    }

    @AfterEach
    void stop() {
        vonage.close();
        api.close();
    }

    @Override
    protected SmsProvider provider() {
        return vonage;
    }

    @Override
    protected void givenNextSubmitAccepted() {
        api.enqueue(200, VonageProviderIT.accepted("0A0000000123ABCD1"));
    }

    @Override
    protected void givenNextRequestFails(ErrorKind kind) {
        switch (kind) {
            case AUTHENTICATION:
                api.enqueue(200, VonageProviderIT.rejected("4", "Bad Credentials"));
                break;
            case RATE_LIMITED:
                api.enqueue(200, VonageProviderIT.rejected("1", "Throttled"));
                break;
            default:
                api.enqueueRaw(503, "text/html", "<html>Service Unavailable</html>");
        }
    }

    @Override
    protected void givenCredentialsAccepted() {
        api.enqueue(200, "{\"value\":10.28,\"autoReload\":false}");
    }

    @Override
    protected void givenNoAnswer() {
        api.enqueueDelayed(3_000, 200, "{}");
    }

    @Override
    protected void givenCredentialsRejected() {
        api.enqueue(401, "{\"title\":\"Unauthorized\",\"detail\":\"You did not provide correct credentials.\"}");
    }

    @Override
    protected Optional<WebhookRequest> deliveredReceipt(String messageId) {
        return Optional.of(VonageReceiptParserTest.post(VonageReceiptParserTest.signed(
                VonageReceiptParserTest.dlr(messageId, "delivered", "0"), VonageSignature.SHA256,
                VonageReceiptParserTest.SECRET, java.time.Instant.now().getEpochSecond())));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(VonageProviderIT.SECRET, VonageReceiptParserTest.SECRET);
    }
}
