/**
 * SMS text encoding: {@link org.smsbridge.text.SmsText#analyze(String)} tells whether a text goes as
 * GSM-7 or UCS-2, how many segments it takes and how much room is left; it also splits texts and
 * optionally replaces typographic look-alikes. Everything here is immutable or stateless and
 * thread-safe.
 */
package org.smsbridge.text;
