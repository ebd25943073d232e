package io.tierzero.knowledge;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.remediation.PlaybookRefusedException;
import io.tierzero.ticket.Ticket;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Where a requester works and what is installed there, from the tenant's reference data (requester and site rows)
 * and configuration items: what a guide needs to speak of the requester's own VPN product or printer.
 */
@Repository
public class RequesterSites {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public RequesterSites(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** @throws PlaybookRefusedException when the requester's site is not known */
    public Site of(Ticket ticket) {
        String siteCode = attributes(ticket.tenantId(), "requester", ticket.requesterId())
                .map(requester -> requester.path("site").asText(null))
                .or(() -> jdbc.sql("select site from configuration_items where tenant_id = ? and owner_id = ? and site is not null limit 1")
                        .params(ticket.tenantId(), ticket.requesterId()).query(String.class).optional())
                .orElseThrow(() -> new PlaybookRefusedException("The site of " + ticket.requesterId() + " is not known"));
        String name = jdbc.sql("select label from reference_data where tenant_id = ? and kind = 'site' and code = ?")
                .params(ticket.tenantId(), siteCode).query(String.class).optional().orElse(siteCode);
        JsonNode attributes = attributes(ticket.tenantId(), "site", siteCode).orElse(json.createObjectNode());
        Optional<String> printer = jdbc.sql("""
                        select model from configuration_items
                        where tenant_id = ? and site = ? and kind = 'printer' and model is not null order by ci_id limit 1""")
                .params(ticket.tenantId(), siteCode).query(String.class).optional()
                .or(() -> Optional.ofNullable(attributes.path("printers").path(0).asText(null)));
        return new Site(siteCode, name, attributes.path("vpn").asText(null), printer.orElse(null));
    }

    private Optional<JsonNode> attributes(String tenantId, String kind, String code) {
        return jdbc.sql("select attributes::text from reference_data where tenant_id = ? and kind = ? and code = ?")
                .params(tenantId, kind, code).query(String.class).optional().map(this::parse);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param vpnProduct the VPN client the site uses; null when not recorded. @param printerModel likewise */
    public record Site(String code, String name, String vpnProduct, String printerModel) {
    }
}
