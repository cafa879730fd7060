/**
 * The generic HTTP gateway provider, registered as {@code http}: create it with
 * {@code SmsProviders.create("http", config)} or {@link org.smsbridge.providers.http.HttpGatewayProvider#create};
 * the settings describe the vendor's request and answer. The provider is thread-safe.
 */
package org.smsbridge.providers.http;
