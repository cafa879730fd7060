package org.smsbridge.providers.sinch;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.smsbridge.ErrorKind;
import org.smsbridge.providers.MockApi;
import org.smsbridge.providers.ProviderContract;
import org.smsbridge.providers.internal.Signatures;
import org.smsbridge.spi.ProviderConfig;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.WebhookRequest;

/** The provider contract for Sinch with signed reports (fixtures as in {@link SinchProviderIT}). */
class SinchProviderContractIT extends ProviderContract {
    private MockApi api;
    private SinchProvider sinch;

    @BeforeEach
    void start() {
        api = MockApi.start();
        sinch = SinchProvider.create(ProviderConfig.builder().put("servicePlanId", SinchProviderIT.PLAN)
                .secret("apiToken", SinchProviderIT.TOKEN).secret("webhookSecret", SinchReceiptParserTest.SECRET)
                .put("baseUrl", api.baseUrl()).build());
    }

    @AfterEach
    void stop() {
        sinch.close();
        api.close();
    }

    @Override
    protected SmsProvider provider() {
        return sinch;
    }

    @Override
    protected void givenNextSubmitAccepted() {
        api.enqueue(201, SinchProviderIT.created("01FC66621XXXXX119Z8PMV1QPQ"));
    }

    @Override
    protected void givenNextRequestFails(ErrorKind kind) {
        switch (kind) {
            case AUTHENTICATION:
                api.enqueue(401, SinchProviderIT.error("unauthorized", "Unauthorized"));
                break;
            case RATE_LIMITED:
                api.enqueue(429, SinchProviderIT.error("too_many_requests", "Too many requests"));
                break;
            default:
                api.enqueueRaw(502, "text/html", "<html>Bad Gateway</html>");
        }
    }

    @Override
    protected void givenCredentialsAccepted() {
        api.enqueue(200, "{\"count\":0,\"page\":0,\"batches\":[],\"page_size\":1}");
    }

    @Override
    protected void givenNoAnswer() {
        api.enqueueDelayed(3_000, 200, "{}");
    }

    @Override
    protected void givenCredentialsRejected() {
        api.enqueue(401, SinchProviderIT.error("unauthorized", "Unauthorized"));
    }

    @Override
    protected Optional<WebhookRequest> deliveredReceipt(String messageId) {
        return Optional.of(SinchReceiptParserTest.signed(SinchReceiptParserTest.recipientReport(messageId, "Delivered", 0),
                SinchReceiptParserTest.SECRET, Instant.now().getEpochSecond(), Signatures.HMAC_SHA256));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(SinchProviderIT.TOKEN, SinchReceiptParserTest.SECRET);
    }
}
