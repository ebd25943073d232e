package io.tierzero.communication;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * E-mail intake: mails to the service desk's mailbox that are in no ticket's thread open requests.
 *
 * @param defaultTenant     the tenant a mail from an address no tenant knows opens a request for; none (blank): such
 *                          mails open nothing
 * @param maxAttachmentSize attachments above this are not kept (the ticket's history names them)
 */
@ConfigurationProperties("tierzero.communication.intake")
public record EmailIntakeProperties(
        @DefaultValue("") String defaultTenant,
        @DefaultValue("10MB") DataSize maxAttachmentSize) {
}
