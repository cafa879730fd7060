package org.smsbridge.providers.aliyun;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.smsbridge.DeliveryReceipt;
import org.smsbridge.MessageStatus;
import org.smsbridge.providers.internal.Webhooks;
import org.smsbridge.spi.ReceiptParser;
import org.smsbridge.spi.WebhookRequest;

/**
 * Parses Dysms SmsReport receipts ("短信发送状态报告", help.aliyun.com/document_detail/101867): the
 * HTTP batch push is a JSON array of reports, an MNS queue message one JSON object. Fields
 * {@code phone_number}, {@code send_time}, {@code report_time} (Beijing time), {@code success},
 * {@code err_code}, {@code err_msg}, {@code sms_size}, {@code biz_id}, {@code out_id}. Aliyun does
 * not sign these callbacks, so an optional shared token in the URL stands in. Thread-safe.
 */
final class AliyunReceiptParser implements ReceiptParser {
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final String token;

    AliyunReceiptParser(String token) {
        this.token = token;
    }

    @Override
    public List<DeliveryReceipt> parse(WebhookRequest request) {
        Webhooks.requireRequest(AliyunSmsProvider.NAME, request);
        Webhooks.requireUrlSecret(AliyunSmsProvider.NAME, request, "token", token, "configure the receipt URL in the Aliyun console as ...?token=<receiptToken>");
        JsonNode body = Webhooks.jsonBody(AliyunSmsProvider.NAME, request);
        return Webhooks.eachReport(body, report -> receipt(report, request));
    }

    private static DeliveryReceipt receipt(JsonNode report, WebhookRequest request) {
        if (!report.isObject() || !report.hasNonNull("biz_id") || !report.hasNonNull("success")) {
            throw Webhooks.notAReceipt(AliyunSmsProvider.NAME, "a report lacks biz_id or success", request.body());
        }
        Map<String, String> fields = Webhooks.flatFields(report);
        String errCode = fields.getOrDefault("err_code", "");
        boolean success = report.get("success").asBoolean(false) || "true".equalsIgnoreCase(fields.get("success"));
        DeliveryReceipt.Builder b = DeliveryReceipt.builder(fields.get("biz_id"), success ? MessageStatus.DELIVERED
                : failure(errCode)).provider(AliyunSmsProvider.NAME).rawFields(fields);
        if (!success && !errCode.isBlank()) {
            b.errorCode(errCode);
        }
        String time = fields.get("report_time");
        if (time != null) {
            try {
                b.doneAt(LocalDateTime.parse(time.strip(), TIME).atZone(BEIJING).toInstant());
            } catch (DateTimeParseException e) {
                // An odd timestamp does not make the receipt unusable; it stays in the raw fields.
            }
        }
        String phone = fields.getOrDefault("phone_number", "");
        if (phone.matches("1[0-9]{10}")) {
            b.to("+86" + phone);
        } else if (phone.matches("[1-9][0-9]{7,14}")) {
            b.to("+" + phone);
        }
        return b.build();
    }

    private static MessageStatus failure(String errCode) {
        String c = errCode.toUpperCase(Locale.ROOT);
        if (c.contains("EXPIRED")) {
            return MessageStatus.EXPIRED;
        }
        if (c.contains("REJECT")) {
            return MessageStatus.REJECTED;
        }
        return MessageStatus.UNDELIVERED;
    }
}
