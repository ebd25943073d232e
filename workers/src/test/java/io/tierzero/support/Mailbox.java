package io.tierzero.support;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** A requester's inbox on the embedded mail server, read over IMAP as any mail client would. */
public final class Mailbox {

    public record Mail(String messageId, String subject, String body) {
    }

    private Mailbox() {
    }

    /** The messages in the inbox of the address; none if it has never received one (no mailbox yet). */
    public static List<Mail> read(int imapPort, String address) {
        try {
            Store store = Session.getInstance(new Properties()).getStore("imap");
            try {
                store.connect("127.0.0.1", imapPort, address, "demo");
            } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
                return List.of();
            }
            try (store) {
                Folder inbox = store.getFolder("INBOX");
                inbox.open(Folder.READ_ONLY);
                List<Mail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new Mail(message.getHeader("Message-ID")[0], message.getSubject(),
                            message.getContent().toString()));
                }
                inbox.close(false);
                return mails;
            }
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Cannot read the mailbox of " + address, e);
        }
    }
}
