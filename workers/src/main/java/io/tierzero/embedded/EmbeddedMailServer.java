package io.tierzero.embedded;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * GreenMail as the local mail server: SMTP and IMAP on 127.0.0.1, messages in memory (gone on restart). A mailbox
 * is created for each address on its first message, with the login of the address and the password
 * {@value #MAILBOX_PASSWORD}.
 */
public class EmbeddedMailServer {

    public static final String MAILBOX_PASSWORD = "demo";
    private static final String LOOPBACK = "127.0.0.1";

    private final GreenMail greenMail;

    public EmbeddedMailServer(int smtpPort, int imapPort) {
        greenMail = new GreenMail(new ServerSetup[]{
                new ServerSetup(smtpPort, LOOPBACK, ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(imapPort, LOOPBACK, ServerSetup.PROTOCOL_IMAP)});
    }

    /** Starts it; it can be started again after {@link #stop()}, with empty mailboxes. */
    public void start() {
        greenMail.start();
        UserManager users = greenMail.getUserManager();
        users.setMessageDeliveryHandler((message, address) -> {
            GreenMailUser user = users.getUserByEmail(address.getEmail());
            return user != null ? user : users.createUser(address.getEmail(), address.getEmail(), MAILBOX_PASSWORD);
        });
    }

    public void stop() {
        greenMail.stop();
    }
}
