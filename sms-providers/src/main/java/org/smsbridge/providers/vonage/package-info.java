/**
 * Vonage (formerly Nexmo) SMS API. Entry point: {@link org.smsbridge.providers.vonage.VonageProvider}
 * (or {@code SmsProviders.create("vonage", config)}); receipts through {@code provider.receipts()}.
 * Everything here is thread-safe.
 */
package org.smsbridge.providers.vonage;
