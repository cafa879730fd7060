/** Implementation details of sms-core; not API, may change in any release. */
package org.smsbridge.internal;
