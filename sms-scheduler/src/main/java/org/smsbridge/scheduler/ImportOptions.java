package org.smsbridge.scheduler;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.smsbridge.MessagePurpose;
import org.smsbridge.phone.PhoneNumbers;
import org.smsbridge.templates.Template;

/**
 * How {@link BulkImport} reads a file and turns its rows into messages: format, header, delimiter,
 * charset, which column holds the phone number ("target"), which columns fill the template's
 * variables, where the tag comes from, the template, and when to send. Immutable and thread-safe.
 *
 * <p>Columns are counted from 1 (the first column is column 1, as a spreadsheet shows them), or
 * named by their header when {@link Header#NAMES} reads a header line.
 *
 * <pre>{@code
 * ImportOptions options = ImportOptions.builder()
 *         .format(ImportOptions.Format.CSV)            // header line used for column names by default
 *         .charset(Charset.forName("GB18030"))
 *         .phoneColumn("mobile")
 *         .variable("param0", "name").variable("param1", 3)
 *         .tagColumn("group")                          // or fixedTag("vip")
 *         .template(Template.compile("{param0}，您的余额为 {param1}。"))
 *         .defaultRegion("CN")
 *         .build();
 * }</pre>
 */
public final class ImportOptions {
    /** The default charset: UTF-8 (a byte-order mark is always dropped). */
    public static final Charset DEFAULT_CHARSET = StandardCharsets.UTF_8;

    /** File formats. */
    public enum Format {
        /** Comma-separated values (RFC 4180 quoting); default delimiter {@code ,}. */
        CSV(','),
        /** Tab-separated values (quotes allowed); default delimiter tab. */
        TSV('\t'),
        /** One phone number a line, no quoting; needs a {@link Builder#fixedTag fixed tag}. */
        TXT('\u001F');

        private final char delimiter;

        Format(char delimiter) {
            this.delimiter = delimiter;
        }
    }

    /** What the first line of the file is. */
    public enum Header {
        /** No header: the first line is data (the default for {@link Format#TXT}). */
        NONE,
        /** The first line is a title line: skipped, its names not used. */
        SKIP,
        /** The first line names the columns; mapping by name is allowed (the default for CSV and TSV). */
        NAMES
    }

    /** A column by number (from 1) or by header name. */
    record Column(int number, String name) {
        static Column of(int number) {
            if (number < 1) {
                throw new IllegalArgumentException("column number must be 1 or more (the first column is 1), was "
                        + number);
            }
            return new Column(number, null);
        }

        static Column of(String name) {
            return new Column(0, Checks.text("column name", name, 200));
        }

        boolean byName() {
            return name != null;
        }

        @Override
        public String toString() {
            return byName() ? "column '" + name + "'" : "column " + number;
        }
    }

    private final Format format;
    private final char delimiter;
    private final Header header;
    private final Charset charset;
    private final Column phoneColumn;
    private final Map<String, Column> variables;
    private final Column tagColumn;
    private final String fixedTag;
    private final Template template;
    private final String templateName;
    private final String defaultRegion;
    private final Instant executeAt;
    private final String sender;
    private final MessagePurpose purpose;
    private final String operator;

    private ImportOptions(Builder b) {
        this.format = b.format;
        this.delimiter = b.delimiter != null ? b.delimiter : b.format.delimiter;
        this.header = b.header != null ? b.header : b.format == Format.TXT ? Header.NONE : Header.NAMES;
        this.charset = b.charset;
        this.phoneColumn = b.phoneColumn != null ? b.phoneColumn : Column.of(1);
        this.variables = Collections.unmodifiableMap(new LinkedHashMap<>(b.variables));
        this.tagColumn = b.tagColumn;
        this.fixedTag = b.fixedTag;
        this.template = b.template;
        this.templateName = b.templateName;
        this.defaultRegion = b.defaultRegion;
        this.executeAt = b.executeAt;
        this.sender = b.sender;
        this.purpose = b.purpose;
        this.operator = b.operator;
    }

    /** Starts options; {@code template}, a phone column (except TXT) and a tag column or fixed tag are required. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.format = format;
        b.delimiter = delimiter;
        b.header = header;
        b.charset = charset;
        b.phoneColumn = phoneColumn;
        b.variables.putAll(variables);
        b.tagColumn = tagColumn;
        b.fixedTag = fixedTag;
        b.template = template;
        b.templateName = templateName;
        b.defaultRegion = defaultRegion;
        b.executeAt = executeAt;
        b.sender = sender;
        b.purpose = purpose;
        b.operator = operator;
        return b;
    }

    public Format format() {
        return format;
    }

    /** The column separator (not used by {@link Format#TXT}). */
    public char delimiter() {
        return delimiter;
    }

    public Header header() {
        return header;
    }

    public Charset charset() {
        return charset;
    }

    public Template template() {
        return template;
    }

    /** The template's name for the confirmation; the template body when none was given. */
    public String templateName() {
        return templateName != null ? templateName : template.body();
    }

