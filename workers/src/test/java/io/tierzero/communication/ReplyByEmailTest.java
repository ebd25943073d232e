package io.tierzero.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.embedded.EmbeddedMailServer;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.Mailbox;
import io.tierzero.support.Mailbox.Mail;
import io.tierzero.support.Requests;
import io.tierzero.support.TicketApi;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The requester answers "did this resolve your issue?" by replying to the e-mail: real replies over SMTP to the
 * embedded mail server, read by the app from the service desk's mailbox over IMAP.
 */
class ReplyByEmailTest extends EmbeddedStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HANDLING = Duration.ofSeconds(30);
    private static final String REQUESTER = "ana.silva@demo.example";
    private static final String SERVICE_DESK = "service-desk@tierzero.local";

    @Value("${tierzero.embedded.mail.smtp-port}")
    private int smtpPort;

    @Value("${tierzero.embedded.mail.imap-port}")
    private int imapPort;

    private TicketApi api;

    @BeforeEach
    void api() {
        api = new TicketApi(http, "demo");
    }

    @Test
    void aYesReplyClosesTheTicketAndTheSameReplyDeliveredTwiceCountsOnce() throws MessagingException {
        String ticketId = resolvedByAnAgent("Reply yes");
        Mail question = awaitConfirmationMail(ticketId);

        String replyId = newMessageId();
        // the address as the requester's mail client writes it: another case than the one the question went to
        MimeMessage reply = reply("Ana.Silva@Demo.Example", question, replyId,
                "Yes, thanks!\n\nOn Tue, the service desk wrote:\n> Did this resolve your issue?\n> No, it is not resolved");
        Transport.send(reply);
        Transport.send(reply);

        JsonNode closed = api.awaitState(ticketId, "closed");
        assertThat(TicketApi.actions(closed)).containsSubsequence("communication.queued", "requester.replied-by-email",
                "requester.answered", "ticket.closed");
        JsonNode replied = payload(closed, "requester.replied-by-email");
        assertThat(replied.path("outcome").asText()).isEqualTo("answered-yes");
        assertThat(replied.path("replyMessageId").asText()).isEqualTo(replyId);
        assertThat(outcome(replyId)).isEqualTo("answered-yes");

        await().atMost(HANDLING).until(() -> serviceDeskMessages(replyId), copies -> copies.size() == 2
                && copies.stream().allMatch(seen -> seen));
        JsonNode after = api.ticket(ticketId);
        assertThat(TicketApi.actions(after).stream().filter("requester.replied-by-email"::equals)).hasSize(1);
        assertThat(TicketApi.actions(after).stream().filter("requester.answered"::equals)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from mail_replies where reply_message_id = ?").param(replyId)
                .query(Integer.class).single()).isEqualTo(1);

        String lateReplyId = newMessageId();
        Transport.send(reply(REQUESTER, question, lateReplyId, "No, it is broken again"));
        await().atMost(HANDLING).until(() -> outcome(lateReplyId) != null);
        assertThat(outcome(lateReplyId)).as("the ticket no longer waits for an answer").isEqualTo("not-a-reply");
        assertThat(api.ticket(ticketId).path("ticket").path("state").asText()).isEqualTo("closed");
    }

    @Test
    void aNoReplyReopensTheTicketToTheSupportTeam() throws MessagingException {
        String ticketId = resolvedByAnAgent("Reply no");
        Mail question = awaitConfirmationMail(ticketId);

        String replyId = newMessageId();
        Transport.send(reply(REQUESTER, question, replyId, "Still broken, sorry.\n\n> Did this resolve your issue?"));

        JsonNode reopened = api.awaitTicket(ticketId, view -> view.path("ticket").path("reopenCount").asInt() == 1);
        assertThat(TicketApi.actions(reopened)).containsSubsequence("requester.replied-by-email", "requester.answered");
        assertThat(payload(reopened, "requester.replied-by-email").path("outcome").asText()).isEqualTo("answered-no");
        assertThat(api.awaitOpenTask(ticketId)).isNotNull();
        assertThat(outcome(replyId)).isEqualTo("answered-no");
    }

    @Test
    void aReplyFromAnotherAddressAnOutOfOfficeOrOneThatSaysNeitherChangesNothing() throws MessagingException {
        String ticketId = resolvedByAnAgent("Reply from elsewhere");
        Mail question = awaitConfirmationMail(ticketId);

        String otherSenderId = newMessageId();
        Transport.send(reply("joao.pereira@demo.example", question, otherSenderId, "Yes, close it"));
        String unclearId = newMessageId();
        Transport.send(reply(REQUESTER, question, unclearId, "I will check tomorrow\n\n> Did this resolve your issue?"));
        String outOfOfficeId = newMessageId();
        MimeMessage outOfOffice = reply(REQUESTER, question, outOfOfficeId, "Yes, I am out of the office until Monday.");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        Transport.send(outOfOffice);
        await().atMost(HANDLING).until(() -> outcome(otherSenderId) != null && outcome(unclearId) != null
                && outcome(outOfOfficeId) != null);

        assertThat(outcome(otherSenderId)).isEqualTo("wrong-sender");
        assertThat(outcome(unclearId)).isEqualTo("unclear");
        assertThat(outcome(outOfOfficeId)).isEqualTo("not-a-reply");
        assertThat(jdbc.sql("select reason from mail_replies where reply_message_id = ?").param(otherSenderId)
                .query(String.class).single()).contains("joao.pereira@demo.example");
        JsonNode view = api.ticket(ticketId);
        assertThat(view.path("ticket").path("state").asText()).isEqualTo("resolved");
        assertThat(TicketApi.actions(view)).doesNotContain("requester.answered");
        assertThat(TicketApi.actions(view).stream().filter("requester.replied-by-email"::equals)).hasSize(3);

        Transport.send(reply(REQUESTER, question, newMessageId(), "It works now"));
        api.awaitState(ticketId, "closed");
    }

    @Test
    void anEmailThatRepliesToNoQuestionIsLeftInTheMailboxMarkedSeen() throws MessagingException {
        String messageId = newMessageId();
        MimeMessage mail = new MessageWithId(session(), messageId);
        mail.setFrom(new InternetAddress(REQUESTER));
        mail.setRecipients(Message.RecipientType.TO, SERVICE_DESK);
        mail.setSubject("My printer is on fire");
        mail.setText("yes, really");
        Transport.send(mail);

        await().atMost(HANDLING).until(() -> serviceDeskMessages(messageId), copies -> copies.equals(List.of(true)));
        assertThat(outcome(messageId)).isEqualTo("not-a-reply");
    }

    private String resolvedByAnAgent(String subject) {
        String ticketId = api.submit(Requests.passwordReset(subject));
        JsonNode task = api.awaitOpenTask(ticketId);
        api.claim(task, "agent.rita");
        api.complete(task, "agent.rita", "{\"resolution\": \"resolved\", \"resolutionNotes\": \"Reset the password\"}");
        api.awaitState(ticketId, "resolved");
        return ticketId;
    }

    private Mail awaitConfirmationMail(String ticketId) {
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        return await().atMost(HANDLING).pollInterval(Duration.ofMillis(250))
                .until(() -> Mailbox.read(imapPort, REQUESTER).stream()
                        .filter(mail -> mail.subject().contains(reference) && mail.subject().contains("Did this resolve"))
                        .findFirst().orElse(null), mail -> mail != null);
    }

    /** A reply as a mail client writes it: In-Reply-To and References name the question. */
    private MimeMessage reply(String from, Mail question, String messageId, String text) throws MessagingException {
        MimeMessage reply = new MessageWithId(session(), messageId);
        reply.setFrom(new InternetAddress(from));
        reply.setRecipients(Message.RecipientType.TO, SERVICE_DESK);
        reply.setSubject("Re: " + question.subject(), "UTF-8");
        reply.setHeader("In-Reply-To", question.messageId());
        reply.setHeader("References", question.messageId());
        reply.setText(text, "UTF-8");
        return reply;
    }

    private Session session() {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", Integer.toString(smtpPort));
        return Session.getInstance(properties);
    }

    private static String newMessageId() {
        return UUID.randomUUID() + "@demo.example";
    }

    private String outcome(String replyMessageId) {
        return jdbc.sql("select outcome from mail_replies where reply_message_id = ?").param(replyMessageId)
                .query(String.class).optional().orElse(null);
    }

    /** Whether each copy of the message in the service desk's inbox is seen. */
    private List<Boolean> serviceDeskMessages(String messageId) throws MessagingException {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            store.connect("127.0.0.1", imapPort, SERVICE_DESK, EmbeddedMailServer.MAILBOX_PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<Boolean> seen = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    if (("<" + messageId + ">").equals(((MimeMessage) message).getMessageID())) {
                        seen.add(message.isSet(Flags.Flag.SEEN));
                    }
                }
                return seen;
            } finally {
                inbox.close(false);
            }
        }
    }

    private static JsonNode payload(JsonNode view, String action) {
        JsonNode event = StreamSupport.stream(view.path("history").spliterator(), false)
                .filter(e -> e.path("action").asText().equals(action)).findFirst().orElseThrow();
        try {
            return JSON.readTree(event.path("payload").asText());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keeps the given Message-ID when sent (Transport.send would make a new one). */
    private static final class MessageWithId extends MimeMessage {

        private final String messageId;

        MessageWithId(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", "<" + messageId + ">");
        }
    }
}
