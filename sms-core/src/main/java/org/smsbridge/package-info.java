/**
 * SMS Bridge core: {@link org.smsbridge.SmsClient} sends {@link org.smsbridge.SmsMessage}s through an
 * {@link org.smsbridge.spi.SmsProvider} after normalizing the number, checking the sender, measuring
 * the text and applying the keyword filter. Start with {@code SmsClient.builder()}. Value types here
 * are immutable; {@code SmsClient} is thread-safe and meant to be shared; builders are not.
 */
package org.smsbridge;
