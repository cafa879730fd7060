package org.smsbridge.examples.sbutton;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingUtilities;
import javax.swing.WindowConstants;
import javax.swing.table.AbstractTableModel;
import org.smsbridge.scheduler.Outbox;
import org.smsbridge.scheduler.OutboxEntry;

/**
 * Right-click → Send to all: one message per selected customer from the chosen kind of template,
 * sent through the outbox, with a progress bar and each row's result.
 */
final class BatchSendDialog extends JDialog {
    private final DemoApp app;
    private final List<Customer> customers;
    private final JComboBox<String> kind;
    private final RowModel rows = new RowModel();
    private final JProgressBar progress = Ui.named("progress", new JProgressBar());
    private final JButton send = Ui.named("sendAll", new JButton("Send to all"));
    private final JLabel summary = Ui.named("summary", new JLabel(" "));
    private BatchSend batch;

    BatchSendDialog(JFrame owner, DemoApp app, List<Customer> customers) {
        super(owner, "Send to " + customers.size() + " customers", false);
        setName("batch");
        this.app = app;
        this.customers = List.copyOf(customers);
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        kind = Ui.named("kind", new JComboBox<>(DemoTemplates.kinds(app.templates().list()).toArray(new String[0])));
        kind.setSelectedItem(DemoTemplates.DEFAULT_KIND);
        kind.addActionListener(e -> prepare());
        send.addActionListener(e -> send());
        progress.setStringPainted(true);

        JPanel top = new JPanel(new FlowLayout(FlowLayout.LEFT));
        top.add(new JLabel("Template (in each customer's language):"));
        top.add(kind);
        JTable table = Ui.named("results", new JTable(rows));
        table.getColumnModel().getColumn(0).setPreferredWidth(180);
        table.getColumnModel().getColumn(2).setPreferredWidth(420);
        JPanel south = new JPanel(new BorderLayout(8, 0));
        south.add(progress, BorderLayout.CENTER);
        south.add(send, BorderLayout.EAST);
        south.add(summary, BorderLayout.SOUTH);
        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(8, 8, 8, 8));
        content.add(top, BorderLayout.NORTH);
        content.add(new JScrollPane(table), BorderLayout.CENTER);
        content.add(south, BorderLayout.SOUTH);
        setContentPane(content);
        setSize(820, 360);
        setLocationRelativeTo(owner);
        prepare();
    }

    private void prepare() {
        DemoSettings s = app.session().settings();
        batch = BatchSend.prepare(customers, app.templates().list(), (String) kind.getSelectedItem(), s.signature(),
                s.operator());
        rows.fireTableDataChanged();
        progress.setMaximum(batch.rows().size());
        progress.setValue(batch.finishedCount());
        summary.setText(batch.sendable().size() + " of " + batch.rows().size() + " ready");
    }

    private void send() {
        send.setEnabled(false);
        kind.setEnabled(false);
        BatchSend b = batch;
        Outbox outbox = app.session().outbox();
        Ui.async(app.worker(), () -> {
            // one enqueue per row: enqueueAll takes one EntryOptions for all, and each row has its own contact
            List<OutboxEntry> queued = b.sendable().stream()
                    .map(r -> outbox.enqueue(r.message().orElseThrow(), r.options())).toList();
            SwingUtilities.invokeLater(() -> {
                b.queued(queued);
                refreshRows();
            });
            // after each batch of the run: fetch the rows' entries and show their results
            outbox.sendNow(p -> {
                List<OutboxEntry> now = queued.stream().map(e -> outbox.get(e.id()).orElse(e)).toList();
                SwingUtilities.invokeLater(() -> {
                    now.forEach(b::update);
                    refreshRows();
                });
            }).join();
            return queued.stream().map(e -> outbox.get(e.id()).orElse(e)).toList();
        }, last -> {
            last.forEach(b::update);
            refreshRows();
            long sent = b.rows().stream().filter(r -> r.result().startsWith("Sent")).count();
            summary.setText(sent + " sent, " + (b.rows().size() - sent) + " not sent — see each row");
        }, e -> summary.setText("✗ " + e.getMessage()));
    }

    private void refreshRows() {
        rows.fireTableDataChanged();
        progress.setValue(batch.finishedCount());
    }

    private final class RowModel extends AbstractTableModel {
        private final String[] columns = {"Customer", "Mobile", "Result"};

        @Override
        public int getRowCount() {
            return batch == null ? 0 : batch.rows().size();
        }

        @Override
        public int getColumnCount() {
            return columns.length;
        }

        @Override
        public String getColumnName(int column) {
            return columns[column];
        }

        @Override
        public Object getValueAt(int row, int column) {
            BatchSend.Row r = batch.rows().get(row);
            return switch (column) {
                case 0 -> r.customer().name();
                case 1 -> r.customer().phone();
                default -> r.result();
            };
        }
    }
}
