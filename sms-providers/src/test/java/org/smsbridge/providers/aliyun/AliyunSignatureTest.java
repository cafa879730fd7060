package org.smsbridge.providers.aliyun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Vectors from the Alibaba Cloud signature docs: vector A is the ECS DescribeRegions example of
 * "Request signatures" (alibabacloud.com/help/doc-detail/315526), vector B the SendSms example of the
 * Dysms "签名机制" page (help.aliyun.com/document_detail/101343), both re-computed in
 * /work/shared/reference/providers.md §0.3.
 */
class AliyunSignatureTest {

    private static Map<String, String> vectorA() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("Version", "2014-05-26");
        p.put("Timestamp", "2016-02-23T12:46:24Z");
        p.put("SignatureVersion", "1.0");
        p.put("SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("Format", "XML");
        p.put("Action", "DescribeRegions");
        p.put("AccessKeyId", "testid");
        return p;
    }

    private static Map<String, String> vectorB() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("AccessKeyId", "testId");
        p.put("Action", "SendSms");
        p.put("Format", "XML");
        p.put("OutId", "123");
        p.put("PhoneNumbers", "15300000001");
        p.put("RegionId", "cn-hangzhou");
        p.put("SignName", "阿里云短信测试专用");
        p.put("SignatureMethod", "HMAC-SHA1");
        p.put("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466");
        p.put("SignatureVersion", "1.0");
        p.put("TemplateCode", "SMS_71390007");
        p.put("TemplateParam", "{\"customer\":\"test\"}");
        p.put("Timestamp", "2017-07-12T02:42:19Z");
        p.put("Version", "2017-05-25");
        return p;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a b*c~d|a%20b%2Ac~d",
        "2016-02-23T12:46:24Z|2016-02-23T12%3A46%3A24Z",
        "/|%2F",
        "阿里|%E9%98%BF%E9%87%8C",
        "Καλημέρα|%CE%9A%CE%B1%CE%BB%CE%B7%CE%BC%CE%AD%CF%81%CE%B1",
        "Xin chào|Xin%20ch%C3%A0o",
        "a+b=c&d|a%2Bb%3Dc%26d",
        "AZaz09-_.~|AZaz09-_.~"
    })
    void percentEncodesPerRfc3986AsAliyunRequires(String raw, String encoded) {
        assertThat(AliyunSignature.percentEncode(raw)).isEqualTo(encoded);
    }

    @Test
    void buildsTheDocumentedStringToSignFromUnsortedParameters() {
        assertThat(AliyunSignature.stringToSign("GET", vectorA())).isEqualTo("GET&%2F&AccessKeyId%3Dtestid"
                + "%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D"
                + "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46"
                + "%253A24Z%26Version%3D2014-05-26");
    }

    @Test
    void signsTheDocumentedDescribeRegionsExample() {
        assertThat(AliyunSignature.sign("GET", vectorA(), "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    }

    @Test
    void signsPostDifferentlyFromGet() {
        assertThat(AliyunSignature.sign("POST", vectorA(), "testsecret")).isEqualTo("MxbnVAM4w6sft9xjVpe/GCKueuk=");
    }

    @Test
    void signsTheDocumentedSendSmsExampleWithAChineseSignName() {
        assertThat(AliyunSignature.sign("GET", vectorB(), "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
        assertThat(AliyunSignature.signedQuery("GET", vectorB(), "testSecret"))
                .startsWith("Signature=zJDF%2BLrzhj%2FThnlvIToysFRq6t4%3D&AccessKeyId=testId&Action=SendSms")
                .contains("&SignName=%E9%98%BF%E9%87%8C%E4%BA%91%E7%9F%AD%E4%BF%A1%E6%B5%8B%E8%AF%95%E4%B8%93%E7%94%A8&")
                .contains("&TemplateParam=%7B%22customer%22%3A%22test%22%7D&")
                .endsWith("&Timestamp=2017-07-12T02%3A42%3A19Z&Version=2017-05-25");
    }

    @Test
    void ignoresAnExistingSignatureParameterWhenSigning() {
        Map<String, String> p = vectorA();
        p.put("Signature", "stale");
        assertThat(AliyunSignature.sign("GET", p, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    }

    @Test
    void aWrongSecretGivesAnotherSignature() {
        assertThat(AliyunSignature.sign("GET", vectorA(), "testsecreT")).isNotEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
    }
}
