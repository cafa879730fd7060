/**
 * Tencent Cloud SMS provider (API 3.0), registered as {@code tencent}: create it with
 * {@code SmsProviders.create("tencent", config)} or {@link org.smsbridge.providers.tencent.TencentSmsProvider#create};
 * it sends approved templates only. The provider and its receipt parser are thread-safe.
 */
package org.smsbridge.providers.tencent;
