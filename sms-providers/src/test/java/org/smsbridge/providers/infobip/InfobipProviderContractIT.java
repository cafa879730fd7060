package org.smsbridge.providers.infobip;

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

/** The provider contract for Infobip (fixtures as in {@link InfobipProviderIT}). */
class InfobipProviderContractIT extends ProviderContract {
    private MockApi api;
    private InfobipProvider infobip;

    @BeforeEach
    void start() {
        api = MockApi.start();
        infobip = InfobipProvider.create(ProviderConfig.builder().secret("apiKey", InfobipProviderIT.KEY)
                .secret("receiptSecret", "contract-secret").put("baseUrl", api.baseUrl()).build());
    }

    @AfterEach
    void stop() {
        infobip.close();
        api.close();
    }

    @Override
    protected SmsProvider provider() {
        return infobip;
    }

    @Override
    protected void givenNextSubmitAccepted() {
        api.enqueue(200, InfobipProviderIT.pending("2250be2d4219-3af1-78856-aabe-1362af1edfd2"));
    }

    @Override
    protected void givenNextRequestFails(ErrorKind kind) {
        switch (kind) {
            case AUTHENTICATION:
                api.enqueue(401, InfobipProviderIT.requestError("UNAUTHORIZED", "Invalid login details"));
                break;
            case RATE_LIMITED:
                api.enqueue(429, InfobipProviderIT.requestError("TOO_MANY_REQUESTS", "Too many requests"));
                break;
            default:
                api.enqueue(503, InfobipProviderIT.requestError("GENERAL_ERROR", "Service unavailable"));
        }
    }

    @Override
    protected void givenCredentialsAccepted() {
        api.enqueue(200, "{\"balance\":47.79134,\"currency\":\"EUR\"}");
    }

    @Override
    protected void givenNoAnswer() {
        api.enqueueDelayed(3_000, 200, "{}");
    }

    @Override
    protected void givenCredentialsRejected() {
        api.enqueue(401, InfobipProviderIT.requestError("UNAUTHORIZED", "Invalid login details"));
    }

    @Override
    protected Optional<WebhookRequest> deliveredReceipt(String messageId) {
        return Optional.of(InfobipReceiptParserTest.post("https://shop.example/dlr?secret=contract-secret",
                InfobipReceiptParserTest.report(messageId, "DELIVERED", 5, "DELIVERED_TO_HANDSET", 0, "NO_ERROR")));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(InfobipProviderIT.KEY, "contract-secret");
    }
}
