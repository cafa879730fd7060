/**
 * Phone numbers: {@link org.smsbridge.phone.PhoneNumbers#normalize(String, String)} turns what a user
 * typed into E.164 with libphonenumber, or says why it cannot. Stateless and thread-safe.
 */
package org.smsbridge.phone;
