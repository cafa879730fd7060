/**
 * Message templates with fields: {@link org.smsbridge.templates.Template#compile(String)} parses
 * {@code "Dear {name}, your balance is {balance:money}"} once and renders it from a {@code Map}, a
 * record, a JavaBean or a Jackson {@code JsonNode}; {@link org.smsbridge.templates.TemplateEngine}
 * holds the locale, custom formats, missing-value policy and a cache of compiled templates;
 * {@link org.smsbridge.templates.TemplateLibrary} keeps saved templates in memory or in a JSON file;
 * {@link org.smsbridge.templates.ProviderSyntax} converts to and from Aliyun, Tencent and India DLT
 * placeholder syntaxes. Templates, engines, previews and libraries are immutable or thread-safe and
 * meant to be shared; builders are not thread-safe.
 */
package org.smsbridge.templates;
