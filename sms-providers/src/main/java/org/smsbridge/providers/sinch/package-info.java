/**
 * Sinch SMS REST API (XMS batches). Entry point: {@link org.smsbridge.providers.sinch.SinchProvider}
 * (or {@code SmsProviders.create("sinch", config)}); batches with
 * {@link org.smsbridge.providers.sinch.SinchProvider#submitBatch}; delivery reports through
 * {@code provider.receipts()}. Everything here is thread-safe.
 */
package org.smsbridge.providers.sinch;
