/**
 * The provider SPI: implement {@link org.smsbridge.spi.SmsProvider} and register an
 * {@link org.smsbridge.spi.SmsProviderFactory} in {@code META-INF/services} so that
 * {@link org.smsbridge.spi.SmsProviders#create(String, org.smsbridge.spi.ProviderConfig)} finds it by
 * name. Providers must be thread-safe; the value types here are immutable.
 */
package org.smsbridge.spi;
