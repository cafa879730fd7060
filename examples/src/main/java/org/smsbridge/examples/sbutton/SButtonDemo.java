package org.smsbridge.examples.sbutton;

import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.nio.file.Path;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;

/**
 * The "S" send button demo: a small customer application (seed 002's auto-repair shop) with SMS
 * Bridge embedded through its public API only. Select a customer and press <b>S</b> to open the
 * message editor with the text generated from a saved template; select several and right-click
 * for "Send to all"; Settings for the provider and account; Outbox for the folders and the
 * comprehensive query. The console provider is the default, so no account is needed.
 *
 * <p>Run it with
 * {@code mvn -B -q -pl examples -am install -DskipTests && mvn -B -q -pl examples exec:java -Dexec.mainClass=org.smsbridge.examples.sbutton.SButtonDemo}.
 * Data (H2 database, templates, settings) live in {@code ~/.sms-bridge/sbutton-demo}, or in the
 * folder given by {@code -Dsbutton.home=...}.
 */
public final class SButtonDemo {
    private SButtonDemo() {
    }

    /** Opens the demo's data and shows the main window. */
    public static void main(String[] args) {
        start(DemoApp.defaultHome());
    }

    /**
     * Opens the data in {@code home} and shows the main window (on the event thread); closing the
     * window closes the outbox, the client and the database.
     *
     * @return the application (its window appears shortly after)
     */
    public static DemoApp start(Path home) {
        DemoApp app;
        try {
            app = DemoApp.open(home);
        } catch (RuntimeException e) {
            if (!java.awt.GraphicsEnvironment.isHeadless()) {
                JOptionPane.showMessageDialog(null, e.getMessage(), "SMS Bridge demo", JOptionPane.ERROR_MESSAGE);
            }
            throw e;
        }
        SwingUtilities.invokeLater(() -> {
            MainFrame frame = new MainFrame(app);
            frame.addWindowListener(new WindowAdapter() {
                @Override
                public void windowClosed(WindowEvent e) {
                    app.close();
                    for (java.awt.Window w : java.awt.Window.getWindows()) {
                        w.dispose();
                    }
                }
            });
            frame.setVisible(true);
        });
        return app;
    }
}
