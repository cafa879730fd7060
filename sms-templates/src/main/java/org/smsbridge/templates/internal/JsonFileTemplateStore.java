package org.smsbridge.templates.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessagePurpose;
import org.smsbridge.SmsException;
import org.smsbridge.templates.SavedTemplate;
import org.smsbridge.templates.TemplateStore;
import org.smsbridge.templates.TemplateSyntaxException;

/**
 * {@link TemplateStore#jsonFile(Path)}: the templates are read once, kept in memory, and the whole
 * file is rewritten atomically (temporary file, fsync, {@code ATOMIC_MOVE}) on every change. A
 * change that cannot be written is not applied. Thread-safe: changes are serialized by a lock,
 * reads see an immutable snapshot.
 *
 * <p>File format: {@code {"version": 1, "templates": [{"name", "description", "body", "purpose",
 * "carrierTemplateId"}]}}, UTF-8, sorted by name. Opening checks every entry, including the
 * syntax of its body (not its format names, which belong to the engine), and refuses the file with
 * the entry and the problem; a body with a syntax error is never written.
 */
public final class JsonFileTemplateStore implements TemplateStore {
    /** The file format version written and understood. */
    public static final int VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(JsonFileTemplateStore.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path file;
    private final Consumer<Path> beforeMove;
    private final Object lock = new Object();
    private volatile TreeMap<String, SavedTemplate> templates;

    /** Opens {@code file}; see {@link TemplateStore#jsonFile(Path)}. */
    public JsonFileTemplateStore(Path file) {
        this(file, tmp -> { });
    }

    /** For tests: {@code beforeMove} runs on the written temporary file just before it replaces the old one. */
    JsonFileTemplateStore(Path file, Consumer<Path> beforeMove) {
        this.file = Objects.requireNonNull(file, "file").toAbsolutePath();
        this.beforeMove = beforeMove;
        this.templates = read(this.file);
    }

    @Override
    public List<SavedTemplate> list() {
        return List.copyOf(templates.values());
    }

    @Override
    public Optional<SavedTemplate> find(String name) {
        return Optional.ofNullable(templates.get(Objects.requireNonNull(name, "name")));
    }

    @Override
    public void save(SavedTemplate template) {
        Objects.requireNonNull(template, "template");
        try {
            checkSyntax(template);
        } catch (TemplateSyntaxException e) {
            // never write a file that could not be opened again
            throw new SmsException(ErrorKind.INVALID_CONTENT, "template '" + template.name() + "' was not saved to "
                    + file + ": " + e.getMessage(), e);
        }
        synchronized (lock) {
            TreeMap<String, SavedTemplate> next = new TreeMap<>(templates);
            next.put(template.name(), template);
            write(next);
            templates = next;
        }
    }

    @Override
    public boolean delete(String name) {
        Objects.requireNonNull(name, "name");
        synchronized (lock) {
            if (!templates.containsKey(name)) {
                return false;
            }
            TreeMap<String, SavedTemplate> next = new TreeMap<>(templates);
            next.remove(name);
            write(next);
            templates = next;
            return true;
        }
    }

    /** The file, as an absolute path. */
    public Path file() {
        return file;
    }

    private static TreeMap<String, SavedTemplate> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, "cannot read template file " + file + ": " + e
                    + "; check that it is a readable file", e);
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw corrupt(file, "it is not valid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + " (" + e.getOriginalMessage() + ")", e);
        } catch (IOException e) {
            throw corrupt(file, "it cannot be parsed: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw corrupt(file, "it is not a JSON object with a \"templates\" array", null);
        }
        JsonNode version = root.path("version");
        if (!version.isInt() || version.intValue() > VERSION || version.intValue() < 1) {
            throw corrupt(file, "\"version\" must be " + VERSION + ", was " + version, null);
        }
        JsonNode list = root.path("templates");
        if (!list.isArray()) {
            throw corrupt(file, "\"templates\" must be an array", null);
        }
        TreeMap<String, SavedTemplate> result = new TreeMap<>();
        for (int i = 0; i < list.size(); i++) {
            SavedTemplate t = entry(file, list.get(i), i + 1);
            if (result.put(t.name(), t) != null) {
                throw corrupt(file, "template " + (i + 1) + " repeats the name '" + t.name() + "'", null);
            }
        }
        return result;
    }

    private static SavedTemplate entry(Path file, JsonNode node, int number) {
        String entry = "template " + number;
        try {
            String name = text(node, "name", true);
            SavedTemplate.Builder b = SavedTemplate.builder().name(name);
            entry += " ('" + name + "')";
            String body = text(node, "body", true);
            b.body(body).description(text(node, "description", false)).purpose(purpose(node));
            String carrierId = text(node, "carrierTemplateId", false);
            if (!carrierId.isEmpty()) {
                b.carrierTemplateId(carrierId);
            }
            SavedTemplate t = b.build();
            checkSyntax(t);
            return t;
        } catch (TemplateSyntaxException e) {
            throw corrupt(file, entry + " is invalid: \"body\" has a syntax error at line " + e.line() + ", column "
                    + e.column() + ": " + e.problem(), e);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw corrupt(file, entry + " is invalid: " + e.getMessage(), e);
        }
    }

    private static MessagePurpose purpose(JsonNode node) {
        String purpose = text(node, "purpose", false);
        if (purpose.isEmpty()) {
            return MessagePurpose.TRANSACTIONAL;
        }
        for (MessagePurpose p : MessagePurpose.values()) {
            if (p.name().equals(purpose)) {
                return p;
            }
        }
        throw new IllegalArgumentException("\"purpose\" must be one of " + Arrays.stream(MessagePurpose.values())
                .map(MessagePurpose::name).collect(Collectors.joining(", ")) + " (or left out for TRANSACTIONAL), was '"
                + purpose + "'");
    }

    /**
     * Checks the body's syntax. Formats are not bound: an engine may add custom ones, so a format
     * the library's engine does not know is reported when the library compiles the body.
     */
    private static void checkSyntax(SavedTemplate t) {
        CompiledBody.checkSyntax(t.body());
    }

    private static String text(JsonNode node, String field, boolean required) {
        JsonNode v = node.path(field);
        if (v.isTextual()) {
            return v.textValue();
        }
        if (v.isMissingNode() || v.isNull()) {
            if (required) {
                throw new IllegalArgumentException("\"" + field + "\" is missing");
            }
            return "";
        }
        throw new IllegalArgumentException("\"" + field + "\" must be a string");
    }

    private static SmsException corrupt(Path file, String problem, Exception cause) {
        String message = "template file " + file + " is corrupt: " + problem
                + "; fix or restore the file (it was left unchanged)";
        return cause == null ? new SmsException(ErrorKind.CONFIGURATION, message)
                : new SmsException(ErrorKind.CONFIGURATION, message, cause);
    }

    private void write(TreeMap<String, SavedTemplate> next) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("version", VERSION);
        ArrayNode list = root.putArray("templates");
        for (SavedTemplate t : next.values()) {
            ObjectNode n = list.addObject();
            n.put("name", t.name());
            n.put("description", t.description());
            n.put("body", t.body());
            n.put("purpose", t.purpose().name());
            t.carrierTemplateId().ifPresent(id -> n.put("carrierTemplateId", id));
        }
        Path dir = file.getParent();
        Path tmp = null;
        try {
            byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, file.getFileName() + ".", ".tmp");
            keepPermissions(tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    ch.write(buffer);
                }
                ch.force(true);
            }
            beforeMove.accept(tmp);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                LOG.warn("atomic move not supported for {}; replacing the file non-atomically", file);
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            LOG.debug("wrote {} templates to {}", next.size(), file);
        } catch (IOException | RuntimeException e) {
            throw new SmsException(ErrorKind.CONFIGURATION, "cannot write template file " + file + ": " + e
                    + "; the change was not saved and the old file is unchanged", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    LOG.warn("cannot delete temporary file {}", tmp, e);
                }
            }
        }
    }

    /** Gives the temporary file the old file's POSIX permissions (temporary files start as 0600). */
    private void keepPermissions(Path tmp) {
        try {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(file));
        } catch (NoSuchFileException | UnsupportedOperationException e) {
            // first write, or not a POSIX file system: keep the defaults
        } catch (IOException e) {
            LOG.debug("cannot copy the permissions of {}", file, e);
        }
    }

    @Override
    public String toString() {
        return "JsonFileTemplateStore{" + file + ", " + templates.size() + " templates}";
    }
}
