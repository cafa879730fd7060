package org.smsbridge.templates;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.smsbridge.ErrorKind;
import org.smsbridge.SmsException;

/**
 * Saved templates that users pick by name: the bodies are checked with the library's engine when
 * saved, and compiled (and cached) by the engine when used.
 *
 * <pre>{@code
 * TemplateLibrary library = TemplateLibrary.builder()
 *         .store(TemplateStore.jsonFile(Path.of("sms-templates.json")))
 *         .engine(TemplateEngine.builder().locale(Locale.forLanguageTag("vi-VN")).build())
 *         .build();
 * library.save(SavedTemplate.builder().name("nhắc-hẹn").body("Chào {tên_khách}, hẹn lúc {giờ:time:HH:mm}").build());
 * String text = library.render("nhắc-hẹn", values);
 * }</pre>
 *
 * <p>Thread-safe when its store is (both built-in stores are).
 */
public final class TemplateLibrary {
    private final TemplateStore store;
    private final TemplateEngine engine;

    private TemplateLibrary(Builder b) {
        this.store = b.store != null ? b.store : TemplateStore.inMemory();
        this.engine = b.engine;
    }

    /** Starts a library; default an in-memory store and {@link TemplateEngine#defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder with this library's store and engine. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Saves {@code template}, replacing one with the same name.
     *
     * @throws TemplateSyntaxException if its body is malformed or uses a format the engine does not
     *                                 know; the message names the template (nothing is saved then)
     * @throws SmsException            of kind {@code CONFIGURATION} if the store cannot write
     */
    public void save(SavedTemplate template) {
        Objects.requireNonNull(template, "template");
        try {
            engine.compile(template.body());
        } catch (TemplateSyntaxException e) {
            throw new TemplateSyntaxException(template.name(), e, "; nothing was saved");
        }
        store.save(template);
    }

    /** The template named {@code name}, if saved. */
    public Optional<SavedTemplate> find(String name) {
        return store.find(Objects.requireNonNull(name, "name"));
    }

    /** Every saved template, sorted by name. */
    public List<SavedTemplate> list() {
        return store.list();
    }

    /**
     * Deletes the template named {@code name}.
     *
     * @return whether one was deleted
     */
    public boolean delete(String name) {
        return store.delete(Objects.requireNonNull(name, "name"));
    }

    /**
     * The compiled template named {@code name}.
     *
     * @throws SmsException            of kind {@code INVALID_CONTENT} if no template has that name (the
     *                                 message lists the saved names)
     * @throws TemplateSyntaxException if the saved body does not compile with this library's engine,
     *                                 such as a format the engine does not know (a store checks only
     *                                 the syntax, as formats belong to the engine); the message names
     *                                 the template: {@code template 'a': template syntax error at line 1,
     *                                 column 7: unknown format 'monie' ...}
     */
    public Template template(String name) {
        SavedTemplate saved = find(name).orElseThrow(() -> new SmsException(ErrorKind.INVALID_CONTENT,
                "no saved template named '" + name + "'; saved: "
                        + list().stream().map(SavedTemplate::name).collect(Collectors.joining(", ", "[", "]"))));
        try {
            return engine.compile(saved.body());
        } catch (TemplateSyntaxException e) {
            throw new TemplateSyntaxException(saved.name(), e, "; save a corrected body, or add the format to the "
                    + "library's engine");
        }
    }

    /**
     * Renders the template named {@code name}.
     *
     * @throws SmsException           of kind {@code INVALID_CONTENT} if there is none
     * @throws TemplateSyntaxException naming the template, if its body does not compile with the engine
     * @throws MissingValuesException in strict mode, listing every missing name
     * @see Template#render(Object)
     */
    public String render(String name, Object values) {
        return template(name).render(values);
    }

    /**
     * Previews the template named {@code name}.
     *
     * @throws SmsException            of kind {@code INVALID_CONTENT} if there is none
     * @throws TemplateSyntaxException naming the template, if its body does not compile with the engine
     * @see Template#preview(Object)
     */
    public TemplatePreview preview(String name, Object values) {
        return template(name).preview(values);
    }

    /** The store. */
    public TemplateStore store() {
        return store;
    }

    /** The engine that checks and compiles bodies. */
    public TemplateEngine engine() {
        return engine;
    }

    @Override
    public String toString() {
        return "TemplateLibrary{store=" + store + ", engine=" + engine + '}';
    }

    /** Builds a {@link TemplateLibrary}; not thread-safe. */
    public static final class Builder {
        private TemplateStore store;
        private TemplateEngine engine = TemplateEngine.defaults();

        private Builder() {
        }

        private Builder(TemplateLibrary l) {
            this.store = l.store;
            this.engine = l.engine;
        }

        /** Where templates are kept; default a new {@link TemplateStore#inMemory()}. */
        public Builder store(TemplateStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The engine that checks and renders; default {@link TemplateEngine#defaults()}. */
        public Builder engine(TemplateEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
            return this;
        }

        /** Creates the library. */
        public TemplateLibrary build() {
            return new TemplateLibrary(this);
        }
    }
}
