/**
 * Implementation of sms-templates: parser, compiled form, formats, value access and stores. Not an
 * API; may change in any release. Everything here is immutable or thread-safe unless stated.
 */
package org.smsbridge.templates.internal;
