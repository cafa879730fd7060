/**
 * Keyword filter: finds carrier-blocked words in a text however they are disguised (width, case,
 * accents and tones, invisible characters, look-alike letters, traditional or simplified Chinese,
 * spread-out letters) and reports them at their position in the original text. Start with
 * {@link org.smsbridge.filter.KeywordFilter#builder()} or
 * {@link org.smsbridge.filter.KeywordFilter#load(java.nio.file.Path)}; tune matching with
 * {@link org.smsbridge.filter.Normalization}; hand the filter to {@code SmsClient.Builder.keywordFilter}
 * with a {@link org.smsbridge.filter.FilterPolicy}. Every type here is immutable and thread-safe
 * (builders excepted); one filter is meant to be shared by all threads.
 */
package org.smsbridge.filter;
