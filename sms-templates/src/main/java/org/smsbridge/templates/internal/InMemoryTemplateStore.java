package org.smsbridge.templates.internal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.smsbridge.templates.SavedTemplate;
import org.smsbridge.templates.TemplateStore;

/** {@link TemplateStore#inMemory()}: a concurrent sorted map. Thread-safe. */
public final class InMemoryTemplateStore implements TemplateStore {
    private final ConcurrentSkipListMap<String, SavedTemplate> templates = new ConcurrentSkipListMap<>();

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
        templates.put(template.name(), template);
    }

    @Override
    public boolean delete(String name) {
        return templates.remove(Objects.requireNonNull(name, "name")) != null;
    }

    @Override
    public String toString() {
        return "InMemoryTemplateStore{" + templates.size() + " templates}";
    }
}
