/**
 * The "S" send button demo ({@link org.smsbridge.examples.sbutton.SButtonDemo}): a Swing customer
 * list with SMS Bridge embedded through its public API. Plain, testable classes hold the logic
 * ({@link org.smsbridge.examples.sbutton.EditorModel}, {@link org.smsbridge.examples.sbutton.BatchSend},
 * {@link org.smsbridge.examples.sbutton.DemoSettings}, {@link org.smsbridge.examples.sbutton.OutboxAction},
 * {@link org.smsbridge.examples.sbutton.QueryForm}); the Swing classes only wire widgets to them and
 * run slow work off the event thread. Widgets are used on the event thread only.
 */
package org.smsbridge.examples.sbutton;
