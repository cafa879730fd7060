package org.smsbridge.providers.aliyun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.SmsException;
import org.smsbridge.spi.WebhookRequest;

/**
 * SmsReport receipts as documented in "短信发送状态报告 SmsReport" (help.aliyun.com/document_detail/101867):
 * HTTP batch push, {@code POST} with a JSON array, e.g.
 * {@code [{"phone_number":"1381111****","send_time":"2017-01-01 00:00:00","report_time":"2017-01-01 00:00:00",
 * "success":true,"err_code":"DELIVERED","err_msg":"用户接收成功","sms_size":"1","biz_id":"12345","out_id":"67890"}]};
 * an MNS queue message carries one such object.
 */
class AliyunReceiptParserTest {
    static final String PUSH = "[{\"phone_number\":\"13800138000\",\"send_time\":\"2026-11-24 22:00:00\","
            + "\"report_time\":\"2026-11-24 22:00:05\",\"success\":true,\"err_code\":\"DELIVERED\","
            + "\"err_msg\":\"用户接收成功\",\"sms_size\":\"1\",\"biz_id\":\"900619746936498440^0\",\"out_id\":\"order-42\"},"
            + "{\"phone_number\":\"13900139000\",\"send_time\":\"2026-11-24 22:00:00\",\"report_time\":\"2026-11-24 22:01:00\","
            + "\"success\":false,\"err_code\":\"MK:0001\",\"err_msg\":\"MK:0001\",\"sms_size\":\"2\","
            + "\"biz_id\":\"900619746936498441^0\",\"out_id\":\"order-43\"}]";

    static WebhookRequest callback(String url, String body) {
        return WebhookRequest.builder("POST", url).header("Content-Type", "application/json").body(body).build();
    }

    @Test
    void acceptsARelativeUrlBecauseAliyunDoesNotSignTheUrl() {
        assertThat(new AliyunReceiptParser("tkn-1").parse(callback("/sms/aliyun?token=tkn-1", PUSH))).hasSize(2);
    }

    @Test
    void parsesABatchPushIntoReceiptsWithUnifiedStatus() {
        List<DeliveryReceipt> r = new AliyunReceiptParser(null).parse(callback("https://shop.example/sms/aliyun", PUSH));
        assertThat(r).hasSize(2);
        DeliveryReceipt ok = r.get(0);
        assertThat(ok.messageId()).isEqualTo("900619746936498440^0");
        assertThat(ok.status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(ok.errorCode()).isEmpty();
        assertThat(ok.to()).contains("+8613800138000");
        assertThat(ok.doneAt()).contains(Instant.parse("2026-11-24T14:00:05Z"));
        assertThat(ok.rawFields()).containsEntry("out_id", "order-42").containsEntry("err_msg", "用户接收成功");
        DeliveryReceipt failed = r.get(1);
        assertThat(failed.status()).isEqualTo(MessageStatus.UNDELIVERED);
        assertThat(failed.errorCode()).contains("MK:0001");
        assertThat(failed.provider()).contains("aliyun");
    }

    @Test
    void parsesOneMnsMessageBody() {
        String mns = "{\"phone_number\":\"13800138000\",\"send_time\":\"2026-11-24 22:00:00\",\"report_time\":"
                + "\"2026-11-24 22:00:05\",\"success\":false,\"err_code\":\"EXPIRED\",\"err_msg\":\"EXPIRED\","
                + "\"sms_size\":\"1\",\"biz_id\":\"77^0\",\"out_id\":\"\"}";
        List<DeliveryReceipt> r = new AliyunReceiptParser(null).parse(callback("mns://queue", mns));
        assertThat(r).singleElement().satisfies(d -> {
            assertThat(d.messageId()).isEqualTo("77^0");
            assertThat(d.status()).isEqualTo(MessageStatus.EXPIRED);
        });
    }

    @Test
    void requiresTheConfiguredTokenInTheUrl() {
        AliyunReceiptParser parser = new AliyunReceiptParser("s3cr3t-token");
        assertThat(parser.parse(callback("https://shop.example/sms/aliyun?token=s3cr3t-token", PUSH))).hasSize(2);
        assertThatThrownBy(() -> parser.parse(callback("https://shop.example/sms/aliyun", PUSH)))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
        assertThatThrownBy(() -> parser.parse(callback("https://shop.example/sms/aliyun?token=guess", PUSH)))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                    assertThat(e.getMessage()).doesNotContain("s3cr3t-token");
                });
    }

    @Test
    void rejectsBodiesThatAreNoReport() {
        AliyunReceiptParser parser = new AliyunReceiptParser(null);
        for (String junk : new String[] {"{\"hello\":", "[{\"phone_number\":\"13800138000\"}]", "[1]"}) {
            assertThatThrownBy(() -> parser.parse(callback("https://shop.example/sms/aliyun", junk)))
                    .isInstanceOfSatisfying(SmsException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT));
        }
    }
}
