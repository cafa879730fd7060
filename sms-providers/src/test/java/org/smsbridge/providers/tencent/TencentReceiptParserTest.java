package org.smsbridge.providers.tencent;

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
 * Status callbacks as documented in "短信下发状态通知" (cloud.tencent.com/document/product/382/52077):
 * a JSON array, e.g. {@code [{"user_receive_time":"2015-10-17 08:03:04","nationcode":"86","mobile":"13xxxxxxxxx",
 * "report_status":"SUCCESS","errmsg":"DELIVRD","description":"用户短信送达成功","sid":"xxxxxxx"}]}; the reply
 * callback ("短信回复") has {@code text}/{@code sign} instead and is not a receipt.
 */
class TencentReceiptParserTest {
    static final String PUSH = "[{\"user_receive_time\":\"2026-11-24 22:03:04\",\"nationcode\":\"86\","
            + "\"mobile\":\"13711112222\",\"report_status\":\"SUCCESS\",\"errmsg\":\"DELIVRD\","
            + "\"description\":\"用户短信送达成功\",\"sid\":\"5000:1045710669157053657849499619\"},"
            + "{\"user_receive_time\":\"2026-11-24 22:04:00\",\"nationcode\":\"30\",\"mobile\":\"6912345678\","
            + "\"report_status\":\"FAIL\",\"errmsg\":\"MK:0005\",\"description\":\"用户短信送达失败\",\"sid\":\"2019:77\"}]";

    static WebhookRequest callback(String url, String body) {
        return WebhookRequest.builder("POST", url).header("Content-Type", "application/json").body(body).build();
    }

    @Test
    void parsesStatusCallbacksIntoReceipts() {
        List<DeliveryReceipt> r = new TencentReceiptParser(null).parse(callback("https://shop.example/sms/tencent", PUSH));
        assertThat(r).hasSize(2);
        assertThat(r.get(0).messageId()).isEqualTo("5000:1045710669157053657849499619");
        assertThat(r.get(0).status()).isEqualTo(MessageStatus.DELIVERED);
        assertThat(r.get(0).errorCode()).isEmpty();
        assertThat(r.get(0).to()).contains("+8613711112222");
        assertThat(r.get(0).doneAt()).contains(Instant.parse("2026-11-24T14:03:04Z"));
        assertThat(r.get(1).status()).isEqualTo(MessageStatus.UNDELIVERED);
        assertThat(r.get(1).errorCode()).contains("MK:0005");
        assertThat(r.get(1).to()).contains("+306912345678");
        assertThat(r.get(1).rawFields()).containsEntry("description", "用户短信送达失败");
    }

    @Test
    void requiresTheConfiguredTokenInTheUrl() {
        TencentReceiptParser parser = new TencentReceiptParser("tok-1234");
        assertThat(parser.parse(callback("https://shop.example/sms/tencent?token=tok-1234", PUSH))).hasSize(2);
        assertThatThrownBy(() -> parser.parse(callback("https://shop.example/sms/tencent?token=tok-9999", PUSH)))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
        assertThatThrownBy(() -> parser.parse(callback("https://shop.example/sms/tencent", PUSH)))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION));
    }

    @Test
    void rejectsAReplyCallbackAndJunk() {
        TencentReceiptParser parser = new TencentReceiptParser(null);
        String reply = "{\"extend\":\"01\",\"mobile\":\"13711112222\",\"nationcode\":\"86\",\"sign\":\"腾讯云\","
                + "\"text\":\"退订\",\"time\":1457336869}";
        for (String body : new String[] {reply, "not json", "[{\"sid\":\"1\"}]"}) {
            assertThatThrownBy(() -> parser.parse(callback("https://shop.example/sms/tencent", body)))
                    .isInstanceOfSatisfying(SmsException.class,
                            e -> assertThat(e.kind()).isEqualTo(ErrorKind.INVALID_CONTENT));
        }
    }
}
