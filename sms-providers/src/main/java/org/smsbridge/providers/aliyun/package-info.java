/**
 * Alibaba Cloud SMS (Dysms) provider, registered as {@code aliyun}: create it with
 * {@code SmsProviders.create("aliyun", config)} or {@link org.smsbridge.providers.aliyun.AliyunSmsProvider#create};
 * it sends approved templates only. The provider and its receipt parser are thread-safe.
 */
package org.smsbridge.providers.aliyun;
