package org.smsbridge.providers.http;

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

/**
 * The provider contract for the generic gateway configured as a JSON vendor with bearer auth, a
 * balance endpoint and form receipt pushes (answers as in {@link HttpGatewayProviderIT}).
 */
class HttpGatewayProviderContractIT extends ProviderContract {
    private static final String TOKEN = "Bearer tok-contract-42aa";
    private MockApi api;
    private HttpGatewayProvider gateway;

    @BeforeEach
    void start() {
        api = MockApi.start();
        gateway = HttpGatewayProvider.create(ProviderConfig.builder()
                .put("url", api.baseUrl() + "v1/sms")
                .put("bodyType", "json")
                .put("jsonBody", "{\"mobile\":\"{to}\",\"sender\":\"{from}\",\"content\":\"{text}\"}")
                .secret("authToken", TOKEN)
                .put("successPointer", "/code")
                .put("messageIdPointer", "/data/msgid")
                .put("errorMessagePointer", "/msg")
                .put("errorKind.-1", "AUTHENTICATION")
                .put("balanceUrl", api.baseUrl() + "v1/balance")
                .put("balancePointer", "/data/balance")
                .put("receiptIdField", "msgid")
                .put("receiptStatusField", "stat")
                .put("requestTimeout", "PT2S")
                .build());
    }

    @AfterEach
    void stop() {
        gateway.close();
        api.close();
    }

    @Override
    protected SmsProvider provider() {
        return gateway;
    }

    @Override
    protected void givenNextSubmitAccepted() {
        api.enqueue(200, HttpGatewayProviderIT.ACCEPTED);
    }

    @Override
    protected void givenNextRequestFails(ErrorKind kind) {
        switch (kind) {
            case AUTHENTICATION:
                api.enqueue(200, "{\"code\":-1,\"msg\":\"账号或密码错误\"}");
                break;
            case RATE_LIMITED:
                api.enqueue(429, "{\"code\":429,\"msg\":\"请求过于频繁\"}", "Retry-After: 1");
                break;
            default:
                api.enqueueRaw(503, "text/html", "<html>维护中</html>");
        }
    }

    @Override
    protected void givenCredentialsAccepted() {
        api.enqueue(200, "{\"code\":0,\"data\":{\"balance\":\"1520\"}}");
    }

    @Override
    protected void givenNoAnswer() {
        api.enqueueDelayed(3_000, 200, "{}");
    }

    @Override
    protected void givenCredentialsRejected() {
        api.enqueue(401, "{\"code\":401,\"msg\":\"unauthorized\"}");
    }

    @Override
    protected Optional<WebhookRequest> deliveredReceipt(String messageId) {
        return Optional.of(HttpGatewayReceiptParserTest.form("https://shop.example/sms/receipts/http",
                "msgid=" + messageId + "&mobile=306912345678&stat=DELIVRD"));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TOKEN, "tok-contract-42aa");
    }
}
