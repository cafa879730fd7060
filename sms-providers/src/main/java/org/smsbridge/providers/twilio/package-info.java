/**
 * Twilio Programmable Messaging. Entry point: {@link org.smsbridge.providers.twilio.TwilioProvider}
 * (or {@code SmsProviders.create("twilio", config)}); receipts through
 * {@code provider.receipts()}. Everything here is thread-safe.
 */
package org.smsbridge.providers.twilio;
