package org.smsbridge.examples.sbutton;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.smsbridge.MessagePurpose;
import org.smsbridge.templates.SavedTemplate;
import org.smsbridge.templates.TemplateLibrary;

/**
 * The saved templates the demo starts with, and how a template is chosen for a customer.
 *
 * <p>Templates are named {@code <kind>-<language>} ({@code car-ready-el}); the fields are
 * {@code {owner}}, {@code {plate}}, {@code {cost}}, {@code {signature}} and {@code {birthday}}.
 * Stateless and thread-safe.
 */
public final class DemoTemplates {
    /** The kind chosen when the editor opens: the car is ready (seed 002's example). */
    public static final String DEFAULT_KIND = "car-ready";

    private DemoTemplates() {
    }

    /** The templates written into an empty library on first start. */
    public static List<SavedTemplate> samples() {
        return List.of(
                t("car-ready-zh", "车辆完工，通知取车",
                        "{owner}您好，您的爱车（{plate}）已经保养完毕，大约费用（{cost:number:2}）元，请前来结帐提车。{signature}"),
                t("car-ready-el", "Το αυτοκίνητο είναι έτοιμο",
                        "Γεια σας {owner}, το αυτοκίνητό σας {plate} είναι έτοιμο. Κόστος {cost:money}. {signature}"),
                t("car-ready-vi", "Xe đã sửa xong",
                        "Chào {owner}, xe {plate} của quý khách đã sửa xong. Chi phí {cost:money}. {signature}"),
                t("car-ready-en", "Car repaired, ready for collection",
                        "Dear {owner}, your car {plate} is ready for collection. Cost: {cost:money}. {signature}"),
                t("service-reminder-zh", "保养提醒（含敏感词示例）",
                        "{owner}您好，您的爱车{plate}该做保养了，本月免费检查！{signature}"),
                t("service-reminder-el", "Υπενθύμιση σέρβις (με λέξη-κλειδί)",
                        "Γεια σας {owner}, το {plate} χρειάζεται σέρβις. Δωρεάν έλεγχος αυτόν τον μήνα! {signature}"),
                t("service-reminder-vi", "Nhắc bảo dưỡng (có từ khóa)",
                        "Chào {owner}, xe {plate} đến hạn bảo dưỡng. Kiểm tra miễn phí trong tháng này! {signature}"),
                t("service-reminder-en", "Service reminder (with a blocked word)",
                        "Hi {owner}, your car {plate} is due for a service. FREE check-up this month! {signature}"),
                t("birthday-zh", "生日祝福", "{owner}，祝您生日快乐，一路平安！{signature}"),
                t("birthday-el", "Ευχές γενεθλίων", "Χρόνια πολλά {owner}! Καλό δρόμο. {signature}"),
                t("birthday-vi", "Chúc mừng sinh nhật", "Chúc mừng sinh nhật {owner}! Thượng lộ bình an. {signature}"),
                t("birthday-en", "Birthday greeting", "Happy birthday {owner}! Safe driving. {signature}"));
    }

    private static SavedTemplate t(String name, String description, String body) {
        return SavedTemplate.builder().name(name).description(description).body(body)
                .purpose(name.startsWith("birthday") || name.startsWith("service")
                        ? MessagePurpose.CUSTOMER_CARE : MessagePurpose.TRANSACTIONAL)
                .build();
    }

    /** Saves the sample templates into {@code library} when it holds none; returns whether it did. */
    public static boolean seedIfEmpty(TemplateLibrary library) {
        if (!library.list().isEmpty()) {
            return false;
        }
        samples().forEach(library::save);
        return true;
    }

    /** The kind of a template name: {@code car-ready} for {@code car-ready-el}; the name itself without a language suffix. */
    public static String kindOf(String templateName) {
        int dash = templateName.lastIndexOf('-');
        return dash > 0 && templateName.length() - dash - 1 == 2 ? templateName.substring(0, dash) : templateName;
    }

    /** The language suffix of a template name, if it has one. */
    public static Optional<String> languageOf(String templateName) {
        String kind = kindOf(templateName);
        return kind.equals(templateName) ? Optional.empty() : Optional.of(templateName.substring(kind.length() + 1));
    }

    /** The distinct kinds of the given templates, in name order. */
    public static List<String> kinds(List<SavedTemplate> templates) {
        Map<String, Boolean> kinds = new LinkedHashMap<>();
        templates.stream().sorted(Comparator.comparing(SavedTemplate::name)).forEach(t -> kinds.put(kindOf(t.name()), true));
        return List.copyOf(kinds.keySet());
    }

    /**
     * The template of {@code kind} for {@code customer}: the one in the customer's language, else the
     * English one, else any of that kind, else the first template; empty only when there is none.
     */
    public static Optional<SavedTemplate> choose(List<SavedTemplate> templates, String kind, Customer customer) {
        List<SavedTemplate> sorted = templates.stream().sorted(Comparator.comparing(SavedTemplate::name)).toList();
        return find(sorted, kind + "-" + customer.languageCode())
                .or(() -> find(sorted, kind + "-en"))
                .or(() -> sorted.stream().filter(t -> kindOf(t.name()).equals(kind)).findFirst())
                .or(() -> sorted.stream().findFirst());
    }

    private static Optional<SavedTemplate> find(List<SavedTemplate> templates, String name) {
        return templates.stream().filter(t -> t.name().equals(name)).findFirst();
    }
}
