package org.smsbridge.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.smsbridge.MessagePurpose;
import org.smsbridge.templates.Template;

class CampaignTest {
    private static final Instant END = Instant.parse("2026-04-01T00:00:00Z");

    private static Campaign.Builder ads() {
        return Campaign.builder().id("tet").name("Khuyến mãi Tết").purpose(CampaignPurpose.ADVERTISING)
                .template(Template.compile("Chào {name}")).endAt(END);
    }

    @Test
    void defaultsAreDraftSendNowPhoneFieldNightQuietHoursAndEveryListSelected() {
        Campaign c = ads().lists(List.of("vip", "newsletter")).build();
        assertThat(c.status()).isEqualTo(CampaignStatus.DRAFT);
        assertThat(c.sendAt()).isEmpty();
        assertThat(c.phoneField()).isEqualTo("phone");
        assertThat(c.nameField()).isEqualTo("name");
        assertThat(c.quietHours()).isEqualTo(QuietHours.DEFAULT);
        assertThat(c.selectedLists()).containsExactlyInAnyOrder("vip", "newsletter");
        assertThat(c.purpose().messagePurpose()).isEqualTo(MessagePurpose.ADVERTISING);
    }

    @Test
    void deselectedListIsNotTargeted() {
        Campaign c = ads().lists(List.of("vip", "newsletter")).deselectList("newsletter").build();
        assertThat(c.selectedLists()).containsExactly("vip");
        assertThat(c.targets(Set.of("vip", "newsletter"))).isTrue();
        assertThat(c.targets(Set.of("newsletter"))).isFalse();
        assertThat(c.targets(Set.of())).isFalse();
        assertThat(ads().build().targets(Set.of())).as("a campaign without lists targets everyone").isTrue();
        assertThat(ads().lists(List.of("a", "b")).selectedLists(List.of("b")).build().selectedLists())
                .containsExactly("b");
    }

    @Test
    void rejectsUnknownOrDuplicateLists() {
        assertThatThrownBy(() -> ads().lists(List.of("vip")).deselectList("other"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'other' is not one of");
        assertThatThrownBy(() -> ads().lists(List.of("vip", "vip")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("given twice");
    }

    @Test
    void customerCareNeedsTheCarrierTemplateIdAndAdvertisingMustNotHaveOne() {
        assertThatThrownBy(() -> ads().purpose(CampaignPurpose.CUSTOMER_CARE).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("carrierTemplateId");
        assertThat(ads().purpose(CampaignPurpose.CUSTOMER_CARE).carrierTemplateId("VT-123").build()
                .carrierTemplateId()).contains("VT-123");
        assertThatThrownBy(() -> ads().carrierTemplateId("VT-123").build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("for customer care");
    }

    @Test
    void advertisingIsNeverWithoutQuietHours() {
        assertThatThrownBy(() -> ads().quietHours(QuietHours.none()).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never sent at night");
        assertThat(ads().purpose(CampaignPurpose.CUSTOMER_CARE).carrierTemplateId("x").quietHours(QuietHours.none())
                .build().quietHours().isNone()).isTrue();
    }

    @Test
    void requiresIdNamePurposeTemplateAndAnEndAfterTheStart() {
        assertThatThrownBy(() -> Campaign.builder().name("x").build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("id and a name");
        assertThatThrownBy(() -> Campaign.builder().id("x").name("x").build()).hasMessageContaining("no purpose");
        assertThatThrownBy(() -> Campaign.builder().id("x").name("x").purpose(CampaignPurpose.ADVERTISING).build())
                .hasMessageContaining("no template");
        assertThatThrownBy(() -> Campaign.builder().id("x").name("x").purpose(CampaignPurpose.ADVERTISING)
                .templateName("t").build()).hasMessageContaining("no end time");
        assertThatThrownBy(() -> ads().startAt(END).build()).hasMessageContaining("before it starts");
        assertThatThrownBy(() -> ads().id(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ads().id("x".repeat(81))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("81 characters");
    }

    @Test
    void templateAndTemplateNameReplaceEachOther() {
        Campaign c = ads().templateName("saved").build();
        assertThat(c.template()).isEmpty();
        assertThat(c.templateName()).contains("saved");
        assertThat(c.toBuilder().template(Template.compile("x")).build().templateName()).isEmpty();
    }

    @Test
    void toBuilderKeepsEveryValue() {
        Campaign c = ads().lists(List.of("a", "b")).deselectList("a").phoneField("mobile").sendAt(END.minusSeconds(60))
                .startAt(END.minusSeconds(3600)).sender("ACME").build();
        assertThat(c.toBuilder().build()).isEqualTo(c).hasSameHashCodeAs(c);
        assertThat(c.toBuilder().sendNow().build().sendAt()).isEmpty();
        assertThat(c.toBuilder().name("other").build()).isNotEqualTo(c);
        assertThat(c.toString()).contains("tet", "ADVERTISING", "mobile");
    }
}
