package io.tierzero.communication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.embedded.EmbeddedMailServer;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.TicketApi;
import jakarta.activation.DataHandler;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Requests by e-mail: real mails over SMTP to the embedded mail server's service desk mailbox, read by the app over
 * IMAP; the requester's mail client is the test, reading her own mailbox.
 */
class EmailIntakeTest extends EmbeddedStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration HANDLING = Duration.ofSeconds(30);
    private static final String REQUESTER = "maria.costa@demo.example";
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
    void aNewMailOpensOneRequestWithItsAttachmentEvenWhenReadTwiceAndTheAcknowledgementThreadsWithIt()
            throws MessagingException {
        String subject = "Scanner jams on every page " + UUID.randomUUID();
        byte[] scan = new byte[300_000];
        new Random(42).nextBytes(scan);
        String messageId = newMessageId();
        MimeMessage mail = mail(REQUESTER, messageId, subject);
        MimeBodyPart text = new MimeBodyPart();
        text.setText("The scanner on floor 2 jams on every page. Photo attached.", "UTF-8");
        MimeBodyPart photo = new MimeBodyPart();
        photo.setDataHandler(new DataHandler(new ByteArrayDataSource(scan, "image/jpeg")));
        photo.setFileName("jam.jpg");
        photo.setDisposition(MimeBodyPart.ATTACHMENT);
        mail.setContent(new MimeMultipart(text, photo));
        Transport.send(mail);
        Transport.send(mail);

        await().atMost(HANDLING).until(() -> serviceDeskCopiesSeen(messageId), seen -> seen.equals(List.of(true, true)));
        assertThat(outcome(messageId)).isEqualTo("opened-request");
        assertThat(jdbc.sql("select count(*) from tickets where subject = ?").param(subject).query(Integer.class)
                .single()).as("one ticket for the mail read twice").isEqualTo(1);
        String ticketId = ticketOf(messageId);
        JsonNode ticket = api.ticket(ticketId).path("ticket");
        assertThat(ticket.path("channel").asText()).isEqualTo("email");
        assertThat(ticket.path("requesterId").asText()).as("the known requester of the address").isEqualTo("maria.costa");
        assertThat(ticket.path("requesterEmail").asText()).isEqualTo(REQUESTER);
        assertThat(ticket.path("body").asText()).isEqualTo("The scanner on floor 2 jams on every page. Photo attached.");

        JsonNode attachments = http.getForObject(attachmentsPath(ticketId), JsonNode.class);
        assertThat(attachments).hasSize(1);
        JsonNode attachment = attachments.get(0);
        assertThat(attachment.path("filename").asText()).isEqualTo("jam.jpg");
        assertThat(attachment.path("contentType").asText()).isEqualTo("image/jpeg");
        assertThat(attachment.path("sizeBytes").asLong()).isEqualTo(scan.length);
        ResponseEntity<byte[]> download = http.getForEntity(
                attachmentsPath(ticketId) + "/" + attachment.path("attachmentId").asText(), byte[].class);
        assertThat(download.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(download.getBody()).isEqualTo(scan);
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo("jam.jpg");
        assertThat(http.getForEntity(attachmentsPath(ticketId) + "/" + UUID.randomUUID(), String.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        String reference = ticket.path("referenceNumber").asText();
        ReceivedMail acknowledgement = awaitMail(REQUESTER, reference);
        assertThat(acknowledgement.inReplyTo()).isEqualTo("<" + messageId + ">");
        assertThat(acknowledgement.references()).isEqualTo("<" + messageId + ">");
    }

    @Test
    void aReplyInTheThreadOfATicketIsACommentOnItNeverANewTicket() throws MessagingException {
        String subject = "Monitor flickers " + UUID.randomUUID();
        String openingId = newMessageId();
        MimeMessage opening = mail(REQUESTER, openingId, subject);
        opening.setText("My monitor flickers since this morning.", "UTF-8");
        Transport.send(opening);
        await().atMost(HANDLING).until(() -> outcome(openingId) != null);
        String ticketId = ticketOf(openingId);
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        ReceivedMail acknowledgement = awaitMail(REQUESTER, reference);

        String toOwnMailId = newMessageId();
        MimeMessage toOwnMail = mail(REQUESTER, toOwnMailId, "Re: " + subject);
        toOwnMail.setHeader("In-Reply-To", "<" + openingId + ">");
        toOwnMail.setText("It also happens on the second screen.", "UTF-8");
        Transport.send(toOwnMail);
        String toAcknowledgementId = newMessageId();
        MimeMessage toAcknowledgement = mail("joao.pereira@demo.example", toAcknowledgementId,
                "Re: " + acknowledgement.subject());
        toAcknowledgement.setHeader("In-Reply-To", acknowledgement.messageId());
        toAcknowledgement.setHeader("References", "<" + openingId + "> " + acknowledgement.messageId());
        toAcknowledgement.setText("Mine flickers too, same desk row.", "UTF-8");
        Transport.send(toAcknowledgement);
        String bySubjectId = newMessageId();
        MimeMessage bySubject = mail(REQUESTER, bySubjectId, "[" + reference + "] one more thing");
        bySubject.setText("It stops when I unplug the dock.", "UTF-8");
        Transport.send(bySubject);
        await().atMost(HANDLING).until(() -> outcome(toOwnMailId) != null && outcome(toAcknowledgementId) != null
                && outcome(bySubjectId) != null);

        assertThat(List.of(outcome(toOwnMailId), outcome(toAcknowledgementId), outcome(bySubjectId)))
                .containsOnly("commented");
        assertThat(List.of(ticketOf(toOwnMailId), ticketOf(toAcknowledgementId), ticketOf(bySubjectId)))
                .containsOnly(ticketId);
        assertThat(jdbc.sql("select count(*) from tickets where subject like ?").param("%" + subject)
                .query(Integer.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from tickets where subject like ?").param("%one more thing")
                .query(Integer.class).single()).isZero();
        List<JsonNode> comments = events(api.ticket(ticketId), "ticket.comment-added");
        assertThat(comments).hasSize(3);
        assertThat(comments).map(comment -> comment.path("connection").asText()).containsOnly("email");
        assertThat(comments).map(comment -> comment.path("publicReply").asBoolean()).containsOnly(true);
        assertThat(comments).map(comment -> comment.path("author").asText() + ": " + comment.path("body").asText())
                .containsExactlyInAnyOrder(REQUESTER + ": It also happens on the second screen.",
                        "joao.pereira@demo.example: Mine flickers too, same desk row.",
                        REQUESTER + ": It stops when I unplug the dock.");
    }

    @Test
    void aReferenceInTheSubjectFromSomeoneElseThanTheRequesterOpensANewRequest() throws MessagingException {
        String openingId = newMessageId();
        MimeMessage opening = mail(REQUESTER, openingId, "Headset broken " + UUID.randomUUID());
        opening.setText("The headset's left ear is silent.", "UTF-8");
        Transport.send(opening);
        await().atMost(HANDLING).until(() -> outcome(openingId) != null);
        String reference = api.ticket(ticketOf(openingId)).path("ticket").path("referenceNumber").asText();

        String otherId = newMessageId();
        MimeMessage other = mail("joao.pereira@demo.example", otherId, "About [" + reference + "] and my own headset");
        other.setText("Mine is broken as well.", "UTF-8");
        Transport.send(other);
        await().atMost(HANDLING).until(() -> outcome(otherId) != null);

        assertThat(outcome(otherId)).isEqualTo("opened-request");
        assertThat(ticketOf(otherId)).isNotEqualTo(ticketOf(openingId));
    }

    @Test
    void anAutomaticReplyOrAMailFromTheServiceDeskItselfOpensNothing() throws MessagingException {
        String outOfOfficeId = newMessageId();
        MimeMessage outOfOffice = mail(REQUESTER, outOfOfficeId, "Out of office " + UUID.randomUUID());
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        outOfOffice.setText("I am out of the office until Monday.", "UTF-8");
        String bulkId = newMessageId();
        MimeMessage bulk = mail(REQUESTER, bulkId, "Newsletter " + UUID.randomUUID());
        bulk.setHeader("Precedence", "bulk");
        bulk.setText("This week's news.", "UTF-8");
        String loopId = newMessageId();
        MimeMessage loop = mail(SERVICE_DESK, loopId, "[DEMO-999999] We have received your request " + UUID.randomUUID());
        loop.setText("We have received your request.", "UTF-8");
        Transport.send(outOfOffice);
        Transport.send(bulk);
        Transport.send(loop);
        await().atMost(HANDLING).until(() -> outcome(outOfOfficeId) != null && outcome(bulkId) != null
                && outcome(loopId) != null);

        assertThat(List.of(outcome(outOfOfficeId), outcome(bulkId), outcome(loopId))).containsOnly("ignored");
        assertThat(jdbc.sql("select count(*) from inbound_emails where message_id in (?, ?, ?) and ticket_id is not null")
                .params(outOfOfficeId, bulkId, loopId).query(Integer.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from tickets where subject like 'Out of office %' or subject like "
                + "'Newsletter %' or subject like '%We have received your request %'").query(Integer.class).single())
                .isZero();
    }

    @Test
    void anAttachmentAboveTheLimitIsNamedInTheTicketsHistoryNotKept() throws MessagingException {
        String messageId = newMessageId();
        MimeMessage mail = mail(REQUESTER, messageId, "Log files " + UUID.randomUUID());
        MimeBodyPart text = new MimeBodyPart();
        text.setText("The application logs are attached.", "UTF-8");
        MimeBodyPart small = new MimeBodyPart();
        small.setDataHandler(new DataHandler(new ByteArrayDataSource("one line".getBytes(), "text/plain")));
        small.setFileName("small.log");
        MimeBodyPart large = new MimeBodyPart();
        large.setDataHandler(new DataHandler(new ByteArrayDataSource(new byte[1024 * 1024 + 1], "application/zip")));
        large.setFileName("large.zip");
        mail.setContent(new MimeMultipart(text, small, large));
        Transport.send(mail);
        await().atMost(HANDLING).until(() -> outcome(messageId) != null);

        String ticketId = ticketOf(messageId);
        JsonNode attachments = http.getForObject(attachmentsPath(ticketId), JsonNode.class);
        assertThat(attachments).map(attachment -> attachment.path("filename").asText()).containsExactly("small.log");
        JsonNode added = events(api.ticket(ticketId), "ticket.attachments-added").getFirst();
        assertThat(added.path("kept")).map(JsonNode::asText).containsExactly("small.log");
        assertThat(added.path("notKept")).map(JsonNode::asText).containsExactly("large.zip");
        assertThat(api.ticket(ticketId).path("ticket").path("body").asText())
                .isEqualTo("The application logs are attached.");
    }

    @Test
    void aMailFromAnAddressNoTenantKnowsOpensNothingWithoutADefaultTenant() throws MessagingException {
        String messageId = newMessageId();
        MimeMessage mail = mail("stranger@elsewhere.example", messageId, "Hello " + UUID.randomUUID());
        mail.setText("Can you fix my computer?", "UTF-8");
        Transport.send(mail);
        await().atMost(HANDLING).until(() -> outcome(messageId) != null);

        assertThat(outcome(messageId)).isEqualTo("no-tenant");
        assertThat(jdbc.sql("select count(*) from tickets where requester_email = 'stranger@elsewhere.example'")
                .query(Integer.class).single()).isZero();
    }

    @Test
    void anHtmlOnlyMailOpensARequestWithItsText() throws MessagingException {
        String messageId = newMessageId();
        MimeMessage mail = mail(REQUESTER, messageId, "Printer offline " + UUID.randomUUID());
        mail.setContent("<html><head><style>p {color: red}</style></head><body><p>The printer is <b>offline</b>"
                + "</p><p>since 9 &amp; nobody can print.</p></body></html>", "text/html; charset=UTF-8");
        Transport.send(mail);
        await().atMost(HANDLING).until(() -> outcome(messageId) != null);

        String body = api.ticket(ticketOf(messageId)).path("ticket").path("body").asText();
        assertThat(body).isEqualTo("The printer is offline\nsince 9 & nobody can print.");
    }

    private MimeMessage mail(String from, String messageId, String subject) throws MessagingException {
        MimeMessage mail = new MessageWithId(session(), messageId);
        mail.setFrom(new InternetAddress(from));
        mail.setRecipients(Message.RecipientType.TO, SERVICE_DESK);
        mail.setSubject(subject, "UTF-8");
        return mail;
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

    private static String attachmentsPath(String ticketId) {
        return "/api/tenants/demo/tickets/" + ticketId + "/attachments";
    }

    private String outcome(String messageId) {
        return jdbc.sql("select outcome from inbound_emails where message_id = ?").param(messageId)
                .query(String.class).optional().orElse(null);
    }

    private String ticketOf(String messageId) {
        return jdbc.sql("select ticket_id::text from inbound_emails where message_id = ?").param(messageId)
                .query(String.class).single();
    }

    private record ReceivedMail(String messageId, String subject, String inReplyTo, String references) {
    }

    /** The mail in the address's inbox whose subject holds the text, as the requester's mail client reads it. */
    private ReceivedMail awaitMail(String address, String subjectPart) {
        return await().atMost(HANDLING).pollInterval(Duration.ofMillis(250))
                .until(() -> inbox(address).stream().filter(mail -> mail.subject().contains(subjectPart)).findFirst()
                        .orElse(null), mail -> mail != null);
    }

    private List<ReceivedMail> inbox(String address) throws MessagingException {
        try (Store store = Session.getInstance(new Properties()).getStore("imap")) {
            try {
                store.connect("127.0.0.1", imapPort, address, EmbeddedMailServer.MAILBOX_PASSWORD);
            } catch (jakarta.mail.AuthenticationFailedException noMailboxYet) {
                return List.of();
            }
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            try {
                List<ReceivedMail> mails = new ArrayList<>();
                for (Message message : inbox.getMessages()) {
                    mails.add(new ReceivedMail(((MimeMessage) message).getMessageID(), message.getSubject(),
                            header(message, "In-Reply-To"), header(message, "References")));
                }
                return mails;
            } finally {
                inbox.close(false);
            }
        }
    }

    private static String header(Message message, String name) throws MessagingException {
        String[] values = message.getHeader(name);
        return values == null ? null : values[0];
    }

    /** Whether each copy of the message in the service desk's inbox is seen. */
    private List<Boolean> serviceDeskCopiesSeen(String messageId) throws MessagingException {
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

    private static List<JsonNode> events(JsonNode view, String action) {
        return StreamSupport.stream(view.path("history").spliterator(), false)
                .filter(event -> event.path("action").asText().equals(action))
                .map(event -> {
                    try {
                        return JSON.readTree(event.path("payload").asText());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
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