    /** The tag of every row, when no tag column is used. */
    public Optional<String> fixedTag() {
        return Optional.ofNullable(fixedTag);
    }

    /** The region of numbers written without {@code +country}, e.g. {@code "GR"}. */
    public Optional<String> defaultRegion() {
        return Optional.ofNullable(defaultRegion);
    }

    /** When to send; absent or past means as soon as the import runs. */
    public Optional<Instant> executeAt() {
        return Optional.ofNullable(executeAt);
    }

    /** The sender ID of every message; absent means the client's default. */
    public Optional<String> sender() {
        return Optional.ofNullable(sender);
    }

    public MessagePurpose purpose() {
        return purpose;
    }

    /** Who started the import; stored as each entry's operator. */
    public Optional<String> operator() {
        return Optional.ofNullable(operator);
    }

    /** Variable name to its column, as "column 3" or "column 'name'", in mapping order. */
    public Map<String, String> variableColumns() {
        Map<String, String> out = new LinkedHashMap<>();
        variables.forEach((k, v) -> out.put(k, v.toString()));
        return Collections.unmodifiableMap(out);
    }

    Column phoneColumn() {
        return phoneColumn;
    }

    Optional<Column> tagColumn() {
        return Optional.ofNullable(tagColumn);
    }

    Map<String, Column> variables() {
        return variables;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImportOptions x && format == x.format && delimiter == x.delimiter && header == x.header
                && charset.equals(x.charset) && phoneColumn.equals(x.phoneColumn) && variables.equals(x.variables)
                && Objects.equals(tagColumn, x.tagColumn) && Objects.equals(fixedTag, x.fixedTag)
                && template.equals(x.template) && Objects.equals(templateName, x.templateName)
                && Objects.equals(defaultRegion, x.defaultRegion) && Objects.equals(executeAt, x.executeAt)
                && Objects.equals(sender, x.sender) && purpose == x.purpose && Objects.equals(operator, x.operator);
    }

    @Override
    public int hashCode() {
        return Objects.hash(format, delimiter, header, charset, phoneColumn, variables, tagColumn, fixedTag, template,
                templateName, defaultRegion, executeAt, sender, purpose, operator);
    }

    @Override
    public String toString() {
        return "ImportOptions{format=" + format + ", header=" + header + ", charset=" + charset.name() + ", phone="
                + phoneColumn + ", variables=" + variableColumns() + ", tag="
                + (fixedTag != null ? "'" + fixedTag + "'" : tagColumn) + ", template=" + templateName()
                + ", region=" + defaultRegion + ", executeAt=" + executeAt + '}';
    }

    /** Builds {@link ImportOptions}; not thread-safe. */
    public static final class Builder {
        private Format format = Format.CSV;
        private Character delimiter;
        private Header header;
        private Charset charset = DEFAULT_CHARSET;
        private Column phoneColumn;
        private final Map<String, Column> variables = new LinkedHashMap<>();
        private Column tagColumn;
        private String fixedTag;
        private Template template;
        private String templateName;
        private String defaultRegion;
        private Instant executeAt;
        private String sender;
        private MessagePurpose purpose = MessagePurpose.TRANSACTIONAL;
        private String operator;

        private Builder() {
        }

        /** The file format; default {@link Format#CSV}. */
        public Builder format(Format format) {
            this.format = Objects.requireNonNull(format, "format");
            return this;
        }

        /**
         * The column separator of a CSV or TSV file; default {@code ,} for CSV and tab for TSV.
         *
         * @throws IllegalArgumentException for {@code "}, a line break, or a space (cells are trimmed)
         */
        public Builder delimiter(char delimiter) {
            if (delimiter == '"' || delimiter == '\n' || delimiter == '\r' || delimiter == ' ') {
                throw new IllegalArgumentException("delimiter cannot be " + describe(delimiter)
                        + "; use a character that does not occur inside cells, e.g. ',', ';', '|' or tab");
            }
            this.delimiter = delimiter;
            return this;
        }

        private static String describe(char c) {
            return c == '\n' ? "a line feed" : c == '\r' ? "a carriage return" : c == ' ' ? "a space" : "'" + c + "'";
        }

        /** What the first line is; default {@link Header#NAMES} for CSV/TSV and {@link Header#NONE} for TXT. */
        public Builder header(Header header) {
            this.header = Objects.requireNonNull(header, "header");
            return this;
        }

        /**
         * The file's charset; default UTF-8. A byte-order mark is dropped whatever the charset. Chinese
         * files from Windows are often {@code GBK} or {@code GB18030}, Greek ones {@code windows-1253}.
         */
        public Builder charset(Charset charset) {
            this.charset = Objects.requireNonNull(charset, "charset");
            return this;
        }

        /** The column with the phone number ("target"), from 1; required except for TXT (always column 1). */
        public Builder phoneColumn(int number) {
            this.phoneColumn = Column.of(number);
            return this;
        }

