package io.tierzero.ticket;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ticket_attachments table: files kept with tickets, in the database, each once per part of its source. */
@Repository
public class TicketAttachments {

    private static final String METADATA =
            "attachment_id, ticket_id, filename, content_type, size_bytes, sha256, created_at";

    private final JdbcClient jdbc;

    public TicketAttachments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps the file unless this part of this source is kept already; returns whether it was added. */
    public boolean keep(Ticket ticket, String sourceMessageId, int partNumber, String filename, String contentType,
            byte[] content) {
        return jdbc.sql("""
                        insert into ticket_attachments (tenant_id, attachment_id, ticket_id, source_message_id,
                            part_number, filename, content_type, size_bytes, sha256, content)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (ticket_id, source_message_id, part_number) do nothing""")
                .params(ticket.tenantId(), UUID.randomUUID(), ticket.ticketId(), sourceMessageId, partNumber, filename,
                        contentType, content.length, sha256(content), content)
                .update() == 1;
    }

    public List<TicketAttachment> of(UUID ticketId) {
        return jdbc.sql("select " + METADATA + " from ticket_attachments where ticket_id = ? order by created_at, part_number")
                .param(ticketId).query(TicketAttachments::map).list();
    }

    public Optional<TicketAttachment> find(UUID ticketId, UUID attachmentId) {
        return jdbc.sql("select " + METADATA + " from ticket_attachments where ticket_id = ? and attachment_id = ?")
                .params(ticketId, attachmentId).query(TicketAttachments::map).optional();
    }

    public byte[] content(UUID attachmentId) {
        return jdbc.sql("select content from ticket_attachments where attachment_id = ?")
                .param(attachmentId).query(byte[].class).single();
    }

    private static TicketAttachment map(ResultSet rs, int row) throws SQLException {
        return new TicketAttachment(rs.getObject("attachment_id", UUID.class), rs.getObject("ticket_id", UUID.class),
                rs.getString("filename"), rs.getString("content_type"), rs.getLong("size_bytes"),
                rs.getString("sha256"), rs.getTimestamp("created_at").toInstant());
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }
}
