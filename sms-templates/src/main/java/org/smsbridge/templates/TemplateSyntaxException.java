package org.smsbridge.templates;

import java.util.Optional;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

/**
 * A template body breaks the placeholder syntax: an unclosed <code>&#123;</code>, an empty or
 * malformed name, an unknown format, a single <code>&#125;</code>. The message names the line, the
 * column and the problem, so it can be shown next to the text a user typed, such as
 * <code>template syntax error at line 1, column 7: unknown format 'monie' in '&#123;a:monie&#125;'</code>.
 *
 * <p>An {@link SmsException} of kind {@link ErrorKind#INVALID_CONTENT}. Only the first error of a
 * body is reported. Immutable.
 */
public final class TemplateSyntaxException extends SmsException {
    private static final long serialVersionUID = 1L;

    private final int line;
    private final int column;
    private final String problem;
    private final String templateName;

    /**
     * Creates the exception.
     *
     * @param line    1-based line of the problem
     * @param column  1-based column (in Unicode code points) of the problem
     * @param problem what is wrong and how to fix it
     */
    public TemplateSyntaxException(int line, int column, String problem) {
        super(SmsException.builder(ErrorKind.INVALID_CONTENT,
                "template syntax error at line " + line + ", column " + column + ": " + problem));
        this.line = line;
        this.column = column;
        this.problem = problem;
        this.templateName = null;
    }

    /** The same error in the saved template {@code templateName}, which the message names first. */
    TemplateSyntaxException(String templateName, TemplateSyntaxException e, String advice) {
        super(SmsException.builder(ErrorKind.INVALID_CONTENT, "template '" + templateName + "': "
                + e.getMessage() + advice).cause(e));
        this.line = e.line;
        this.column = e.column;
        this.problem = e.problem;
        this.templateName = templateName;
    }

    /** 1-based line of the problem. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, counted in Unicode code points (a CJK character counts 1). */
    public int column() {
        return column;
    }

    /** The problem without the position, such as {@code "empty name in '{}'"}. */
    public String problem() {
        return problem;
    }

    /** The name of the saved template with the error, when it came from a {@link TemplateLibrary}. */
    public Optional<String> templateName() {
        return Optional.ofNullable(templateName);
    }
}
