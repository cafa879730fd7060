/**
 * Shared plumbing of the HTTP providers: the HTTP exchange with error mapping
 * ({@link org.smsbridge.providers.internal.ProviderHttp}), status-code classification and
 * {@code Retry-After} ({@link org.smsbridge.providers.internal.HttpErrors}), HMAC and constant-time
 * comparison ({@link org.smsbridge.providers.internal.Signatures}), form encoding
 * ({@link org.smsbridge.providers.internal.Forms}), status mapping
 * ({@link org.smsbridge.providers.internal.StatusMapping}) and webhook checks
 * ({@link org.smsbridge.providers.internal.Webhooks}).
 *
 * <p><b>Not API.</b> Everything here may change in any release without notice; applications must
 * not use it. It is public only so that the provider packages of this module can share it. All
 * classes are thread-safe (stateless, or immutable after construction).
 */
package org.smsbridge.providers.internal;
