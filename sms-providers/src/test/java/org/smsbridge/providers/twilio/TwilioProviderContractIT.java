package org.smsbridge.providers.twilio;

import java.util.Map;
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

/** The provider contract for Twilio, against MockWebServer (fixtures as in {@link TwilioProviderIT}). */
class TwilioProviderContractIT extends ProviderContract {
    private MockApi api;
    private TwilioProvider twilio;

    @BeforeEach
    void start() {
        api = MockApi.start();
        twilio = TwilioProvider.create(ProviderConfig.builder().put("accountSid", TwilioProviderIT.SID)
                .secret("authToken", TwilioProviderIT.TOKEN).put("baseUrl", api.baseUrl()).build());
    }

    @AfterEach
    void stop() {
        twilio.close();
        api.close();
    }

    @Override
    protected SmsProvider provider() {
        return twilio;
    }

    @Override
    protected void givenNextSubmitAccepted() {
        api.enqueue(201, TwilioProviderIT.created("SM0123456789abcdef0123456789abcdef", "queued", "1"));
    }

    @Override
    protected void givenNextRequestFails(ErrorKind kind) {
        switch (kind) {
            case AUTHENTICATION:
                api.enqueue(401, TwilioProviderIT.error(20003, "Authenticate", 401));
                break;
            case RATE_LIMITED:
                api.enqueue(429, TwilioProviderIT.error(20429, "Too Many Requests", 429), "Retry-After: 1");
                break;
            default:
                api.enqueueRaw(503, "text/html", "<html>Service Unavailable</html>");
        }
    }

    @Override
    protected void givenCredentialsAccepted() {
        api.enqueue(200, "{\"sid\":\"" + TwilioProviderIT.SID + "\",\"friendly_name\":\"ACME\",\"status\":\"active\"}");
    }

    @Override
    protected void givenBalanceAvailable() {
        api.enqueue(200, "{\"currency\": \"USD\", \"balance\": \"12.29\", \"account_sid\": \"" + TwilioProviderIT.SID + "\"}");
    }

    @Override
    protected void givenNoAnswer() {
        api.enqueueDelayed(3_000, 200, "{}");
    }

    @Override
    protected void givenCredentialsRejected() {
        api.enqueue(401, TwilioProviderIT.error(20003, "Authenticate", 401));
    }

    @Override
    protected Optional<WebhookRequest> deliveredReceipt(String messageId) {
        TwilioReceiptParser signer = new TwilioReceiptParser(TwilioProviderIT.TOKEN);
        Map<String, String> params = TwilioReceiptParserTest.deliveredCallback(messageId, "delivered");
        return Optional.of(TwilioReceiptParserTest.signed(signer, "https://shop.example/sms/receipts/twilio", params));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TwilioProviderIT.TOKEN);
    }
}
