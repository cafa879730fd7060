package org.smsbridge.examples.sbutton;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.smsbridge.SmsClient;
import org.smsbridge.filter.FilterPolicy;
import org.smsbridge.scheduler.Outbox;
import org.smsbridge.scheduler.OutboxStore;
import org.smsbridge.testing.FakeSmsProvider;

/** Sample customers and an outbox on a fake provider, for the demo's tests. */
final class Fixtures {
    static final Customer WANG = CustomerDatabase.SAMPLE.get(0);
    static final Customer GIORGOS = CustomerDatabase.SAMPLE.get(2);
    static final Customer LANDLINE = CustomerDatabase.SAMPLE.get(4);
    static final Customer AN = CustomerDatabase.SAMPLE.get(5);
    static final Customer JOHN = CustomerDatabase.SAMPLE.get(7);
    static final Customer PIERRE = new Customer(99, "Pierre Martin", "+33 6 12 34 56 78", "AB-123-CD",
            new BigDecimal("42.00"), LocalDate.of(1980, 1, 1), "fr-FR");

    private Fixtures() {
    }

    /** A client on {@code fake} with the demo's checks, and a manual outbox (sends only on sendNow). */
    static Outbox outbox(FakeSmsProvider fake) {
        SmsClient client = SmsClient.builder().provider(fake).defaultRegion(SmsSession.DEFAULT_REGION)
                .keywordFilter(SmsSession.demoFilter(), FilterPolicy.REJECT).defaultSender("ACME").build();
        return Outbox.builder().client(client).store(OutboxStore.inMemory()).autoSend(false).build();
    }
}
