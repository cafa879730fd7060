package org.smsbridge.examples.sbutton;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import java.awt.GridLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.swing.BorderFactory;
import javax.swing.DefaultListModel;
import javax.swing.JButton;
import javax.swing.JCheckBox;
import javax.swing.JComboBox;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JMenuItem;
import javax.swing.JPanel;
import javax.swing.JPopupMenu;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JSplitPane;
import javax.swing.JTable;
import javax.swing.JTextField;
import javax.swing.ListSelectionModel;
import javax.swing.SpinnerNumberModel;
import javax.swing.WindowConstants;
import javax.swing.table.AbstractTableModel;
import org.smsbridge.ErrorKind;
import org.smsbridge.MessageStatus;
import org.smsbridge.scheduler.Folder;
import org.smsbridge.scheduler.OutboxBatch;
import org.smsbridge.scheduler.OutboxEntry;
import org.smsbridge.scheduler.OutboxQuery;

/**
 * The Outbox window (seed 000): the five folders plus "All" for the comprehensive query, the query
 * form, the actions each folder allows (right-click or the buttons), "Send now", and the auto-send
 * interval and auto-retry switches.
 */
final class OutboxFrame extends JFrame {
    private static final String ALL = "All (comprehensive query)";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final DemoApp app;
    private final Runnable settingsChanged;
    private final JList<String> folders;
    private final EntryModel entries = new EntryModel();
    private final JTable table = Ui.named("entries", new JTable(entries));
    private final QueryForm form = new QueryForm();
    private final JTextField operator = new JTextField(8);
    private final JTextField contact = new JTextField(8);
    private final JTextField phone = new JTextField(10);
    private final JTextField content = new JTextField(12);
    private final JTextField tag = new JTextField(8);
    private final JTextField campaign = new JTextField(8);
    private final JComboBox<OutboxQuery.Sort> sort = new JComboBox<>(OutboxQuery.Sort.values());
    private final JCheckBox descending = new JCheckBox("newest first", true);
    private final JComboBox<Object> status = new JComboBox<>();
    private final JComboBox<Object> errorKind = new JComboBox<>();
    private final JTextField createdFrom = new JTextField(8);
    private final JTextField createdTo = new JTextField(8);
    private final JTextField sentFrom = new JTextField(8);
    private final JTextField sentTo = new JTextField(8);
    private final JTextField scheduledFrom = new JTextField(8);
    private final JTextField scheduledTo = new JTextField(8);
    private final JPanel actionButtons = new JPanel(new FlowLayout(FlowLayout.LEFT));
    private final JLabel message = Ui.named("outboxMessage", new JLabel(" "));
    private final JCheckBox autoSend = Ui.named("autoSend", new JCheckBox("Send automatically every"));
    private final JSpinner interval = Ui.named("interval", new JSpinner(new SpinnerNumberModel(5,
            DemoSettings.MIN_INTERVAL.toMinutes(), DemoSettings.MAX_INTERVAL.toMinutes(), 1)));
    private final JCheckBox autoRetry = Ui.named("autoRetry", new JCheckBox("Retry failed messages automatically"));

