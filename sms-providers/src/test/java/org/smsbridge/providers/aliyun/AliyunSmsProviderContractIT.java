package org.smsbridge.providers.aliyun;

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

/** The provider contract for Aliyun, against MockWebServer (fixtures as in {@link AliyunSmsProviderIT}). */
class AliyunSmsProviderContractIT extends ProviderContract {
    private MockApi api;
    private AliyunSmsProvider aliyun;

    @BeforeEach
    void start() {
        api = MockApi.start();
        aliyun = AliyunSmsProviderIT.provider(AliyunSmsProviderIT.config(api).build());
    }

    @AfterEach
    void stop() {
        aliyun.close();
        api.close();
    }

    @Override
    protected SmsProvider provider() {
        return aliyun;
    }

    /** Aliyun sends templates only: the text becomes the value of the template's {@code ${text}}. */
    @Override
    protected SmsMessage message(String text) {
        return SmsMessage.builder().to(RECIPIENT).from("ACME").templateId("SMS_71390007").putTemplateParam("text", text)
                .build();
    }

    @Override
    protected void givenNextSubmitAccepted() {
        api.enqueue(200, AliyunSmsProviderIT.OK);
    }

    @Override
    protected void givenNextRequestFails(ErrorKind kind) {
        switch (kind) {
            case AUTHENTICATION:
                api.enqueue(404, "{\"RequestId\":\"A1\",\"HostId\":\"dysmsapi.aliyuncs.com\",\"Code\":"
                        + "\"InvalidAccessKeyId.NotFound\",\"Message\":\"Specified access key is not found.\"}");
                break;
            case RATE_LIMITED:
                api.enqueue(200, "{\"RequestId\":\"A2\",\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\",\"Message\":"
                        + "\"触发小时级流控Permits:5\"}");
                break;
            default:
                api.enqueueRaw(503, "text/html", "<html>Service Unavailable</html>");
        }
    }

    @Override
    protected void givenCredentialsAccepted() {
        api.enqueue(200, "{\"RequestId\":\"A3\",\"Code\":\"OK\",\"Message\":\"OK\",\"SignName\":\"阿里云短信测试\","
                + "\"SignStatus\":1}");
    }

    @Override
    protected void givenNoAnswer() {
        api.enqueueDelayed(3_000, 200, "{}");
    }

    @Override
    protected void givenCredentialsRejected() {
        api.enqueue(400, "{\"RequestId\":\"A4\",\"HostId\":\"dysmsapi.aliyuncs.com\",\"Code\":\"SignatureDoesNotMatch\","
                + "\"Message\":\"Specified signature is not matched with our calculation.\"}");
    }

    @Override
    protected Optional<WebhookRequest> deliveredReceipt(String messageId) {
        return Optional.of(AliyunReceiptParserTest.callback("https://shop.example/sms/receipts/aliyun",
                "[{\"phone_number\":\"306912345678\",\"send_time\":\"2026-11-24 22:00:00\",\"report_time\":"
                        + "\"2026-11-24 22:00:05\",\"success\":true,\"err_code\":\"DELIVERED\",\"err_msg\":\"用户接收成功\","
                        + "\"sms_size\":\"1\",\"biz_id\":\"" + messageId + "\",\"out_id\":\"\"}]"));
    }

    @Override
    protected Set<String> secrets() {
        return Set.of(AliyunSmsProviderIT.SECRET);
    }
}
