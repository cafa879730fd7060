package org.smsbridge.providers.infobip;

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

class InfobipReceiptParserTest {
    /** infobip-api-java-client SmsApiTest shouldParseOutboundSmsMessageReport, with our ids. */
    static String report(String messageId, String groupName, int statusId, String name, int errorId, String error) {
        return "{\"results\":[{\"bulkId\":\"BULK-ID-123-xyz\",\"messageId\":\"" + messageId + "\",\"to\":\"306912345678\","
                + "\"sentAt\":\"2019-11-09T16:00:00.000+0000\",\"doneAt\":\"2019-11-09T16:00:00.000+0000\",\"smsCount\":1,"
                + "\"price\":{\"pricePerMessage\":0.01,\"currency\":\"EUR\"},\"status\":{\"groupId\":3,\"groupName\":\""
                + groupName + "\",\"id\":" + statusId + ",\"name\":\"" + name + "\",\"description\":\"Message delivered "
                + "to handset\"},\"error\":{\"groupId\":0,\"groupName\":\"Ok\",\"id\":" + errorId + ",\"name\":\"" + error
                + "\",\"description\":\"No Error\",\"permanent\":false},\"callbackData\":\"order-7\"}]}";
    }

    static WebhookRequest post(String url, String body) {
        return WebhookRequest.builder("POST", url).header("Content-Type", "application/json").body(body).build();
    }

    @Test
    void parsesADeliveredReport() {
        List<DeliveryReceipt> r = new InfobipReceiptParser(null).parse(post("https://shop.example/dlr",
                report("MESSAGE-ID-123-xyz", "DELIVERED", 5, "DELIVERED_TO_HANDSET", 0, "NO_ERROR")));
        assertThat(r).singleElement().satisfies(d -> {
            assertThat(d.messageId()).isEqualTo("MESSAGE-ID-123-xyz");
            assertThat(d.status()).isEqualTo(MessageStatus.DELIVERED);
            assertThat(d.errorCode()).isEmpty();
            assertThat(d.to()).contains("+306912345678");
            assertThat(d.doneAt()).contains(Instant.parse("2019-11-09T16:00:00Z"));
            assertThat(d.rawFields()).containsEntry("callbackData", "order-7");
        });
    }

    @Test
    void treatsDeliveredToOperatorAsNotYetDelivered() {
        DeliveryReceipt d = new InfobipReceiptParser(null).parse(post("https://shop.example/dlr",
                report("M2", "DELIVERED", 2, "DELIVERED_TO_OPERATOR", 0, "NO_ERROR"))).get(0);
        assertThat(d.status()).isEqualTo(MessageStatus.SENT);
    }

    @Test
    void keepsTheErrorOfAnUndeliverableMessage() {
        DeliveryReceipt d = new InfobipReceiptParser(null).parse(post("https://shop.example/dlr",
                report("M3", "UNDELIVERABLE", 9, "UNDELIVERABLE_NOT_DELIVERED", 1, "EC_UNKNOWN_SUBSCRIBER"))).get(0);
        assertThat(d.status()).isEqualTo(MessageStatus.UNDELIVERED);
        assertThat(d.errorCode()).contains("EC_UNKNOWN_SUBSCRIBER");
    }

    @Test
    void requiresTheReceiptSecretWhenConfigured() {
        InfobipReceiptParser p = new InfobipReceiptParser("s3cret value");
        String body = report("M4", "DELIVERED", 5, "DELIVERED_TO_HANDSET", 0, "NO_ERROR");
        assertThat(p.parse(post("https://shop.example/dlr?secret=s3cret%20value", body))).hasSize(1);
        assertThatThrownBy(() -> p.parse(post("https://shop.example/dlr?secret=wrong", body)))
                .isInstanceOfSatisfying(SmsException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
                    assertThat(e.getMessage()).doesNotContain("s3cret");
                });
        assertThatThrownBy(() -> p.parse(post("https://shop.example/dlr", body)))
                .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.getMessage()).contains("no secret"));
    }

    @Test
    void rejectsBodiesThatAreNoReport() {
        InfobipReceiptParser p = new InfobipReceiptParser(null);
        for (String body : List.of("{\"results\":[]}", "{\"results\":[{\"status\":{}}]}", "not json",
                "{\"results\":[{\"messageId\":\"x\"}]}")) {
            assertThatThrownBy(() -> p.parse(post("https://shop.example/dlr", body)))
                    .isInstanceOfSatisfying(SmsException.class, e -> assertThat(e.kind())
                            .isEqualTo(ErrorKind.INVALID_CONTENT));
        }
    }
}
