/**
 * Runnable programs for newcomers. {@link org.smsbridge.examples.Quickstart} is the first one: it needs
 * no account and no setup.
 */
package org.smsbridge.examples;
