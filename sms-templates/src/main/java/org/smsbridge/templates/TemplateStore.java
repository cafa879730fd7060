package org.smsbridge.templates;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.smsbridge.templates.internal.InMemoryTemplateStore;
import org.smsbridge.templates.internal.JsonFileTemplateStore;

/**
 * Where a {@link TemplateLibrary} keeps its templates. Pick {@link #inMemory()} or
 * {@link #jsonFile(Path)}, or implement it over the host's own storage.
 *
 * <p>Implementations must be thread-safe.
 */
public interface TemplateStore {
    /** Every template, sorted by name. */
    List<SavedTemplate> list();

    /** The template named {@code name}, if saved. */
    Optional<SavedTemplate> find(String name);

    /**
     * Saves {@code template}, replacing one with the same name.
     *
     * @throws org.smsbridge.SmsException of kind {@code CONFIGURATION} if the storage cannot be written
     *                                    (nothing is changed then)
     */
    void save(SavedTemplate template);

    /**
     * Deletes the template named {@code name}.
     *
     * @return whether one was deleted
     * @throws org.smsbridge.SmsException of kind {@code CONFIGURATION} if the storage cannot be written
     */
    boolean delete(String name);

    /** A new, empty store in memory. */
    static TemplateStore inMemory() {
        return new InMemoryTemplateStore();
    }

    /**
     * A store in one UTF-8 JSON file, read now and rewritten whole on each change: written to a
     * temporary file in the same folder, flushed to disk, then moved over the old file with
     * {@code ATOMIC_MOVE}, so a crash leaves either the old or the new file, never half of one. A
     * missing file is an empty store (the file and its folders are created on the first save).
     * Use one store object per file; changes made by other processes are not seen.
     *
     * <pre>{@code
     * TemplateStore store = TemplateStore.jsonFile(Path.of("config/sms-templates.json"));
     * }</pre>
     *
     * <p>Opening checks every entry: its fields, its {@code purpose} (one of
     * {@link org.smsbridge.MessagePurpose}) and the syntax of its body. Format names are not checked
     * here, as custom formats belong to the engine: a format the library's engine does not know is
     * reported by {@link TemplateLibrary#render} with the template's name. {@link #save} refuses a
     * body with a syntax error ({@code SmsException} of kind {@code INVALID_CONTENT}), so the store
     * never writes a file it would refuse to open.
     *
     * @throws org.smsbridge.SmsException of kind {@code CONFIGURATION} if the file cannot be read or
     *                                    is not a valid template file; the message names the file, the
     *                                    entry (number and name) and the problem (for a body, the line
     *                                    and column), and the file is left untouched
     */
    static TemplateStore jsonFile(Path file) {
        return new JsonFileTemplateStore(file);
    }
}
