package org.smsbridge.text;

/**
 * Look-alike replacements used by smart encoding: typographic punctuation and spaces only, never
 * letters, so no language loses meaning. Package-private.
 */
final class SmartEncoding {
    private SmartEncoding() {
    }

    /** The GSM replacement for {@code c}, or null when {@code c} has none. */
    static String replacement(char c) {
        switch (c) {
            case '\u2018': // left single quotation mark
            case '\u2019': // right single quotation mark
            case '\u201A': // single low-9 quotation mark
            case '\u201B': // single high-reversed-9 quotation mark
            case '\u2032': // prime
            case '\u00B4': // acute accent
            case '\u0060': // grave accent
                return "'";
            case '\u201C': // left double quotation mark
            case '\u201D': // right double quotation mark
            case '\u201E': // double low-9 quotation mark
            case '\u201F': // double high-reversed-9 quotation mark
            case '\u2033': // double prime
            case '\u00AB': // left-pointing double angle quotation mark
            case '\u00BB': // right-pointing double angle quotation mark
                return "\"";
            case '\u2010': // hyphen
            case '\u2011': // non-breaking hyphen
            case '\u2012': // figure dash
            case '\u2013': // en dash
            case '\u2014': // em dash
            case '\u2015': // horizontal bar
            case '\u2212': // minus sign
                return "-";
            case '\u2026': // horizontal ellipsis
                return "...";
            case '\u00A0': // no-break space
            case '\u2000': case '\u2001': case '\u2002': case '\u2003': case '\u2004': case '\u2005':
            case '\u2006': case '\u2007': case '\u2008': case '\u2009': case '\u200A':
            case '\u202F': // narrow no-break space
            case '\u205F': // medium mathematical space
            case '\u3000': // ideographic space
            case '\t':
                return " ";
            case '\u200B': // zero-width space
            case '\u200C': // zero-width non-joiner
            case '\u200D': // zero-width joiner
            case '\u2060': // word joiner
            case '\uFEFF': // zero-width no-break space (BOM)
            case '\u00AD': // soft hyphen
                return "";
            case '\u2022': // bullet
                return "*";
            case '\u02C6': // modifier letter circumflex
                return "^";
            case '\u2039': // single left-pointing angle quotation mark
                return "<";
            case '\u203A': // single right-pointing angle quotation mark
                return ">";
            default:
                return null;
        }
    }
}
