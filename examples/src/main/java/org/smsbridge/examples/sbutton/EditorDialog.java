package org.smsbridge.examples.sbutton;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.Component;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.DefaultListCellRenderer;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSpinner;
import javax.swing.JTextArea;
import javax.swing.SpinnerDateModel;
import javax.swing.WindowConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.BadLocationException;
import javax.swing.text.DefaultHighlighter;
import javax.swing.text.Highlighter;
import org.smsbridge.filter.KeywordHit;
import org.smsbridge.scheduler.OutboxEntry;
import org.smsbridge.templates.SavedTemplate;

/**
 * The message editor the "S" key opens (seed 002, figure 4): the text generated from the chosen
 * template, editable, with the live segment counter, blocked words highlighted, and Send / Save as
 * draft / Schedule. The logic is in {@link EditorModel}; this class only wires widgets to it.
 */
final class EditorDialog extends JDialog {
    private static final Highlighter.HighlightPainter HIT =
            new DefaultHighlighter.DefaultHighlightPainter(new Color(255, 170, 170));

    private final DemoApp app;
    private final EditorModel model;
    private final JComboBox<SavedTemplate> template;
    private final JTextArea text = Ui.named("text", new JTextArea(6, 48));
    private final JLabel counter = Ui.named("counter", new JLabel(" "));
    private final JLabel problems = Ui.named("problems", new JLabel(" "));
    private final JLabel result = Ui.named("result", new JLabel(" "));
    private final JSpinner when;
    private final JButton send = Ui.named("send", new JButton("Send"));
    private final JButton draft = Ui.named("saveDraft", new JButton("Save as draft"));
    private final JButton schedule = Ui.named("schedule", new JButton("Schedule"));

    EditorDialog(JFrame owner, DemoApp app, EditorModel model) {
        super(owner, "SMS to " + model.customer().name(), false);
        setName("editor");
        this.app = app;
        this.model = model;
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);

        Customer c = model.customer();
        JLabel who = Ui.named("recipient", new JLabel(c.name() + "  ·  " + c.phone() + "  ·  " + c.plate()));
        who.setFont(who.getFont().deriveFont(who.getFont().getSize2D() + 2f));

        template = Ui.named("template", new JComboBox<>(model.templates().toArray(new SavedTemplate[0])));
        template.setRenderer(new DefaultListCellRenderer() {
            @Override
            public Component getListCellRendererComponent(JList<?> list, Object value, int index, boolean selected,
                    boolean focus) {
                SavedTemplate t = (SavedTemplate) value;
                return super.getListCellRendererComponent(list,
                        t == null ? "" : t.name() + " — " + t.description(), index, selected, focus);
            }
        });
        model.defaultTemplate().ifPresent(template::setSelectedItem);
        template.addActionListener(e -> fillFromTemplate());

