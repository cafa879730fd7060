package org.smsbridge.scheduler;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One customer handed to {@link Campaigns#send}: the host's id for the customer (it makes the
 * message reference, so sending the same customer again adds nothing), the marketing lists the
 * customer is on, and the customer's fields (the number under the campaign's
 * {@link Campaign#phoneField()}, and the template's values). Immutable.
 *
 * <pre>{@code
 * new CampaignRecipient("cust-42", Set.of("vip"), Map.of("name", "Nguyễn Văn An", "mobile", "0912345678"))
 * }</pre>
 *
 * @param id     the host's customer id (1 to 100 characters)
 * @param lists  the marketing lists the customer is on (may be empty when the campaign has no lists)
 * @param fields field name → value (no null values); rendered with {@link String#valueOf} where text is needed
 */
public record CampaignRecipient(String id, Set<String> lists, Map<String, Object> fields) {
    /**
     * Copies lists and fields.
     *
     * @throws IllegalArgumentException if the id is blank or longer than 100 characters
     * @throws NullPointerException     if anything is null, including a field value
     */
    public CampaignRecipient {
        id = Checks.text("recipient id", id, 100);
        lists = Set.copyOf(Objects.requireNonNull(lists, "lists"));
        fields = Map.copyOf(Objects.requireNonNull(fields, "fields"));
    }

    /** A recipient on no list. */
    public static CampaignRecipient of(String id, Map<String, ?> fields) {
        return new CampaignRecipient(id, Set.of(), Map.copyOf(fields));
    }
}
