package org.smsbridge.examples.sbutton;

import java.awt.BorderLayout;
import java.awt.event.ActionEvent;
import java.awt.event.KeyEvent;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import javax.swing.AbstractAction;
import javax.swing.Action;
import javax.swing.BorderFactory;
import javax.swing.JComponent;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JOptionPane;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.JToolBar;
import javax.swing.KeyStroke;
import javax.swing.ListSelectionModel;
import javax.swing.WindowConstants;
import javax.swing.table.AbstractTableModel;

/**
 * The host application's customer list with the "S" button (seed 002): press S (or the toolbar
 * button, or right-click) on a customer to open the message editor; select several and
 * right-click → Send to all.
 */
final class MainFrame extends JFrame {
    private static final String[] COLUMNS = {"Name", "Mobile", "Plate", "Balance", "Birthday"};

    private final DemoApp app;
    private final CustomerModel model = new CustomerModel();
    private final JTable table = Ui.named("customers", new JTable(model));
    private final JLabel status = Ui.named("status", new JLabel(" "));
    private OutboxFrame outboxFrame;

    MainFrame(DemoApp app) {
        super("SMS Bridge · S-button demo");
        this.app = app;
        setName("main");
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

        Action sms = action("S  SMS", "Write an SMS to the selected customer (key S)", this::openEditor);
        Action sendAll = action("Send to all…", "One SMS to each selected customer", this::sendToAll);
        Action outbox = action("Outbox", "Outbox, Sent, Drafts, Deleted, Failed and the comprehensive query",
                this::openOutbox);
        Action settings = action("Settings…", "Provider, sender caption, account, signature", this::openSettings);

        JToolBar bar = new JToolBar();
        bar.setFloatable(false);
        bar.add(sms).setName("sButton");
        bar.add(sendAll).setName("sendAllButton");
        bar.addSeparator();
        bar.add(outbox).setName("outboxButton");
        bar.add(settings).setName("settingsButton");

        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.setRowHeight(table.getRowHeight() + 6);
        table.setAutoCreateRowSorter(true);
        table.getColumnModel().getColumn(0).setPreferredWidth(200);
        table.getColumnModel().getColumn(1).setPreferredWidth(150);
        // the S key, as in the host application: works whenever the table has the focus
        table.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke(KeyEvent.VK_S, 0), "sms");
        table.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke('s'), "sms");
        table.getInputMap(JComponent.WHEN_FOCUSED).put(KeyStroke.getKeyStroke('S'), "sms");
        table.getActionMap().put("sms", sms);

        JPopupMenu popup = new JPopupMenu();
        popup.add(sms);
        popup.add(sendAll);
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                maybePopup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                maybePopup(e);
            }

            private void maybePopup(MouseEvent e) {
                if (e.isPopupTrigger()) {
                    int row = table.rowAtPoint(e.getPoint());
                    if (row >= 0 && !table.isRowSelected(row)) {
                        table.setRowSelectionInterval(row, row);
                    }
                    popup.show(table, e.getX(), e.getY());
                }
            }
        });

        status.setBorder(BorderFactory.createEmptyBorder(4, 8, 4, 8));
        getContentPane().add(bar, BorderLayout.NORTH);
        getContentPane().add(new JScrollPane(table), BorderLayout.CENTER);
        getContentPane().add(status, BorderLayout.SOUTH);
        setSize(860, 420);
        setLocationByPlatform(true);
        loadCustomers();
        showStatus();
    }

    private static Action action(String name, String tip, Runnable run) {
        Action a = new AbstractAction(name) {
            @Override
            public void actionPerformed(ActionEvent e) {
                run.run();
            }
        };
        a.putValue(Action.SHORT_DESCRIPTION, tip);
        return a;
    }

    private void loadCustomers() {
        Ui.async(app.worker(), () -> app.database().customers(), customers -> {
            model.set(customers);
            if (!customers.isEmpty()) {
                table.setRowSelectionInterval(0, 0);
            }
        }, e -> status.setText("Cannot read the customers: " + e.getMessage()));
    }

    void showStatus() {
        DemoSettings s = app.session().settings();
        status.setText("Provider: " + s.provider() + " · sender " + (s.sender().isEmpty() ? "(default)" : s.sender())
                + " · auto-send " + (s.autoSend() ? "every " + s.sendInterval().toMinutes() + " min" : "off")
                + " · data in " + shortPath(app.home()));
    }

    private static String shortPath(java.nio.file.Path p) {
        String home = System.getProperty("user.home", "");
        String s = p.toAbsolutePath().toString();
        return !home.isEmpty() && s.startsWith(home) ? "~" + s.substring(home.length()) : s;
    }

    private List<Customer> selected() {
        List<Customer> list = new ArrayList<>();
        for (int viewRow : table.getSelectedRows()) {
            list.add(model.get(table.convertRowIndexToModel(viewRow)));
        }
        return list;
    }

    void openEditor() {
        List<Customer> sel = selected();
        if (sel.isEmpty()) {
            JOptionPane.showMessageDialog(this, "Select a customer first.");
            return;
        }
        DemoSettings s = app.session().settings();
        EditorModel editor = new EditorModel(sel.get(0), app.templates().list(), app.session().filter(),
                s.signature(), s.operator());
        new EditorDialog(this, app, editor).setVisible(true);
    }

    private void sendToAll() {
        List<Customer> sel = selected();
        if (sel.isEmpty()) {
            JOptionPane.showMessageDialog(this, "Select one or more customers first (Ctrl+click, Shift+click).");
            return;
        }
        new BatchSendDialog(this, app, sel).setVisible(true);
    }

    private void openOutbox() {
        if (outboxFrame == null || !outboxFrame.isDisplayable()) {
            outboxFrame = new OutboxFrame(app, this::showStatus);
        }
        outboxFrame.setVisible(true);
        outboxFrame.toFront();
        outboxFrame.refresh();
    }

    private void openSettings() {
        SettingsDialog d = new SettingsDialog(this, app);
        d.setVisible(true);
        showStatus();
    }

    /** The customer table's model. */
    static final class CustomerModel extends AbstractTableModel {
        private List<Customer> rows = List.of();

        void set(List<Customer> customers) {
            rows = List.copyOf(customers);
            fireTableDataChanged();
        }

        Customer get(int row) {
            return rows.get(row);
        }

        @Override
        public int getRowCount() {
            return rows.size();
        }

        @Override
        public int getColumnCount() {
            return COLUMNS.length;
        }

        @Override
        public String getColumnName(int column) {
            return COLUMNS[column];
        }

        @Override
        public Object getValueAt(int row, int column) {
            Customer c = rows.get(row);
            return switch (column) {
                case 0 -> c.name();
                case 1 -> c.phone();
                case 2 -> c.plate();
                case 3 -> NumberFormat.getCurrencyInstance(c.locale()).format(c.balance()).replace('\u00a0', ' ');
                default -> c.birthday().toString();
            };
        }
    }
}
