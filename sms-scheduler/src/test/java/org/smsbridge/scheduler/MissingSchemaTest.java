package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.smsbridge.SmsClient;
import org.smsbridge.SmsMessage;
import org.smsbridge.testing.FakeSmsProvider;

class MissingSchemaTest {

    @Test
    void enqueueWithoutTheTableSaysHowToCreateIt() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:missing-schema-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        SmsClient sms = SmsClient.builder().provider(new FakeSmsProvider()).build();
        try (Outbox outbox = Outbox.builder().client(sms).store(new JdbcOutboxStore(h2)).autoSend(false).build()) {
            assertThatThrownBy(() -> outbox.enqueue(SmsMessage.builder().to("+306912345678").text("x").build()))
                    .hasMessageContaining("createSchemaIfMissing");
        }
    }
}
