package org.smsbridge.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Ordinary Greek, Vietnamese, Chinese and English messages do not hit a typical carrier list, even
 * with every normalization on: look-alike folding must not turn real Greek words into Latin ones,
 * accent removal must not merge distinct Vietnamese words into a listed one, spaced words must not
 * be assembled across words.
 */
class KeywordFilterFalsePositiveTest {
    private static final List<String> CARRIER_LIST = List.of(
            "free", "cash", "loan", "casino", "viagra", "winner", "tax", "sex", "kai", "to",
            "δωρεάν", "κέρδος", "δάνειο", "καζίνο",
            "miễn phí", "trúng thưởng", "vay tiền", "cờ bạc", "khuyến mãi",
            "免费", "贷款", "发票", "博彩", "中奖");
    private static final KeywordFilter FILTER = KeywordFilter.builder()
            .addAll(CARRIER_LIST.subList(0, 6)).addWholeWord("tax").addWholeWord("sex").addWholeWord("kai")
            .addWholeWord("to")
            .addAll(CARRIER_LIST.subList(10, CARRIER_LIST.size()))
            .addSpaced("cash").addSpaced("δάνειο")
            .build();

    @ParameterizedTest
    @ValueSource(strings = {
        "Το αυτοκίνητό σας είναι έτοιμο για παραλαβή από το συνεργείο.",
        "Καλημέρα κύριε Παπαδόπουλε, το ραντεβού σας είναι αύριο στις 10:00 και θα σας περιμένουμε.",
        "Η ταχύτητα του δικτύου και η τάξη των μαθημάτων άλλαξαν.",
        "Ευχαριστούμε για την παραγγελία σας· θα την παραλάβετε σε δύο εργάσιμες.",
        "ΤΟ ΚΑΤΑΣΤΗΜΑ ΕΙΝΑΙ ΚΛΕΙΣΤΟ ΤΗΝ ΚΥΡΙΑΚΗ ΚΑΙ ΤΗ ΔΕΥΤΕΡΑ.",
        "Ο λογαριασμός σας πληρώθηκε. Καλό σας βράδυ!"
    })
    void ordinaryGreekDoesNotHit(String text) {
        assertThat(FILTER.findAll(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Xe của bạn đã sẵn sàng, mời đến nhận tại cửa hàng.",
        "Cảm ơn quý khách đã sử dụng dịch vụ của chúng tôi.",
        "Lịch hẹn của bạn là 10 giờ sáng thứ Ba, vui lòng đến đúng giờ.",
        "Đơn hàng số 12345 đã được giao thành công. Chúc bạn một ngày tốt lành!",
        "Mẹ ơi, tối nay con về muộn, cả nhà cứ ăn cơm trước nhé.",
        "Thời tiết hôm nay có mưa rào, nhớ mang theo áo mưa."
    })
    void ordinaryVietnameseDoesNotHit(String text) {
        assertThat(FILTER.findAll(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "您的验证码是 482913，五分钟内有效，请勿告诉他人。",
        "明天上午十点请到服务中心取车，谢谢。",
        "您的快递已到达小区门口的快递柜，请及时领取。",
        "會議改到下週三下午兩點，請準時出席。",
        "感谢您的订单，我们将在两个工作日内发货。"
    })
    void ordinaryChineseDoesNotHit(String text) {
        assertThat(FILTER.findAll(text)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Your appointment is confirmed for Tuesday at ten. See you then!",
        "Thank you for your order, it ships tomorrow from our warehouse.",
        "Of reed and river: the classic taxonomy of wetland plants.",
        "The taxi is waiting outside; Essex road is closed.",
        "Kaiser Permanente: your results are ready in the app.",
        "Please bring your ID and a pen. Total due: 45.00 EUR."
    })
    void ordinaryEnglishDoesNotHit(String text) {
        assertThat(FILTER.findAll(text)).isEmpty();
    }

    @Test
    void wordsThatContainAKeywordPassOnceAllowedAndTheKeywordStillHits() {
        // the remedies the README gives for keywords found inside ordinary words
        KeywordFilter filter = KeywordFilter.builder().add("中奖").add("loan").add("cho vay")
                .allow("期中奖学金").allow("集中奖").allow("loạn").allow("cho vậy").build();
        assertThat(filter.findAll("期中奖学金的申请截止到周五。")).isEmpty();
        assertThat(filter.findAll("集中奖励表现优秀的员工。")).isEmpty();
        assertThat(filter.findAll("Giao thông hỗn loạn vì mưa lớn.")).isEmpty();
        assertThat(filter.findAll("Cho vậy nên em xin phép nghỉ học buổi chiều nay.")).isEmpty();
        assertThat(filter.findAll("恭喜您中奖了")).extracting(KeywordHit::keyword).containsExactly("中奖");
        assertThat(filter.findAll("Vay nhanh: công ty cho vay, payday loan")).extracting(KeywordHit::keyword)
                .containsExactly("cho vay", "loan");
    }
}
