package org.smsbridge.providers.tencent;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.MessageStatus;
import org.smsbridge.providers.internal.Webhooks;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.WebhookRequest;

/**
 * Parses Tencent Cloud SMS status callbacks ("短信下发状态通知", cloud.tencent.com/document/product/382/52077):
 * a JSON array of {@code {user_receive_time, nationcode, mobile, report_status, errmsg, description, sid}},
 * {@code report_status} {@code SUCCESS} or {@code FAIL}, {@code sid} the {@code SerialNo} of SendSms,
 * times in Beijing time. Tencent does not sign these callbacks, so an optional shared token in the URL
 * stands in. Thread-safe.
 */
final class TencentReceiptParser implements ReceiptParser {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String token;

    TencentReceiptParser(String token) {
        this.token = token;
    }

    @Override
    public List<DeliveryReceipt> parse(WebhookRequest request) {
        Webhooks.requireRequest(TencentSmsProvider.NAME, request);
        Webhooks.requireUrlSecret(TencentSmsProvider.NAME, request, "token", token, "configure the callback URL in the Tencent Cloud console as ...?token=<receiptToken>");
        JsonNode body = Webhooks.jsonBody(TencentSmsProvider.NAME, request);
        return Webhooks.eachReport(body, report -> receipt(report, request));
    }

    private static DeliveryReceipt receipt(JsonNode report, WebhookRequest request) {
        if (!report.isObject() || !report.hasNonNull("sid") || !report.hasNonNull("report_status")) {
            throw Webhooks.notAReceipt(TencentSmsProvider.NAME, "a report lacks sid or report_status (a reply "
                    + "callback goes to another URL)", request.body());
        }
        Map<String, String> fields = Webhooks.flatFields(report);
        String status = fields.get("report_status");
        MessageStatus unified = "SUCCESS".equalsIgnoreCase(status) ? MessageStatus.DELIVERED
                : "FAIL".equalsIgnoreCase(status) ? MessageStatus.UNDELIVERED : MessageStatus.UNKNOWN;
        DeliveryReceipt.Builder b = DeliveryReceipt.builder(fields.get("sid"), unified)
                .provider(TencentSmsProvider.NAME).rawFields(fields);
        String errmsg = fields.getOrDefault("errmsg", "");
        if (unified != MessageStatus.DELIVERED && !errmsg.isBlank()) {
            b.errorCode(errmsg);
        }
        String time = fields.get("user_receive_time");
        if (time != null) {
            try {
                b.doneAt(LocalDateTime.parse(time.strip(), TIME).atZone(BEIJING).toInstant());
            } catch (DateTimeParseException e) {
                // An odd timestamp does not make the receipt unusable; it stays in the raw fields.
            }
        }
        String cc = fields.getOrDefault("nationcode", "");
        String mobile = fields.getOrDefault("mobile", "");
        if (cc.matches("[1-9][0-9]{0,3}") && mobile.matches("[0-9]{4,14}")) {
            b.to("+" + cc + mobile);
        }
        return b.build();
    }
}
