package io.tierzero.communication;

import io.tierzero.tenant.TenantRepository;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** E-mail over SMTP (spring.mail.*; in the embedded default the local mail server). */
@Component
class EmailChannel implements DeliveryChannel {

    private static final Session NO_SESSION = Session.getInstance(new Properties());

    private final ObjectProvider<JavaMailSender> mailSender;
    private final TenantRepository tenants;
    private final CommunicationProperties properties;
    private final InboundEmails inboundEmails;

    EmailChannel(ObjectProvider<JavaMailSender> mailSender, TenantRepository tenants, CommunicationProperties properties,
            InboundEmails inboundEmails) {
        this.mailSender = mailSender;
        this.tenants = tenants;
        this.properties = properties;
        this.inboundEmails = inboundEmails;
    }

    @Override
    public ChannelKind kind() {
        return ChannelKind.EMAIL;
    }

    @Override
    public void deliver(OutboundMessage message) throws DeliveryFailure {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            throw DeliveryFailure.retryable("No mail server is configured (spring.mail.host)", null);
        }
        try {
            sender.send(mimeMessage(message));
        } catch (MailParseException | MailPreparationException e) {
            throw DeliveryFailure.refused(e.getMessage(), e);
        } catch (MailException e) {
            int replyCode = smtpReplyCode(e);
            String reason = replyCode > 0 ? "SMTP " + replyCode + ": " + e.getMessage() : e.getMessage();
            throw replyCode >= 500 ? DeliveryFailure.refused(reason, e) : DeliveryFailure.retryable(reason, e);
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw DeliveryFailure.refused("Cannot write the e-mail: " + e.getMessage(), e);
        }
    }

    private MimeMessage mimeMessage(OutboundMessage message) throws MessagingException, UnsupportedEncodingException {
        String domain = properties.mailFrom().substring(properties.mailFrom().indexOf('@') + 1);
        MimeMessage mime = new MessageWithStableId(NO_SESSION, "<" + message.messageId() + "@" + domain + ">");
        mime.setFrom(new InternetAddress(properties.mailFrom(),
                tenants.get(message.tenantId()).name() + " service desk", StandardCharsets.UTF_8.name()));
        mime.setRecipients(Message.RecipientType.TO, InternetAddress.parse(message.recipient().address(), true));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        mime.setText(message.body(), StandardCharsets.UTF_8.name());
        // RFC 3834: out-of-office replies are not sent back to automated messages
        mime.setHeader("Auto-Submitted", "auto-generated");
        // a ticket opened by an e-mail: the requester's mail client shows every message in the thread of that mail
        Optional<String> openingMessageId = inboundEmails.openingMessageId(message.ticketId());
        if (openingMessageId.isPresent()) {
            mime.setHeader("In-Reply-To", "<" + openingMessageId.get() + ">");
            mime.setHeader("References", "<" + openingMessageId.get() + ">");
        }
        return mime;
    }

    /** The SMTP server's reply code, if it answered; none (0) when it could not be reached. */
    private static int smtpReplyCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SMTPAddressFailedException address) {
                return address.getReturnCode();
            }
            if (cause instanceof SMTPSendFailedException send) {
                return send.getReturnCode();
            }
            if (cause instanceof SMTPSenderFailedException sender) {
                return sender.getReturnCode();
            }
            if (cause instanceof MailSendException send && !send.getFailedMessages().isEmpty()) {
                return send.getFailedMessages().values().stream().mapToInt(EmailChannel::smtpReplyCode).max().orElse(0);
            }
        }
        return 0;
    }

    /**
     * Keeps the Message-ID of the outbox row: sent again after a crash, the message is the same message, and mail
     * clients show it once.
     */
    private static final class MessageWithStableId extends MimeMessage {

        private final String messageId;

        MessageWithStableId(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
