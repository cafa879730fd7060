package org.smsbridge.examples.sbutton;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.smsbridge.scheduler.JdbcOutboxStore;
import org.smsbridge.templates.TemplateLibrary;
import org.smsbridge.templates.TemplateStore;

/**
 * Everything the demo window works on, wired the way a host application would: its own database
 * (customers, and the outbox table next to them), a saved-template file, the settings file and the
 * {@link SmsSession}. Files live in one folder: {@code -Dsbutton.home=...}, else
 * {@code ~/.sms-bridge/sbutton-demo}, else a temporary folder when the home folder is not writable.
 *
 * <p>Thread-safe.
 */
public final class DemoApp implements AutoCloseable {
    private final Path home;
    private final CustomerDatabase database;
    private final TemplateLibrary templates;
    private final SmsSession session;
    private final ExecutorService worker;

    private DemoApp(Path home, CustomerDatabase database, TemplateLibrary templates, SmsSession session) {
        this.home = home;
        this.database = database;
        this.templates = templates;
        this.session = session;
        AtomicInteger n = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "sbutton-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.worker = Executors.newFixedThreadPool(2, threads);
    }

    /** The folder the demo keeps its files in (see the class comment). */
    public static Path defaultHome() {
        String configured = System.getProperty("sbutton.home", "");
        if (!configured.isBlank()) {
            return Path.of(configured);
        }
        Path home = Path.of(System.getProperty("user.home"), ".sms-bridge", "sbutton-demo");
        try {
            Files.createDirectories(home);
            if (Files.isWritable(home)) {
                return home;
            }
        } catch (IOException | SecurityException e) {
            // fall through to a temporary folder
        }
        try {
            return Files.createTempDirectory("sbutton-demo");
        } catch (IOException e) {
            throw new IllegalStateException("no writable folder for the demo's database: " + e.getMessage(), e);
        }
    }

    /**
     * Opens (on first start: creates) the demo's database, templates and settings in {@code home}
     * and starts the outbox.
     *
     * @throws IllegalStateException when a file cannot be opened or created
     */
    public static DemoApp open(Path home) {
        try {
            Files.createDirectories(home);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the demo folder " + home + ": " + e.getMessage(), e);
        }
        CustomerDatabase db = CustomerDatabase.open(home);
        try {
            TemplateLibrary library = TemplateLibrary.builder()
                    .store(TemplateStore.jsonFile(home.resolve("sms-templates.json"))).build();
            DemoTemplates.seedIfEmpty(library);
            JdbcOutboxStore store = JdbcOutboxStore.builder(db.dataSource()).build();
            store.createSchemaIfMissing();
            DemoSettings settings = DemoSettings.load(home.resolve("settings.properties"));
            SmsSession session;
            try {
                session = new SmsSession(store, SmsSession.demoFilter(), settings);
            } catch (RuntimeException e) {
                // saved settings that no longer work (a provider jar removed): start on the console
                session = new SmsSession(store, SmsSession.demoFilter(),
                        settings.withAccount(DemoSettings.DEFAULT_PROVIDER, settings.sender(), "", "",
                                java.util.Map.of()));
            }
            return new DemoApp(home, db, library, session);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /** The demo folder. */
    public Path home() {
        return home;
    }

    /** The customer database. */
    public CustomerDatabase database() {
        return database;
    }

    /** The saved templates. */
    public TemplateLibrary templates() {
        return templates;
    }

    /** The SMS client and outbox. */
    public SmsSession session() {
        return session;
    }

    /** Runs slow work (database, provider calls) off the event thread. */
    public ExecutorService worker() {
        return worker;
    }

    /** Applies and saves new settings (rebuilding the client and outbox). */
    public void applySettings(DemoSettings settings) {
        session.reconfigure(settings);
        settings.save(home.resolve("settings.properties"));
    }

    /** Stops the outbox, closes the client and the database. */
    @Override
    public void close() {
        worker.shutdownNow();
        session.close();
        database.close();
    }
}
