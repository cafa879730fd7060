/**
 * Infobip SMS API. Entry point: {@link org.smsbridge.providers.infobip.InfobipProvider} (or
 * {@code SmsProviders.create("infobip", config)}); batches with
 * {@link org.smsbridge.providers.infobip.InfobipProvider#submitBatch}; reports through
 * {@code provider.receipts()}. Everything here is thread-safe.
 */
package org.smsbridge.providers.infobip;
