/**
 * Test and demo support published with sms-core: {@link org.smsbridge.testing.FakeSmsProvider}
 * records messages and fails on demand for host applications' unit tests;
 * {@link org.smsbridge.testing.ConsoleSmsProvider} prints messages for demos. Both are thread-safe
 * and registered with the ServiceLoader as {@code fake} and {@code console}.
 */
package org.smsbridge.testing;
