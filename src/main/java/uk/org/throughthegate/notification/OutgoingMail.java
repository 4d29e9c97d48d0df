package uk.org.throughthegate.notification;

/**
 * One mail to one person. The key names what it is about ({@code new-task:<task>:<user>}): a mail
 * with a key already queued is not queued again. Subject and bodies carry a case reference, never
 * a child's name or other personal details.
 */
public record OutgoingMail(String key, String caseReference, String to, String subject, String text, String html) {
}