        text.setLineWrap(true);
        text.setWrapStyleWord(true);
        text.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                textChanged();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                textChanged();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                textChanged();
            }
        });
        counter.setFont(counter.getFont().deriveFont(java.awt.Font.BOLD));
        problems.setForeground(new Color(170, 0, 0));

        ZoneId zone = ZoneId.systemDefault();
        LocalDateTime proposed = EditorModel.proposedScheduleTime(zone, Clock.systemDefaultZone());
        when = Ui.named("when", new JSpinner(new SpinnerDateModel(Date.from(proposed.atZone(zone).toInstant()), null,
                null, java.util.Calendar.MINUTE)));
        when.setEditor(new JSpinner.DateEditor(when, "yyyy-MM-dd HH:mm"));

        send.addActionListener(e -> send());
        draft.addActionListener(e -> saveDraft());
        schedule.addActionListener(e -> schedule());

        JPanel top = new JPanel();
        top.setLayout(new BoxLayout(top, BoxLayout.Y_AXIS));
        top.add(left(who));
        top.add(Box.createVerticalStrut(6));
        JPanel tRow = new JPanel(new BorderLayout(6, 0));
        tRow.add(new JLabel("Template:"), BorderLayout.WEST);
        tRow.add(template, BorderLayout.CENTER);
        top.add(tRow);

        JPanel info = new JPanel();
        info.setLayout(new BoxLayout(info, BoxLayout.Y_AXIS));
        info.add(left(counter));
        info.add(left(problems));
        info.add(left(result));

        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(when);
        buttons.add(schedule);
        buttons.add(draft);
        buttons.add(send);

        JPanel south = new JPanel(new BorderLayout());
        south.add(info, BorderLayout.CENTER);
        south.add(buttons, BorderLayout.SOUTH);

        JPanel content = new JPanel(new BorderLayout(0, 8));
        content.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        content.add(top, BorderLayout.NORTH);
        JScrollPane scroll = new JScrollPane(text);
        scroll.setPreferredSize(new Dimension(560, 140));
        content.add(scroll, BorderLayout.CENTER);
        content.add(south, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(send);
        fillFromTemplate();
        pack();
        setLocationRelativeTo(owner);
    }

    private static JPanel left(JComponent c) {
        JPanel p = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 2));
        p.add(c);
        return p;
    }

    private SavedTemplate chosen() {
        return (SavedTemplate) template.getSelectedItem();
    }

    private void fillFromTemplate() {
        SavedTemplate t = chosen();
        if (t != null) {
            text.setText(model.render(t));
            text.setCaretPosition(0);
        }
    }

    private void textChanged() {
        String s = text.getText();
        counter.setText(EditorModel.counterText(s));
        Highlighter h = text.getHighlighter();
        h.removeAllHighlights();
        List<KeywordHit> hits = model.keywordHits(s);
        for (KeywordHit hit : hits) {
            try {
                h.addHighlight(hit.start(), hit.end(), HIT);
            } catch (BadLocationException e) {
                throw new IllegalStateException("keyword hit outside the text: " + hit, e);
            }
        }
        List<String> p = model.problems(s);
        problems.setText(p.isEmpty() ? "✓ ready to send" : "⚠ " + String.join("; ", p));
        problems.setForeground(p.isEmpty() ? new Color(0, 120, 0) : new Color(170, 0, 0));
    }

    private void busy(boolean busy, String what) {
        send.setEnabled(!busy);
        draft.setEnabled(!busy);
        schedule.setEnabled(!busy);
        if (busy) {
            result.setText(what + "…");
        }
    }

    private void send() {
        SavedTemplate t = chosen();
        String s = text.getText();
        busy(true, "Sending");
        Ui.async(app.worker(), () -> model.send(app.session().outbox(), s, t), entry -> {
            busy(false, "");
            result.setText(BatchSend.resultText(entry));
        }, this::failed);
    }

    private void saveDraft() {
        SavedTemplate t = chosen();
        String s = text.getText();
        busy(true, "Saving");
        Ui.async(app.worker(), () -> model.saveDraft(app.session().outbox(), s, t), entry -> {
            busy(false, "");
            result.setText("Saved in Drafts (#" + entry.id() + ")");
        }, this::failed);
    }

    private void schedule() {
        SavedTemplate t = chosen();
        String s = text.getText();
        LocalDateTime at = LocalDateTime.ofInstant(((Date) when.getValue()).toInstant(), ZoneId.systemDefault());
        java.time.Instant instant;
        try {
            instant = EditorModel.scheduleAt(at, ZoneId.systemDefault(), Clock.systemDefaultZone());
        } catch (IllegalArgumentException e) {
            result.setText("⚠ " + e.getMessage());
            return;
        }
        busy(true, "Scheduling");
        Ui.async(app.worker(), () -> model.schedule(app.session().outbox(), s, t, instant), (OutboxEntry entry) -> {
            busy(false, "");
            result.setText("Scheduled for " + at.toString().replace('T', ' ') + " (#" + entry.id() + ")");
        }, this::failed);
    }

    private void failed(Throwable e) {
        busy(false, "");
        result.setText("✗ " + e.getMessage());
    }

    /** The editor's text area (for the frame check). */
    JTextArea textArea() {
        return text;
    }
}