        /** The column with the phone number, by header name (needs {@link Header#NAMES}). */
        public Builder phoneColumn(String name) {
            this.phoneColumn = Column.of(name);
            return this;
        }

        /**
         * Fills template variable {@code variable} from column {@code number} (from 1): the seed's
         * {@code param0}…{@code param9} or any name the template uses ({@code 姓名}, {@code όνομα}, or a
         * dotted path such as {@code car.plate}). An empty cell is a missing value (the template's
         * fallback, or a rejected row).
         */
        public Builder variable(String variable, int number) {
            variables.put(Checks.text("variable", variable, 200), Column.of(number));
            return this;
        }

        /** Fills template variable {@code variable} from the column named {@code column} in the header. */
        public Builder variable(String variable, String column) {
            variables.put(Checks.text("variable", variable, 200), Column.of(column));
            return this;
        }

        /**
         * Maps {@code param0}, {@code param1}… to the given columns in order (at most 10), as the
         * import screens of the seed do; replaces earlier {@code paramN} mappings of those names.
         */
        public Builder params(int... columns) {
            if (columns.length > 10) {
                throw new IllegalArgumentException("at most 10 params (param0…param9) can be mapped, got "
                        + columns.length);
            }
            for (int i = 0; i < columns.length; i++) {
                variable("param" + i, columns[i]);
            }
            return this;
        }

        /** The column holding each row's tag (its group), from 1. Replaces a fixed tag. */
        public Builder tagColumn(int number) {
            this.tagColumn = Column.of(number);
            this.fixedTag = null;
            return this;
        }

        /** The column holding each row's tag, by header name. Replaces a fixed tag. */
        public Builder tagColumn(String name) {
            this.tagColumn = Column.of(name);
            this.fixedTag = null;
            return this;
        }

        /** One tag for every row (at most 100 characters). Replaces a tag column. */
        public Builder fixedTag(String tag) {
            this.fixedTag = Checks.text("tag", tag, 100);
            this.tagColumn = null;
            return this;
        }

        /** The template every row is rendered with (required). */
        public Builder template(Template template) {
            this.template = Objects.requireNonNull(template, "template");
            return this;
        }

        /** The template's name, shown in the confirmation; default its body. */
        public Builder templateName(String templateName) {
            this.templateName = Checks.text("templateName", templateName, 200);
            return this;
        }

        /**
         * The region of numbers written without {@code +country}; without it such rows are rejected.
         *
         * @throws IllegalArgumentException if libphonenumber does not know the region
         */
        public Builder defaultRegion(String region) {
            this.defaultRegion = PhoneNumbers.checkRegion(region);
            return this;
        }

        /** When to send; a time that has passed means now (the seed's "execution time"). Default: now. */
        public Builder executeAt(Instant executeAt) {
            this.executeAt = Objects.requireNonNull(executeAt, "executeAt");
            return this;
        }

        /** The sender ID of every message; default the client's. */
        public Builder sender(String sender) {
            this.sender = Checks.text("sender", sender, 20);
            return this;
        }

        /** The messages' purpose; default {@link MessagePurpose#TRANSACTIONAL}. */
        public Builder purpose(MessagePurpose purpose) {
            this.purpose = Objects.requireNonNull(purpose, "purpose");
            return this;
        }

        /** Who runs the import, stored as each entry's operator (at most 100 characters). */
        public Builder operator(String operator) {
            this.operator = Checks.text("operator", operator, 100);
            return this;
        }

        /**
         * The options.
         *
         * @throws IllegalStateException if the template, the phone column (CSV/TSV) or the tag is
         *                               missing, or a setting does not suit the format
         */
        public ImportOptions build() {
            if (template == null) {
                throw new IllegalStateException("no template: call template(Template.compile(...))");
            }
            if (tagColumn == null && fixedTag == null) {
                throw new IllegalStateException("no tag: call tagColumn(...) for a column with each row's tag, or "
                        + "fixedTag(...) for one tag for all rows");
            }
            Header h = header != null ? header : format == Format.TXT ? Header.NONE : Header.NAMES;
            if (format == Format.TXT) {
                if (tagColumn != null || !variables.isEmpty() || delimiter != null
                        || (phoneColumn != null && !phoneColumn.equals(Column.of(1)))) {
                    throw new IllegalStateException("a TXT file has one number a line and no other columns: use "
                            + "fixedTag(...) and no tag column, variables or delimiter, or use CSV");
                }
            } else if (phoneColumn == null) {
                throw new IllegalStateException("no phone column: call phoneColumn(number) or phoneColumn(name)");
            }
            if (h != Header.NAMES) {
                boolean named = (phoneColumn != null && phoneColumn.byName())
                        || (tagColumn != null && tagColumn.byName())
                        || variables.values().stream().anyMatch(Column::byName);
                if (named) {
                    throw new IllegalStateException("columns are named but header is " + h
                            + ": use header(Header.NAMES) or map columns by number");
                }
            }
            return new ImportOptions(this);
        }
    }
}