    OutboxFrame(DemoApp app, Runnable settingsChanged) {
        super("SMS Outbox");
        setName("outbox");
        this.app = app;
        this.settingsChanged = settingsChanged;
        setDefaultCloseOperation(WindowConstants.HIDE_ON_CLOSE);

        DefaultListModel<String> folderNames = new DefaultListModel<>();
        for (Folder f : Folder.values()) {
            folderNames.addElement(label(f));
        }
        folderNames.addElement(ALL);
        folders = Ui.named("folders", new JList<>(folderNames));
        folders.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        folders.setSelectedIndex(0);
        folders.addListSelectionListener(e -> {
            if (!e.getValueIsAdjusting()) {
                refresh();
            }
        });

        status.addItem("any");
        for (MessageStatus s : MessageStatus.values()) {
            status.addItem(s);
        }
        errorKind.addItem("any");
        for (ErrorKind k : ErrorKind.values()) {
            errorKind.addItem(k);
        }

        JPanel query = new JPanel(new GridLayout(0, 6, 6, 3));
        query.setBorder(BorderFactory.createTitledBorder("Comprehensive query (empty = any; dates yyyy-MM-dd)"));
        pair(query, "Operator", operator);
        pair(query, "Contact", contact);
        pair(query, "Mobile contains", phone);
        pair(query, "Text contains", content);
        pair(query, "Status", status);
        pair(query, "Last error", errorKind);
        pair(query, "Created from", createdFrom);
        pair(query, "Created to", createdTo);
        pair(query, "Tag", tag);
        pair(query, "Sent from", sentFrom);
        pair(query, "Sent to", sentTo);
        pair(query, "Campaign", campaign);
        pair(query, "Scheduled from", scheduledFrom);
        pair(query, "Scheduled to", scheduledTo);
        JPanel sortPanel = new JPanel(new BorderLayout(4, 0));
        sortPanel.add(sort, BorderLayout.CENTER);
        sortPanel.add(descending, BorderLayout.EAST);
        pair(query, "Sort by", sortPanel);
        JButton search = Ui.named("search", new JButton("Search"));
        search.addActionListener(e -> refresh());
        JButton clear = new JButton("Clear");
        clear.addActionListener(e -> clearForm());
        JPanel queryButtons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        queryButtons.add(clear);
        queryButtons.add(search);
        JPanel north = new JPanel(new BorderLayout());
        north.add(query, BorderLayout.CENTER);
        north.add(queryButtons, BorderLayout.SOUTH);

        table.setSelectionMode(ListSelectionModel.MULTIPLE_INTERVAL_SELECTION);
        table.getSelectionModel().addListSelectionListener(e -> updateActions());
        int[] widths = {40, 60, 130, 380, 90, 125, 135, 70, 95, 220};
        for (int i = 0; i < widths.length; i++) {
            table.getColumnModel().getColumn(i).setPreferredWidth(widths[i]);
        }
        table.addMouseListener(new MouseAdapter() {
            @Override
            public void mousePressed(MouseEvent e) {
                popup(e);
            }

            @Override
            public void mouseReleased(MouseEvent e) {
                popup(e);
            }
        });

        DemoSettings s = app.session().settings();
        autoSend.setSelected(s.autoSend());
        interval.setValue((int) s.sendInterval().toMinutes());
        autoRetry.setSelected(s.autoRetry());
        JButton apply = Ui.named("applyOutbox", new JButton("Apply"));
        apply.addActionListener(e -> applySwitches());
        JButton sendNow = Ui.named("sendNow", new JButton("Send now"));
        sendNow.addActionListener(e -> sendNow());
        JPanel switches = new JPanel(new FlowLayout(FlowLayout.LEFT));
        switches.add(autoSend);
        switches.add(interval);
        switches.add(new JLabel("minutes"));
        switches.add(autoRetry);
        switches.add(apply);
        switches.add(sendNow);

        JPanel center = new JPanel(new BorderLayout());
        center.add(actionButtons, BorderLayout.NORTH);
        center.add(new JScrollPane(table), BorderLayout.CENTER);
        JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, new JScrollPane(folders), center);
        split.setDividerLocation(190);
        JPanel south = new JPanel(new BorderLayout());
        south.add(switches, BorderLayout.NORTH);
        message.setBorder(BorderFactory.createEmptyBorder(2, 8, 4, 8));
        south.add(message, BorderLayout.SOUTH);
        getContentPane().add(north, BorderLayout.NORTH);
        getContentPane().add(split, BorderLayout.CENTER);
        getContentPane().add(south, BorderLayout.SOUTH);
        setSize(1280, 620);
        setLocationByPlatform(true);
        updateActions();
    }

    private static String label(Folder f) {
        return switch (f) {
            case OUTBOX -> "Outbox";
            case SENT -> "Sent";
            case DRAFTS -> "Drafts";
            case DELETED -> "Deleted";
            case FAILED -> "Failed";
        };
    }

    private static void pair(JPanel panel, String label, java.awt.Component field) {
        panel.add(new JLabel(label, JLabel.RIGHT));
        panel.add(field);
    }

    private Optional<Folder> folder() {
        int i = folders.getSelectedIndex();
        return i >= 0 && i < Folder.values().length ? Optional.of(Folder.values()[i]) : Optional.empty();
    }

    private void readForm() {
        form.operator = operator.getText();
        form.contact = contact.getText();
        form.phone = phone.getText();
        form.content = content.getText();
        form.tag = tag.getText();
        form.campaign = campaign.getText();
        form.sort = (OutboxQuery.Sort) sort.getSelectedItem();
        form.descending = descending.isSelected();
        form.status = status.getSelectedItem() instanceof MessageStatus m ? m : null;
        form.errorKind = errorKind.getSelectedItem() instanceof ErrorKind k ? k : null;
        form.createdFrom = createdFrom.getText();
        form.createdTo = createdTo.getText();
        form.sentFrom = sentFrom.getText();
        form.sentTo = sentTo.getText();
        form.scheduledFrom = scheduledFrom.getText();
        form.scheduledTo = scheduledTo.getText();
    }

    private void clearForm() {
        sort.setSelectedItem(OutboxQuery.Sort.CREATED_AT);
        descending.setSelected(true);
        for (JTextField f : List.of(operator, contact, phone, content, tag, campaign, createdFrom, createdTo, sentFrom, sentTo,
                scheduledFrom, scheduledTo)) {
            f.setText("");
        }
        status.setSelectedIndex(0);
        errorKind.setSelectedIndex(0);
        form.clear();
        refresh();
    }

    /** Runs the query for the selected folder and the form. */
    void refresh() {
        readForm();
        Set<Folder> in = folder().map(f -> (Set<Folder>) EnumSet.of(f)).orElse(EnumSet.noneOf(Folder.class));
        QueryForm.Result r = form.build(in, ZoneId.systemDefault());
        if (r.query().isEmpty()) {
            message.setText("⚠ " + String.join("; ", r.errors()));
            return;
        }
        OutboxQuery q = r.query().get();
        Ui.async(app.worker(), () -> app.session().outbox().query(q), list -> {
            entries.set(list);
            message.setText(list.size() + " message(s)" + (app.session().outbox().isPaused()
                    ? " · sending is PAUSED: the account has no balance left" : ""));
            updateActions();
        }, e -> message.setText("✗ " + e.getMessage()));
    }

    private List<OutboxEntry> selectedEntries() {
        List<OutboxEntry> list = new ArrayList<>();
        for (int row : table.getSelectedRows()) {
            list.add(entries.get(table.convertRowIndexToModel(row)));
        }
        return list;
    }

    private List<OutboxAction> allowed() {
        Set<Folder> selectedFolders = new LinkedHashSet<>();
        selectedEntries().forEach(e -> selectedFolders.add(e.folder()));
        return OutboxAction.allowedForAll(selectedFolders);
    }

    private void updateActions() {
        actionButtons.removeAll();
        actionButtons.add(new JLabel(folder().map(f -> "Actions in " + label(f) + ": ").orElse("Actions: ")));
        List<OutboxAction> possible = folder().map(OutboxAction::allowedFor).orElse(List.of(OutboxAction.values()));
        List<OutboxAction> enabled = allowed();
        for (OutboxAction a : possible) {
            JButton b = Ui.named("action-" + a.name(), new JButton(a.label()));
            b.setEnabled(enabled.contains(a));
            b.addActionListener(e -> run(a));
            actionButtons.add(b);
        }
        if (folder().isEmpty() || folder().get() == Folder.DRAFTS) {
            List<OutboxEntry> sel = selectedEntries();
            JButton edit = Ui.named("editDraft", new JButton("Edit draft…"));
            edit.setEnabled(sel.size() == 1 && sel.get(0).folder() == Folder.DRAFTS);
            edit.addActionListener(e -> editDraft(sel.get(0)));
            actionButtons.add(edit);
        }
        actionButtons.revalidate();
        actionButtons.repaint();
    }

    private void editDraft(OutboxEntry draft) {
        javax.swing.JTextArea area = new javax.swing.JTextArea(draft.message().text().orElse(""), 6, 40);
        area.setLineWrap(true);
        area.setWrapStyleWord(true);
        JLabel counter = new JLabel(EditorModel.counterText(area.getText()));
        area.getDocument().addDocumentListener(new javax.swing.event.DocumentListener() {
            @Override
            public void insertUpdate(javax.swing.event.DocumentEvent e) {
                counter.setText(EditorModel.counterText(area.getText()));
            }

            @Override
            public void removeUpdate(javax.swing.event.DocumentEvent e) {
                counter.setText(EditorModel.counterText(area.getText()));
            }

            @Override
            public void changedUpdate(javax.swing.event.DocumentEvent e) {
                counter.setText(EditorModel.counterText(area.getText()));
            }
        });
        JPanel panel = new JPanel(new BorderLayout(0, 6));
        panel.add(new JLabel("To " + draft.phone()), BorderLayout.NORTH);
        panel.add(new JScrollPane(area), BorderLayout.CENTER);
        panel.add(counter, BorderLayout.SOUTH);
        int answer = javax.swing.JOptionPane.showConfirmDialog(this, panel, "Edit draft #" + draft.id(),
                javax.swing.JOptionPane.OK_CANCEL_OPTION, javax.swing.JOptionPane.PLAIN_MESSAGE);
        if (answer != javax.swing.JOptionPane.OK_OPTION) {
            return;
        }
        String text = area.getText();
        Ui.async(app.worker(), () -> OutboxAction.editDraft(app.session().outbox(), draft, text), saved -> {
            message.setText("Draft #" + saved.id() + " saved");
            refresh();
        }, e -> message.setText("✗ " + e.getMessage()));
    }

    private void popup(MouseEvent e) {
        if (!e.isPopupTrigger()) {
            return;
        }
        int row = table.rowAtPoint(e.getPoint());
        if (row >= 0 && !table.isRowSelected(row)) {
            table.setRowSelectionInterval(row, row);
        }
        JPopupMenu menu = new JPopupMenu();
        for (OutboxAction a : allowed()) {
            JMenuItem item = new JMenuItem(a.label());
            item.addActionListener(ev -> run(a));
            menu.add(item);
        }
        if (menu.getComponentCount() > 0) {
            menu.show(table, e.getX(), e.getY());
        }
    }

    private void run(OutboxAction action) {
        List<Long> ids = selectedEntries().stream().map(OutboxEntry::id).toList();
        if (ids.isEmpty()) {
            return;
        }
        Ui.async(app.worker(), () -> action.apply(app.session().outbox(), ids), (OutboxBatch b) -> {
            message.setText(action.label() + ": " + b.changed().size() + " done"
                    + (b.skipped().isEmpty() ? "" : ", skipped " + b.skipped()));
            refresh();
        }, e -> message.setText("✗ " + e.getMessage()));
    }

    private void sendNow() {
        message.setText("Sending…");
        Ui.async(app.worker(), () -> app.session().outbox().sendNow().join(), p -> {
            refresh();
            message.setText("Sent " + p.sent() + ", failed " + p.failed() + ", will retry " + p.retried()
                    + (p.paused() ? " · PAUSED: no balance left" : ""));
        }, e -> message.setText("✗ " + e.getMessage()));
    }

    private void applySwitches() {
        int minutes = ((Number) interval.getValue()).intValue();
        Optional<String> problem = DemoSettings.intervalProblem(minutes);
        if (problem.isPresent()) {
            message.setText("⚠ " + problem.get());
            return;
        }
        DemoSettings next = app.session().settings().withOutbox(autoSend.isSelected(), Duration.ofMinutes(minutes),
                autoRetry.isSelected());
        Ui.async(app.worker(), () -> {
            app.applySettings(next);
            return next;
        }, s -> {
            message.setText("Outbox: " + (s.autoSend() ? "sends every " + minutes + " min" : "sends only on Send now")
                    + (s.autoRetry() ? ", retries failed messages" : ""));
            settingsChanged.run();
        }, e -> message.setText("✗ " + e.getMessage()));
    }

    private static final class EntryModel extends AbstractTableModel {
        private final String[] columns = {"#", "Folder", "Mobile", "Text", "Status", "Created", "Sent / scheduled",
                "Operator", "Contact", "Last error"};
        private List<OutboxEntry> rows = List.of();

        void set(List<OutboxEntry> list) {
            rows = List.copyOf(list);
            fireTableDataChanged();
        }

        OutboxEntry get(int row) {
            return rows.get(row);
        }

        @Override
        public int getRowCount() {
            return rows.size();
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
            OutboxEntry e = rows.get(row);
            return switch (column) {
                case 0 -> e.id();
                case 1 -> label(e.folder());
                case 2 -> e.phone();
                case 3 -> e.message().text().orElse("(template " + e.message().templateId().orElse("") + ")");
                case 4 -> e.status();
                case 5 -> time(e.createdAt());
                case 6 -> e.sentAt().map(OutboxFrame::time).orElse(e.scheduledAt().map(t -> "⏰ " + time(t)).orElse(""));
                case 7 -> e.operator().orElse("");
                case 8 -> e.contact().orElse("");
                default -> e.lastErrorKind().map(k -> k + e.lastError().map(t -> ": " + t).orElse(""))
                        .orElse(e.lastError().orElse("")); // an expired entry has a reason but no error kind
            };
        }
    }

    private static String time(Instant t) {
        return TIME.format(t);
    }
}
