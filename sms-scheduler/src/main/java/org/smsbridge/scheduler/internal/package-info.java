/**
 * Implementation details of sms-scheduler (the in-memory store, encodings); not an API, may
 * change in any release. Thread-safety is stated per class.
 */
package org.smsbridge.scheduler.internal;
