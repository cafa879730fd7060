package org.smsbridge.scheduler;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A file to import that can be opened more than once: {@link BulkImport} reads it once to check
 * and preview ({@link BulkImport#plan}) and again to enqueue ({@link BulkImport#start}), streaming
 * both times, so the file is never held in memory. Implementations must be thread-safe and return
 * the same content on every {@link #open()}.
 *
 * <pre>{@code
 * ImportSource file = ImportSource.of(Path.of("customers.csv"));
 * }</pre>
 */
public interface ImportSource {
    /** A name for messages and the confirmation, e.g. the file name. */
    String name();

    /**
     * Opens the content from its start; the caller closes the stream.
     *
     * @throws IOException if it cannot be opened
     */
    InputStream open() throws IOException;

    /** A file on disk, read afresh on each {@link #open()}. */
    static ImportSource of(Path file) {
        Objects.requireNonNull(file, "file");
        return new ImportSource() {
            @Override
            public String name() {
                return String.valueOf(file.getFileName());
            }

            @Override
            public InputStream open() throws IOException {
                return Files.newInputStream(file);
            }

            @Override
            public String toString() {
                return "ImportSource{" + file + '}';
            }
        };
    }

    /** Bytes in memory (an upload, a test); the array is copied. */
    static ImportSource of(String name, byte[] content) {
        Checks.text("name", name, 300);
        byte[] copy = Objects.requireNonNull(content, "content").clone();
        return new ImportSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public InputStream open() {
                return new ByteArrayInputStream(copy);
            }

            @Override
            public String toString() {
                return "ImportSource{" + name + ", " + copy.length + " bytes}";
            }
        };
    }
}
