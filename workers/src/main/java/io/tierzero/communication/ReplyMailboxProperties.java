package io.tierzero.communication;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The service desk's IMAP mailbox, where requesters' replies arrive (the embedded default: the local mail server's
 * mailbox of tierzero.communication.mail-from).
 *
 * @param host     the IMAP server
 * @param port     its port (143 plain or STARTTLS, 993 TLS)
 * @param username the login
 * @param password its password
 * @param ssl      whether the connection is TLS from the start (IMAPS)
 * @param starttls whether a plain connection is upgraded to TLS (required when on)
 * @param folder   the folder replies arrive in
 * @param timeout  the longest wait for the server to connect or answer
 */
@ConfigurationProperties("tierzero.communication.replies")
public record ReplyMailboxProperties(
        @DefaultValue("127.0.0.1") String host,
        @DefaultValue("3143") int port,
        @DefaultValue("service-desk@tierzero.local") String username,
        @DefaultValue("demo") String password,
        @DefaultValue("false") boolean ssl,
        @DefaultValue("false") boolean starttls,
        @DefaultValue("INBOX") String folder,
        @DefaultValue("PT10S") Duration timeout) {
}
