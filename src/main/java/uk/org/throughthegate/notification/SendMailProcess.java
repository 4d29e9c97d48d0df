package uk.org.throughthegate.notification;

/** Names shared by {@code send-mail.bpmn} and the code that queues, sends and keeps its history. */
public final class SendMailProcess {

    public static final String KEY = "send-mail";

    public static final String MAIL_KEY = "mailKey";
    public static final String CASE_REFERENCE = "caseReference";
    public static final String TO = "to";
    public static final String SUBJECT = "subject";
    public static final String TEXT_BODY = "textBody";
    public static final String HTML_BODY = "htmlBody";
    /** When the mail was queued, as an ordering number: mails to one person go in this order. */
    public static final String QUEUED_AT = "queuedAt";
    /** Whether the last try sent the mail (false: an earlier mail to the same person is still waiting). */
    public static final String SENT = "mailSent";

    private SendMailProcess() {
    }
}
