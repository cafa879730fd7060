/**
 * Plivo Message API. Entry point: {@link org.smsbridge.providers.plivo.PlivoProvider} (or
 * {@code SmsProviders.create("plivo", config)}); bulk sends with
 * {@link org.smsbridge.providers.plivo.PlivoProvider#submitBatch}; status callbacks through
 * {@code provider.receipts()}. Everything here is thread-safe.
 */
package org.smsbridge.providers.plivo;
