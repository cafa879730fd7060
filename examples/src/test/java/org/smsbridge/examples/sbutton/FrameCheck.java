package org.smsbridge.examples.sbutton;

import java.awt.Component;
import java.awt.Container;
import java.awt.Graphics2D;
import java.awt.Window;
import java.awt.event.KeyEvent;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JRootPane;
import javax.swing.JTable;
import javax.swing.JTextArea;
import javax.swing.RootPaneContainer;
import javax.swing.SwingUtilities;

/**
 * Runs in a child JVM with a display (see {@link SButtonFrameIT}): starts the demo, selects the
 * Greek customer, presses S on the customer table, and checks that the editor shows the text
 * rendered from the car-ready template and the segment counter. With a second argument, saves
 * screenshots of the main window and the editor into that folder. Exits 0 when all is well, 1 with
 * the reason otherwise, 3 after a 90-second watchdog.
 *
 * <p>Arguments: {@code <demo data folder> [<screenshot folder>]}.
 */
public final class FrameCheck {
    private static final Pattern COUNTER = Pattern.compile("\\d+ SMS · (GSM-7|UCS-2) · \\d+ left");
    private static final long WAIT_MILLIS = 30_000;

    private FrameCheck() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(90_000);
                System.err.println("FRAME CHECK: timed out after 90 s");
                Runtime.getRuntime().halt(3);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "frame-check-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        try {
            run(Path.of(args[0]), args.length > 1 ? Optional.of(Path.of(args[1])) : Optional.empty());
            System.out.println("FRAME CHECK OK");
            System.out.flush();
            Runtime.getRuntime().halt(0);
        } catch (Throwable e) {
            System.err.println("FRAME CHECK FAILED: " + e);
            e.printStackTrace();
            System.err.flush();
            Runtime.getRuntime().halt(1);
        }
    }

    static void run(Path home, Optional<Path> screenshots) throws Exception {
        SButtonDemo.start(home);
        JFrame main = (JFrame) waitFor("the main window", () -> showingWindow("main"));
        JTable table = (JTable) waitFor("the customer table with rows", () -> onEdt(() -> {
            JTable t = (JTable) find(main, "customers");
            return t != null && t.getRowCount() > 0 ? t : null;
        }));
        int greek = onEdt(() -> {
            for (int row = 0; row < table.getRowCount(); row++) {
                if ("Γιώργος Παπαδόπουλος".equals(table.getValueAt(row, 0))) {
                    return row;
                }
            }
            throw new AssertionError("no Greek sample customer in the table");
        });
        onEdt(() -> {
            table.setRowSelectionInterval(greek, greek);
            table.requestFocusInWindow();
            return null;
        });
        if (screenshots.isPresent()) {
            onEdt(() -> {
                table.addRowSelectionInterval(0, 1);
                return null;
            });
            save(main, screenshots.get().resolve("sbutton-main.png"));
            onEdt(() -> {
                table.setRowSelectionInterval(greek, greek);
                return null;
            });
        }
        // press S on the table, the way the keyboard does (key bindings of the focused table)
        SwingUtilities.invokeLater(() -> {
            long now = System.currentTimeMillis();
            table.dispatchEvent(new KeyEvent(table, KeyEvent.KEY_PRESSED, now, 0, KeyEvent.VK_S, 's'));
            table.dispatchEvent(new KeyEvent(table, KeyEvent.KEY_TYPED, now, 0, KeyEvent.VK_UNDEFINED, 's'));
            table.dispatchEvent(new KeyEvent(table, KeyEvent.KEY_RELEASED, now, 0, KeyEvent.VK_S, 's'));
        });
        Window editor = waitFor("the message editor after pressing S", () -> showingWindow("editor"));
        String text = onEdt(() -> ((JTextArea) find(editor, "text")).getText());
        String counter = onEdt(() -> ((JLabel) find(editor, "counter")).getText());
        check(text.contains("Γιώργος Παπαδόπουλος") && text.contains("ΙΚΑ-1234") && text.contains("80,50 €")
                && text.contains("ACME Auto"), "editor text rendered from car-ready-el, was: " + text);
        check(COUNTER.matcher(counter).matches(), "counter like '1 SMS · UCS-2 · 3 left', was: " + counter);
        check(counter.equals(EditorModel.counterText(text)), "counter for the text shown, was: " + counter);
        System.out.println("editor text: " + text);
        System.out.println("counter: " + counter);
        if (screenshots.isPresent()) {
            selectTemplate(editor, "service-reminder-el");
            save(editor, screenshots.get().resolve("sbutton-editor.png"));
        }
        selectTemplate(editor, "car-ready-el");
        click(editor, "send");
        String sent = waitFor("the editor's send result", () -> onEdt(() -> {
            String r = ((JLabel) find(editor, "result")).getText();
            return r.startsWith("Sent") || r.startsWith("Failed") || r.startsWith("✗") ? r : null;
        }));
        check(sent.startsWith("Sent · console-"), "the editor's Send to go through the console provider, was: " + sent);
        System.out.println("editor send: " + sent);

        // multi-select -> Send to all: progress and a result per row
        onEdt(() -> {
            table.selectAll();
            return null;
        });
        click(main, "sendAllButton");
        Window batch = waitFor("the send-to-all window", () -> showingWindow("batch"));
        click(batch, "sendAll");
        String summary = waitFor("the send-to-all summary", () -> onEdt(() -> {
            String t = ((JLabel) find(batch, "summary")).getText();
            return t.contains(" sent, ") || t.startsWith("✗") ? t : null;
        }));
        check(summary.startsWith((CustomerDatabase.SAMPLE.size() - 1) + " sent, 1 not sent"),
                "all but the landline sent, was: " + summary);
        String landline = onEdt(() -> {
            JTable results = (JTable) find(batch, "results");
            for (int row = 0; row < results.getRowCount(); row++) {
                if ("210 123 4567".equals(results.getValueAt(row, 1))) {
                    return String.valueOf(results.getValueAt(row, 2));
                }
            }
            return "no landline row";
        });
        check(landline.startsWith("Failed · INVALID_NUMBER"), "the landline row to fail, was: " + landline);
        int progress = onEdt(() -> ((javax.swing.JProgressBar) find(batch, "progress")).getValue());
        check(progress == CustomerDatabase.SAMPLE.size(), "a full progress bar, was " + progress);
        System.out.println("send to all: " + summary);

        // the outbox window: the Sent folder holds what was sent
        click(main, "outboxButton");
        Window outbox = waitFor("the outbox window", () -> showingWindow("outbox"));
        onEdt(() -> {
            ((javax.swing.JList<?>) find(outbox, "folders")).setSelectedIndex(1);
            return null;
        });
        int sentRows = waitFor("sent messages in the outbox window", () -> onEdt(() -> {
            int n = ((JTable) find(outbox, "entries")).getRowCount();
            return n >= CustomerDatabase.SAMPLE.size() ? n : null;
        }));
        System.out.println("sent folder rows: " + sentRows);
        if (screenshots.isPresent()) {
            save(outbox, screenshots.get().resolve("sbutton-outbox.png"));
        }

        // settings: the sender caption is checked as typed, the account test answers
        SwingUtilities.invokeLater(() -> ((javax.swing.AbstractButton) find(main, "settingsButton")).doClick());
        Window settings = waitFor("the settings dialog", () -> showingWindow("settings"));
        String refused = onEdt(() -> {
            ((javax.swing.JTextField) find(settings, "sender")).setText("ACME SERVICES");
            return ((JLabel) find(settings, "senderCheck")).getText()
                    + (((javax.swing.JButton) find(settings, "ok")).isEnabled() ? " [OK enabled]" : "");
        });
        check(refused.startsWith("⚠") && refused.contains("13 characters") && !refused.contains("[OK enabled]"),
                "a 13-character sender to be refused as typed, was: " + refused);
        onEdt(() -> {
            ((javax.swing.JTextField) find(settings, "sender")).setText("ACME");
            return null;
        });
        click(settings, "testAccount");
        String test = waitFor("the account test", () -> onEdt(() -> {
            String t = ((JLabel) find(settings, "testResult")).getText();
            return t.startsWith("✓") || t.startsWith("✗") ? t : null;
        }));
        check(test.startsWith("✓ console provider needs no account"), "the console account test, was: " + test);
        System.out.println("account test: " + test);
        onEdt(() -> {
            settings.dispose();
            return null;
        });
    }

    private static void selectTemplate(Window editor, String name) throws Exception {
        onEdt(() -> {
            @SuppressWarnings("unchecked")
            JComboBox<Object> combo = (JComboBox<Object>) find(editor, "template");
            for (int i = 0; i < combo.getItemCount(); i++) {
                if (((org.smsbridge.templates.SavedTemplate) combo.getItemAt(i)).name().equals(name)) {
                    combo.setSelectedIndex(i);
                    return null;
                }
            }
            throw new AssertionError("no template " + name);
        });
    }

    private static void click(Container root, String name) throws Exception {
        onEdt(() -> {
            Component c = find(root, name);
            if (!(c instanceof javax.swing.AbstractButton b)) {
                throw new AssertionError("no button named " + name);
            }
            b.doClick();
            return null;
        });
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new AssertionError("expected " + what);
        }
    }

    private static Window showingWindow(String name) throws Exception {
        return onEdt(() -> {
            for (Window w : Window.getWindows()) {
                if (name.equals(w.getName()) && w.isShowing()) {
                    return w;
                }
            }
            return null;
        });
    }

    static Component find(Container root, String name) {
        if (name.equals(root.getName())) {
            return root;
        }
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName())) {
                return c;
            }
            if (c instanceof Container inner) {
                Component found = find(inner, name);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T> T onEdt(Callable<T> work) throws Exception {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Exception> error = new AtomicReference<>();
        SwingUtilities.invokeAndWait(() -> {
            try {
                result.set(work.call());
            } catch (Exception e) {
                error.set(e);
            }
        });
        if (error.get() != null) {
            throw error.get();
        }
        return result.get();
    }

    private static <T> T waitFor(String what, Callable<T> probe) throws Exception {
        long end = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < end) {
            T t = probe.call();
            if (t != null) {
                return t;
            }
            Thread.sleep(50); // a real window appears asynchronously; poll briefly
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Paints the window's content (no window-manager decorations) into a PNG. */
    private static void save(Window window, Path file) throws Exception {
        // let pending layout and painting finish first
        onEdt(() -> null);
        Thread.sleep(300);
        BufferedImage image = onEdt(() -> {
            JRootPane root = ((RootPaneContainer) window).getRootPane();
            BufferedImage img = new BufferedImage(root.getWidth(), root.getHeight(), BufferedImage.TYPE_INT_RGB);
            Graphics2D g = img.createGraphics();
            root.paint(g);
            g.dispose();
            return img;
        });
        try {
            Files.createDirectories(file.getParent());
            ImageIO.write(image, "png", file.toFile());
        } catch (IOException e) {
            throw new IOException("cannot write the screenshot " + file + ": " + e.getMessage(), e);
        }
        System.out.println("saved " + file);
    }
}
