package org.smsbridge.providers.tencent;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsMessage;
import org.smsbridge.providers.MockApi;
import org.smsbridge.providers.ProviderContract;
import org.smsbridge.spi.SmsProvider;
import org.smsbridge.spi.WebhookRequest;

/** The provider contract for Tencent, against MockWebServer (fixtures as in {@link TencentSmsProviderIT}). */
class TencentSmsProviderContractIT extends ProviderContract {
    private MockApi api;
    private TencentSmsProvider tencent;

    @BeforeEach
    void start() {
        api = MockApi.start();
        tencent = TencentSmsProvider.create(TencentSmsProviderIT.config(api).build(),
                Clock.fixed(TencentSmsProviderIT.NOW, ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        tencent.close();
        api.close();
    }

    @Override
    protected SmsProvider provider() {
        return tencent;
    }

    /** Tencent sends templates only: the text becomes the template's {@code {1}}. */
    @Override
    protected SmsMessage message(String text) {
        return SmsMessage.builder().to(RECIPIENT).from("ACME").templateId("1110").putTemplateParam("1", text).build();
    }

    @Override
    protected void givenNextSubmitAccepted() {
        api.enqueue(200, TencentSmsProviderIT.answer(TencentSmsProviderIT.ok("2019:3", RECIPIENT, 1)));
    }

    @Override
    protected void givenNextRequestFails(ErrorKind kind) {
        switch (kind) {
            case AUTHENTICATION:
                api.enqueue(200, TencentSmsProviderIT.error("AuthFailure.SignatureFailure", "The provided credentials "
                        + "could not be validated. Please check your signature is correct."));
                break;
            case RATE_LIMITED:
                api.enqueue(200, TencentSmsProviderIT.error("RequestLimitExceeded", "Your current request times "
                        + "equals to `3001` in a second, which exceeds the frequency limit `3000` for a second."));
                break;
            default:
                api.enqueueRaw(502, "text/html", "<html>502 Bad Gateway</html>");
        }
    }

    @Override
    protected void givenCredentialsAccepted() {
        api.enqueue(200, "{\"Response\":{\"SmsPackagesStatisticsSet\":[],\"RequestId\":\"r1\"}}");
    }

    @Override
    protected void givenNoAnswer() {
        api.enqueueDelayed(3_000, 200, "{}");
    }

    @Override
    protected void givenCredentialsRejected() {
        api.enqueue(200, TencentSmsProviderIT.error("AuthFailure.SecretIdNotFound", "The SecretId is not found."));
    }

    @Override
    protected Optional<WebhookRequest> deliveredReceipt(String messageId) {
        return Optional.of(TencentReceiptParserTest.callback("https://shop.example/sms/receipts/tencent",
                "[{\"user_receive_time\":\"2026-11-24 22:03:04\",\"nationcode\":\"30\",\"mobile\":\"6912345678\","
                        + "\"report_status\":\"SUCCESS\",\"errmsg\":\"DELIVRD\",\"description\":\"用户短信送达成功\","
                        + "\"sid\":\"" + messageId + "\"}]"));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(TencentSmsProviderIT.SECRET_KEY);
    }
}
