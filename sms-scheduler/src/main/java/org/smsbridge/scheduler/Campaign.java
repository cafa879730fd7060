package org.smsbridge.scheduler;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.smsbridge.templates.Template;

/**
 * A marketing or customer-care campaign (seed 003): what is sent ({@link #template()} or a saved
 * template's name), to whom (the {@link #selectedLists() selected} marketing lists, the number
 * from {@link #phoneField()}), when (now or {@link #sendAt()}, inside {@link #startAt()} and
 * {@link #endAt()}, outside {@link #quietHours()} in the recipient's time zone), and why
 * ({@link #purpose()}, with the carrier's approved template id for customer care). Immutable and
 * thread-safe; {@link Campaigns} runs campaigns on an {@link Outbox}.
 *
 * <pre>{@code
 * Campaign tet = Campaign.builder()
 *         .id("tet-2027").name("Khuyến mãi Tết")
 *         .purpose(CampaignPurpose.ADVERTISING)
 *         .template(Template.compile("Chào {name}, giảm 20% dịp Tết!"))
 *         .lists(List.of("vip", "newsletter"))            // all selected by default
 *         .phoneField("mobile")
 *         .endAt(Instant.parse("2027-02-20T00:00:00Z"))
 *         .build();
 * }</pre>
 */
public final class Campaign {
    /** Recipient field holding the number when none is given. */
    public static final String DEFAULT_PHONE_FIELD = "phone";
    /** Recipient field holding the customer's name (for the approval package) when none is given. */
    public static final String DEFAULT_NAME_FIELD = "name";

    private final String id;
    private final String name;
    private final CampaignStatus status;
    private final Instant startAt;
    private final Instant endAt;
    private final CampaignPurpose purpose;
    private final String carrierTemplateId;
    private final Template template;
    private final String templateName;
    private final List<String> lists;
    private final Set<String> selectedLists;
    private final String phoneField;
    private final String nameField;
    private final Instant sendAt;
    private final QuietHours quietHours;
    private final String sender;
    private final Instant approvedAt;

    private Campaign(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.status = b.status;
        this.startAt = b.startAt;
        this.endAt = b.endAt;
        this.purpose = b.purpose;
        this.carrierTemplateId = b.carrierTemplateId;
        this.template = b.template;
        this.templateName = b.templateName;
        this.lists = List.copyOf(b.lists);
        this.selectedLists = b.selectedLists == null ? Set.copyOf(b.lists)
                : Set.copyOf(b.selectedLists);
        this.phoneField = b.phoneField;
        this.nameField = b.nameField;
        this.sendAt = b.sendAt;
        this.quietHours = b.quietHours;
        this.sender = b.sender;
        this.approvedAt = b.approvedAt;
    }

    /** Starts a campaign; {@code id}, {@code name}, {@code purpose}, a template and {@code endAt} are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this campaign's values. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The campaign's id; outbox entries carry it ({@link EntryOptions#campaignId()}). */
    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    /** The status; default {@link CampaignStatus#DRAFT}. {@link Campaigns} changes it. */
    public CampaignStatus status() {
        return status;
    }

    /** The earliest time a message is sent, if any; sending before it schedules messages for it. */
    public Optional<Instant> startAt() {
        return Optional.ofNullable(startAt);
    }

    /** The end: sending needs it to be in the future, and every message is valid only until then. */
    public Instant endAt() {
        return endAt;
    }

    public CampaignPurpose purpose() {
        return purpose;
    }

    /** The carrier's id of the approved template; present exactly for {@link CampaignPurpose#CUSTOMER_CARE}. */
    public Optional<String> carrierTemplateId() {
        return Optional.ofNullable(carrierTemplateId);
    }

    /** The template the text is rendered from, when given directly. */
    public Optional<Template> template() {
        return Optional.ofNullable(template);
    }

    /** The name of a saved template in the {@link Campaigns}' template library, when given that way. */
    public Optional<String> templateName() {
        return Optional.ofNullable(templateName);
    }

