package org.smsbridge.examples.sbutton;

import java.awt.BorderLayout;
import java.awt.Color;
import java.awt.FlowLayout;
import java.awt.GridBagConstraints;
import java.awt.GridBagLayout;
import java.awt.Insets;
import java.util.List;
import java.util.Map;
import javax.swing.BorderFactory;
import javax.swing.JButton;
import javax.swing.JComboBox;
import javax.swing.JComponent;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JPasswordField;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.JTextField;
import javax.swing.WindowConstants;
import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;

/**
 * The SMS settings (seed 001 and 002): provider, sender caption (checked as typed), user name,
 * password (masked), further provider settings, company signature and operator, and "Test account"
 * (credentials and balance).
 */
final class SettingsDialog extends JDialog {
    private final DemoApp app;
    private final JComboBox<String> provider = Ui.named("provider",
            new JComboBox<>(SmsSession.providerChoices().toArray(new String[0])));
    private final JTextField sender = Ui.named("sender", new JTextField(14));
    private final JLabel senderCheck = Ui.named("senderCheck", new JLabel(" "));
    private final JTextField username = Ui.named("username", new JTextField(20));
    private final JPasswordField password = Ui.named("password", new JPasswordField(20));
    private final JTextArea extra = Ui.named("extra", new JTextArea(3, 28));
    private final JTextField signature = Ui.named("signature", new JTextField(20));
    private final JTextField operator = Ui.named("operator", new JTextField(12));
    private final JLabel testResult = Ui.named("testResult", new JLabel(" "));
    private final JButton ok = Ui.named("ok", new JButton("OK"));

    SettingsDialog(JFrame owner, DemoApp app) {
        super(owner, "SMS settings", true);
        setName("settings");
        this.app = app;
        setDefaultCloseOperation(WindowConstants.DISPOSE_ON_CLOSE);
        DemoSettings s = app.session().settings();
        provider.setSelectedItem(s.provider());
        sender.setText(s.sender());
        username.setText(s.username());
        password.setText(s.password());
        extra.setText(DemoSettings.formatExtra(s.extra()));
        signature.setText(s.signature());
        operator.setText(s.operator());
        sender.getDocument().addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                checkSender();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                checkSender();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                checkSender();
            }
        });
        JButton test = Ui.named("testAccount", new JButton("Test account"));
        test.addActionListener(e -> test(test));
        JButton cancel = new JButton("Cancel");
        cancel.addActionListener(e -> dispose());
        ok.addActionListener(e -> save());

        JPanel form = new JPanel(new GridBagLayout());
        int row = 0;
        row = add(form, row, "Provider", provider);
        row = add(form, row, "Sender caption", sender);
        row = add(form, row, "", senderCheck);
        row = add(form, row, "User name", username);
        row = add(form, row, "Password", password);
        row = add(form, row, "Further settings (key=value)", new JScrollPane(extra));
        row = add(form, row, "Company signature", signature);
        row = add(form, row, "Operator", operator);
        JPanel testRow = new JPanel(new FlowLayout(FlowLayout.LEFT, 0, 0));
        testRow.add(test);
        add(form, row, "", testRow);
        testResult.setBorder(BorderFactory.createEmptyBorder(6, 0, 6, 0));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        buttons.add(ok);
        JPanel south = new JPanel(new BorderLayout());
        south.add(testResult, BorderLayout.NORTH);
        south.add(buttons, BorderLayout.SOUTH);
        JPanel content = new JPanel(new BorderLayout());
        content.setBorder(BorderFactory.createEmptyBorder(10, 10, 10, 10));
        content.add(form, BorderLayout.CENTER);
        content.add(south, BorderLayout.SOUTH);
        setContentPane(content);
        getRootPane().setDefaultButton(ok);
        checkSender();
        pack();
        setLocationRelativeTo(owner);
    }

    private static int add(JPanel form, int row, String label, JComponent field) {
        GridBagConstraints l = new GridBagConstraints();
        l.gridx = 0;
        l.gridy = row;
        l.anchor = GridBagConstraints.NORTHWEST;
        l.insets = new Insets(3, 0, 3, 8);
        form.add(new JLabel(label), l);
        GridBagConstraints f = new GridBagConstraints();
        f.gridx = 1;
        f.gridy = row;
        f.fill = GridBagConstraints.HORIZONTAL;
        f.weightx = 1;
        f.insets = new Insets(3, 0, 3, 0);
        form.add(field, f);
        return row + 1;
    }

    private void checkSender() {
        var problem = DemoSettings.senderProblem(sender.getText());
        senderCheck.setText(problem.map(p -> "⚠ " + p).orElse(sender.getText().isEmpty()
                ? "empty: the provider's default sender" : "✓ valid sender caption"));
        senderCheck.setForeground(problem.isPresent() ? new Color(170, 0, 0) : new Color(0, 120, 0));
        ok.setEnabled(problem.isEmpty());
    }

    /** The settings as typed; throws IllegalArgumentException for unreadable further settings. */
    private DemoSettings typed() {
        Map<String, String> more = DemoSettings.parseExtra(extra.getText());
        return app.session().settings()
                .withAccount((String) provider.getSelectedItem(), sender.getText().strip(), username.getText().strip(),
                        DemoSettings.consume(password.getPassword()), more)
                .withSignature(signature.getText().strip(), operator.getText().strip());
    }

    private void test(JButton button) {
        DemoSettings s;
        try {
            s = typed();
        } catch (IllegalArgumentException e) {
            testResult.setText("✗ " + e.getMessage());
            return;
        }
        button.setEnabled(false);
        testResult.setText("Asking " + s.provider() + "…");
        Ui.async(app.worker(), () -> SmsSession.testAccount(s, app.session().filter()), line -> {
            button.setEnabled(true);
            testResult.setText(line);
        }, e -> {
            button.setEnabled(true);
            testResult.setText("✗ " + e.getMessage());
        });
    }

    private void save() {
        DemoSettings s;
        try {
            s = typed();
        } catch (IllegalArgumentException e) {
            testResult.setText("✗ " + e.getMessage());
            return;
        }
        List<String> problems = s.problems();
        if (!problems.isEmpty()) {
            testResult.setText("✗ " + String.join("; ", problems));
            return;
        }
        ok.setEnabled(false);
        Ui.async(app.worker(), () -> {
            app.applySettings(s);
            return s;
        }, applied -> dispose(), e -> {
            ok.setEnabled(true);
            testResult.setText("✗ " + e.getMessage());
        });
    }
}
