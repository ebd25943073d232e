package io.tierzero.embedded;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The local mail server of the embedded default.
 *
 * @param enabled  whether to run it (off: spring.mail.* points at a mail server of your own)
 * @param smtpPort its SMTP port, on 127.0.0.1, where TierZero sends its e-mails (spring.mail.port)
 * @param imapPort its IMAP port, on 127.0.0.1, where requesters read them
 */
@ConfigurationProperties("tierzero.embedded.mail")
public record EmbeddedMailProperties(@DefaultValue("true") boolean enabled, @DefaultValue("3025") int smtpPort,
        @DefaultValue("3143") int imapPort) {
}