    /** The campaign's marketing lists, in the order given; empty means "no lists: everyone given is targeted". */
    public List<String> lists() {
        return lists;
    }

    /** The lists that are sent to; all of {@link #lists()} unless some were deselected. */
    public Set<String> selectedLists() {
        return selectedLists;
    }

    /** The recipient field that holds the number; default {@value #DEFAULT_PHONE_FIELD}. */
    public String phoneField() {
        return phoneField;
    }

    /** The recipient field that holds the name; default {@value #DEFAULT_NAME_FIELD}. */
    public String nameField() {
        return nameField;
    }

    /** The time to send at; empty means "send now". */
    public Optional<Instant> sendAt() {
        return Optional.ofNullable(sendAt);
    }

    /** No message is sent in this window of the recipient's local time; default {@link QuietHours#DEFAULT}. */
    public QuietHours quietHours() {
        return quietHours;
    }

    /** The sender caption, overriding the client's default. */
    public Optional<String> sender() {
        return Optional.ofNullable(sender);
    }

    /** When the carrier's approval of this advertising campaign was recorded ({@link Campaigns#recordApproval}). */
    public Optional<Instant> approvedAt() {
        return Optional.ofNullable(approvedAt);
    }

    /** Whether a recipient on {@code recipientLists} is targeted: the campaign has no lists, or one of them is selected. */
    public boolean targets(Collection<String> recipientLists) {
        if (lists.isEmpty()) {
            return true;
        }
        for (String l : recipientLists) {
            if (selectedLists.contains(l)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Campaign c && id.equals(c.id) && name.equals(c.name) && status == c.status
                && Objects.equals(startAt, c.startAt) && endAt.equals(c.endAt) && purpose == c.purpose
                && Objects.equals(carrierTemplateId, c.carrierTemplateId)
                && Objects.equals(templateBody(), c.templateBody()) && Objects.equals(templateName, c.templateName)
                && lists.equals(c.lists) && selectedLists.equals(c.selectedLists) && phoneField.equals(c.phoneField)
                && nameField.equals(c.nameField) && Objects.equals(sendAt, c.sendAt)
                && quietHours.equals(c.quietHours) && Objects.equals(sender, c.sender)
                && Objects.equals(approvedAt, c.approvedAt);
    }

    private String templateBody() {
        return template == null ? null : template.body();
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, status, endAt, purpose);
    }

    @Override
    public String toString() {
        return "Campaign{id=" + id + ", name=" + name + ", status=" + status + ", purpose=" + purpose
                + (carrierTemplateId == null ? "" : ", carrierTemplateId=" + carrierTemplateId)
                + ", template=" + (template != null ? "'" + template.body() + "'" : "saved '" + templateName + "'")
                + ", lists=" + lists + ", selected=" + selectedLists + ", phoneField=" + phoneField
                + (startAt == null ? "" : ", startAt=" + startAt) + ", endAt=" + endAt
                + (sendAt == null ? ", send now" : ", sendAt=" + sendAt) + ", " + quietHours
                + (approvedAt == null ? "" : ", approvedAt=" + approvedAt) + '}';
    }

    /** Builds a {@link Campaign}; not thread-safe. Each setter checks its argument. */
    public static final class Builder {
        private String id;
        private String name;
        private CampaignStatus status = CampaignStatus.DRAFT;
        private Instant startAt;
        private Instant endAt;
        private CampaignPurpose purpose;
        private String carrierTemplateId;
        private Template template;
        private String templateName;
        private final List<String> lists = new ArrayList<>();
        private Set<String> selectedLists;
        private String phoneField = DEFAULT_PHONE_FIELD;
        private String nameField = DEFAULT_NAME_FIELD;
        private Instant sendAt;
        private QuietHours quietHours = QuietHours.DEFAULT;
        private String sender;
        private Instant approvedAt;

        private Builder() {
        }

        private Builder(Campaign c) {
            id = c.id;
            name = c.name;
            status = c.status;
            startAt = c.startAt;
            endAt = c.endAt;
            purpose = c.purpose;
            carrierTemplateId = c.carrierTemplateId;
            template = c.template;
            templateName = c.templateName;
            lists.addAll(c.lists);
            selectedLists = new LinkedHashSet<>(c.selectedLists);
            phoneField = c.phoneField;
            nameField = c.nameField;
            sendAt = c.sendAt;
            quietHours = c.quietHours;
            sender = c.sender;
            approvedAt = c.approvedAt;
        }

        /**
         * The campaign's id (required, at most 80 characters, unique per {@link Campaigns}).
         *
         * @throws IllegalArgumentException if blank or too long
         */
        public Builder id(String id) {
            this.id = Checks.text("campaign id", id, 80);
            return this;
        }

        /**
         * The name people see (required, at most 200 characters).
         *
         * @throws IllegalArgumentException if blank or too long
         */
        public Builder name(String name) {
            this.name = Checks.text("campaign name", name, 200);
            return this;
        }

        /** The status; default {@link CampaignStatus#DRAFT}. {@link Campaigns#create} accepts only drafts. */
        public Builder status(CampaignStatus status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /** The earliest sending time; default none (as soon as the campaign is active). */
        public Builder startAt(Instant startAt) {
            this.startAt = Objects.requireNonNull(startAt, "startAt");
            return this;
        }

        /** The end (required); must be after {@code startAt}. */
        public Builder endAt(Instant endAt) {
            this.endAt = Objects.requireNonNull(endAt, "endAt");
            return this;
        }

        /** Why the campaign sends (required). Customer care needs {@link #carrierTemplateId(String)}. */
        public Builder purpose(CampaignPurpose purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /**
         * The carrier's id of the pre-approved template; required for customer care, not allowed for
         * advertising. Sent as message metadata {@code carrierTemplateId}.
         *
         * @throws IllegalArgumentException if blank or longer than 200 characters
         */
        public Builder carrierTemplateId(String carrierTemplateId) {
            this.carrierTemplateId = Checks.text("carrierTemplateId", carrierTemplateId, 200);
            return this;
        }

        /** The template each recipient's text is rendered from; replaces a template name set before. */
        public Builder template(Template template) {
            this.template = Objects.requireNonNull(template, "template");
            this.templateName = null;
            return this;
        }

        /**
         * The name of a saved template, looked up in the {@link Campaigns}' library at sending time;
         * replaces a template set before.
         *
         * @throws IllegalArgumentException if blank or longer than 100 characters
         */
        public Builder templateName(String templateName) {
            this.templateName = Checks.text("templateName", templateName, 100);
            this.template = null;
            return this;
        }

        /**
         * Replaces the campaign's marketing lists; all of them become selected (the seed's "check
         * all" default).
         *
         * @throws IllegalArgumentException if a name is blank or given twice
         */
        public Builder lists(Collection<String> names) {
            List<String> copy = new ArrayList<>();
            for (String n : names) {
                String name = Checks.text("list name", n, 200);
                if (copy.contains(name)) {
                    throw new IllegalArgumentException("list '" + name + "' is given twice");
                }
                copy.add(name);
            }
            lists.clear();
            lists.addAll(copy);
            selectedLists = null;
            return this;
        }

        /**
         * Replaces the selection: only these of {@link #lists(Collection)} are sent to.
         *
         * @throws IllegalArgumentException if a name is not one of the campaign's lists
         */
        public Builder selectedLists(Collection<String> names) {
            Set<String> copy = new LinkedHashSet<>();
            for (String n : names) {
                requireList(n);
                copy.add(n);
            }
            selectedLists = copy;
            return this;
        }

        /**
         * Unchecks one list (its customers are not sent to).
         *
         * @throws IllegalArgumentException if it is not one of the campaign's lists
         */
        public Builder deselectList(String name) {
            requireList(name);
            if (selectedLists == null) {
                selectedLists = new LinkedHashSet<>(lists);
            }
            selectedLists.remove(name);
            return this;
        }

        private void requireList(String name) {
            Objects.requireNonNull(name, "list name");
            if (!lists.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not one of the campaign's lists " + lists
                        + "; add it with lists(...) first");
            }
        }

        /**
         * The recipient field that holds the number; default {@value #DEFAULT_PHONE_FIELD}.
         *
         * @throws IllegalArgumentException if blank or longer than 100 characters
         */
        public Builder phoneField(String phoneField) {
            this.phoneField = Checks.text("phoneField", phoneField, 100);
            return this;
        }

        /**
         * The recipient field that holds the name (approval package); default {@value #DEFAULT_NAME_FIELD}.
         *
         * @throws IllegalArgumentException if blank or longer than 100 characters
         */
        public Builder nameField(String nameField) {
            this.nameField = Checks.text("nameField", nameField, 100);
            return this;
        }

        /** Send at this time instead of now (the seed's "hẹn giờ gửi"). */
        public Builder sendAt(Instant sendAt) {
            this.sendAt = Objects.requireNonNull(sendAt, "sendAt");
            return this;
        }

        /** Send now (clears {@link #sendAt(Instant)}); the default. */
        public Builder sendNow() {
            this.sendAt = null;
            return this;
        }

        /**
         * The window of the recipient's local time in which nothing is sent; default
         * {@link QuietHours#DEFAULT} (21:00 to 08:00). Advertising may not use {@link QuietHours#none()}.
         */
        public Builder quietHours(QuietHours quietHours) {
            this.quietHours = Objects.requireNonNull(quietHours, "quietHours");
            return this;
        }

        /**
         * The sender caption for the campaign's messages; default the client's.
         *
         * @throws IllegalArgumentException if blank or longer than 32 characters
         */
        public Builder sender(String sender) {
            this.sender = Checks.text("sender", sender, 32);
            return this;
        }

        /** When the carrier approved the campaign; {@link Campaigns#recordApproval} sets it. */
        public Builder approvedAt(Instant approvedAt) {
            this.approvedAt = Objects.requireNonNull(approvedAt, "approvedAt");
            return this;
        }

        /**
         * The campaign.
         *
         * @throws IllegalStateException if id, name, purpose, template or endAt is missing; if
         *                               {@code endAt} is not after {@code startAt}; if customer care
         *                               has no carrier template id or advertising has one; if
         *                               advertising has no quiet hours
         */
        public Campaign build() {
            if (id == null || name == null) {
                throw new IllegalStateException("a campaign needs an id and a name: Campaign.builder().id(\"tet-2027\")"
                        + ".name(\"Tết\")");
            }
            if (purpose == null) {
                throw new IllegalStateException("campaign '" + id + "' has no purpose: purpose(CUSTOMER_CARE) with "
                        + "carrierTemplateId(...), or purpose(ADVERTISING)");
            }
            if (template == null && templateName == null) {
                throw new IllegalStateException("campaign '" + id + "' has no template: template(Template.compile(...)) "
                        + "or templateName(savedName)");
            }
            if (endAt == null) {
                throw new IllegalStateException("campaign '" + id + "' has no end time: endAt(instant)");
            }
            if (startAt != null && !endAt.isAfter(startAt)) {
                throw new IllegalStateException("campaign '" + id + "' ends (" + endAt + ") before it starts ("
                        + startAt + ")");
            }
            if (purpose == CampaignPurpose.CUSTOMER_CARE && carrierTemplateId == null) {
                throw new IllegalStateException("customer-care campaign '" + id + "' needs the carrier's approved "
                        + "template id: carrierTemplateId(\"...\")");
            }
            if (purpose == CampaignPurpose.ADVERTISING && carrierTemplateId != null) {
                throw new IllegalStateException("advertising campaign '" + id + "' has a carrier template id; "
                        + "those are for customer care (advertising content is approved per campaign)");
            }
            if (purpose == CampaignPurpose.ADVERTISING && quietHours.isNone()) {
                throw new IllegalStateException("advertising campaign '" + id + "' has no quiet hours; advertising "
                        + "is never sent at night: keep QuietHours.DEFAULT or set QuietHours.of(start, end)");
            }
            return new Campaign(this);
        }
    }
}
