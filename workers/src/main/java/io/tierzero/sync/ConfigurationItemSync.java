package io.tierzero.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.integration.ConfigurationItemConnector;
import io.tierzero.integration.ConfigurationItemRecord;
import io.tierzero.integration.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Keeps a tenant's configuration items in step with a connected CMDB, as part of reconciliation. An item only
 * one side has is created on the other (an item there without a valid kind is reported, not imported); an
 * attribute that differs takes the value of the side that changed it, and when both did, of the side the item
 * came from. The drift found is returned for the report; it is not recorded here.
 */
@Service
public class ConfigurationItemSync {

    /** TierZero's CI attributes compared with the CMDB's, by the names the connectors use. */
    static final Map<String, String> COLUMNS = Map.of("description", "name", "kind", "kind", "model", "model", "os", "os",
            "site", "site");
    private static final Set<String> KINDS = Set.of("laptop", "desktop", "mobile", "printer", "server", "application", "network");
    private static final TypeReference<Map<String, String>> VALUES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    public ConfigurationItemSync(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Drift> reconcile(UUID runId, Connection connection, ConfigurationItemConnector cmdb) {
        Map<String, Map<String, String>> ours = ourItems(connection.tenantId());
        Map<String, Link> linksByCi = links(connection);
        Map<String, Link> linksByExternal = new HashMap<>();
        linksByCi.values().forEach(link -> linksByExternal.put(link.externalId(), link));
        List<Drift> drifts = new ArrayList<>();
        List<ConfigurationItemRecord> theirs = cmdb.configurationItems(connection);
        Set<String> seenExternal = new HashSet<>();
        for (ConfigurationItemRecord item : theirs) {
            seenExternal.add(item.externalId());
            Link link = linksByExternal.get(item.externalId());
            if (link == null && ours.containsKey(item.name()) && !linksByCi.containsKey(item.name())) {
                link = new Link(item.name(), item.externalId(), "external", Map.of());
                save(connection, link);
                linksByCi.put(link.ciId(), link);
            }
            if (link == null) {
                drifts.add(importItem(runId, connection, item));
            } else if (ours.containsKey(link.ciId())) {
                drifts.addAll(compare(runId, connection, cmdb, link, ours.get(link.ciId()), item));
            }
        }
        for (Map.Entry<String, Map<String, String>> our : ours.entrySet()) {
            Link link = linksByCi.get(our.getKey());
            if (link != null && !seenExternal.contains(link.externalId()) && link.origin().equals("external")) {
                drifts.add(retire(runId, connection, link));
            } else if (link == null || !seenExternal.contains(link.externalId())) {
                drifts.add(export(runId, connection, cmdb, our.getKey(), our.getValue(), link));
            }
        }
        return drifts;
    }

    private Drift importItem(UUID runId, Connection connection, ConfigurationItemRecord item) {
        Map<String, String> values = comparable(item.attributes());
        String kind = values.get("kind");
        if (kind == null || !KINDS.contains(kind)) {
            return new Drift(runId, connection.id(), null, item.name(), item.externalId(), Drift.Kind.MISSING_IN_TIERZERO,
                    null, null, null, "not imported: its kind '" + kind + "' is none of " + String.join(", ", new TreeSet<>(KINDS)), null);
        }
        jdbc.sql("""
                        insert into configuration_items (tenant_id, ci_id, kind, name, site, os, model) values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, ci_id) do nothing""")
                .params(connection.tenantId(), item.name(), kind, values.getOrDefault("description", item.name()),
                        values.get("site"), values.get("os"), values.get("model"))
                .update();
        save(connection, new Link(item.name(), item.externalId(), "external", values));
        return new Drift(runId, connection.id(), null, item.name(), item.externalId(), Drift.Kind.MISSING_IN_TIERZERO,
                null, null, null, "imported from " + connection.id(), null);
    }

    /**
     * An item the CMDB gave TierZero and has since removed goes from TierZero too, unless tickets name it or its
     * recorded changes are history worth keeping.
     */
    private Drift retire(UUID runId, Connection connection, Link link) {
        boolean named = jdbc.sql("""
                        select (select count(*) from ticket_configuration_items where tenant_id = ? and ci_id = ?)
                             + (select count(*) from configuration_item_changes where tenant_id = ? and ci_id = ?)""")
                .params(connection.tenantId(), link.ciId(), connection.tenantId(), link.ciId()).query(Long.class).single() > 0;
        if (!named) {
            jdbc.sql("delete from configuration_item_links where tenant_id = ? and connection_id = ? and ci_id = ?")
                    .params(connection.tenantId(), connection.id(), link.ciId()).update();
            jdbc.sql("delete from configuration_items where tenant_id = ? and ci_id = ?")
                    .params(connection.tenantId(), link.ciId()).update();
        }
        return new Drift(runId, connection.id(), null, link.ciId(), link.externalId(), Drift.Kind.MISSING_EXTERNAL, null,
                null, null, named ? "removed from " + connection.id() + "; kept in TierZero, where tickets or changes name it"
                : "removed from " + connection.id() + ", so removed from TierZero", null);
    }

    private Drift export(UUID runId, Connection connection, ConfigurationItemConnector cmdb, String ciId,
                         Map<String, String> values, Link gone) {
        String externalId = cmdb.create(connection, new ConfigurationItemRecord(null, connection.cmdbScope(), ciId, values));
        save(connection, new Link(ciId, externalId, gone == null ? "tierzero" : gone.origin(), values));
        return new Drift(runId, connection.id(), null, ciId, gone == null ? null : gone.externalId(), Drift.Kind.MISSING_EXTERNAL,
                null, null, null, (gone == null ? "created in " : "created again in ") + connection.id() + " as " + externalId, null);
    }

    private List<Drift> compare(UUID runId, Connection connection, ConfigurationItemConnector cmdb, Link link,
                                Map<String, String> ours, ConfigurationItemRecord item) {
        Map<String, String> theirs = comparable(item.attributes());
        Map<String, String> agreed = new LinkedHashMap<>(link.syncedValues());
        Map<String, String> toTierZero = new LinkedHashMap<>();
        boolean pushOurs = false;
        List<Drift> drifts = new ArrayList<>();
        for (String attribute : COLUMNS.keySet()) {
            String our = ours.get(attribute);
            String their = theirs.get(attribute);
            if (their == null || Objects.equals(our, their)) {
                if (their != null) {
                    agreed.put(attribute, their);
                }
                continue;
            }
            boolean weChanged = !Objects.equals(our, link.syncedValues().get(attribute));
            boolean theyChanged = !Objects.equals(their, link.syncedValues().get(attribute));
            boolean theirsWins = weChanged && theyChanged ? link.origin().equals("external") : theyChanged;
            if (theirsWins) {
                toTierZero.put(attribute, their);
                agreed.put(attribute, their);
            } else {
                pushOurs = true;
                agreed.put(attribute, our);
            }
            drifts.add(new Drift(runId, connection.id(), null, link.ciId(), link.externalId(),
                    weChanged && theyChanged ? Drift.Kind.CONFLICT : Drift.Kind.FIELD_DIFFERS, attribute, our, their,
                    (theirsWins ? "value from " + connection.id() + " taken into TierZero" : "TierZero's value written to " + connection.id())
                            + (weChanged && theyChanged ? " (the item came from " + (link.origin().equals("external") ? connection.id() : "TierZero") + ")"
                            : " (only one side changed it)"), null));
        }
        toTierZero.forEach((attribute, value) -> jdbc.sql("update configuration_items set " + COLUMNS.get(attribute)
                        + " = ? where tenant_id = ? and ci_id = ?")
                .params(value, connection.tenantId(), link.ciId()).update());
        if (pushOurs) {
            Map<String, String> merged = new HashMap<>(ours);
            merged.putAll(toTierZero);
            cmdb.update(connection, link.externalId(), new ConfigurationItemRecord(link.externalId(), connection.cmdbScope(),
                    link.ciId(), merged));
        }
        save(connection, new Link(link.ciId(), link.externalId(), link.origin(), agreed));
        return drifts;
    }

    /** The CIs named by a record's external ids (RT assets a ticket refers to) are linked to the ticket. */
    void linkTicket(Connection connection, UUID ticketId, List<String> externalIds) {
        for (String externalId : externalIds) {
            jdbc.sql("""
                            insert into ticket_configuration_items (tenant_id, ticket_id, ci_id, source)
                            select tenant_id, ?, ci_id, ? from configuration_item_links
                            where tenant_id = ? and connection_id = ? and external_id = ?
                            on conflict do nothing""")
                    .params(ticketId, connection.id(), connection.tenantId(), connection.id(), externalId).update();
        }
    }

    /** The ids in the connected CMDB of the CIs a ticket is about. */
    List<String> externalIdsOf(Connection connection, UUID ticketId) {
        return jdbc.sql("""
                        select l.external_id from ticket_configuration_items t
                        join configuration_item_links l on l.tenant_id = t.tenant_id and l.ci_id = t.ci_id
                        where t.ticket_id = ? and l.connection_id = ? order by l.external_id""")
                .params(ticketId, connection.id()).query(String.class).list();
    }

    private Map<String, Map<String, String>> ourItems(String tenantId) {
        Map<String, Map<String, String>> items = new LinkedHashMap<>();
        jdbc.sql("select ci_id, name, kind, model, os, site from configuration_items where tenant_id = ? order by ci_id")
                .param(tenantId)
                .query(rs -> {
                    Map<String, String> values = new HashMap<>();
                    values.put("description", rs.getString("name"));
                    values.put("kind", rs.getString("kind"));
                    values.put("model", rs.getString("model"));
                    values.put("os", rs.getString("os"));
                    values.put("site", rs.getString("site"));
                    values.values().removeIf(Objects::isNull);
                    items.put(rs.getString("ci_id"), values);
                });
        return items;
    }

    private static Map<String, String> comparable(Map<String, String> attributes) {
        Map<String, String> values = new HashMap<>();
        attributes.forEach((attribute, value) -> {
            if (COLUMNS.containsKey(attribute) && value != null && !value.isBlank()) {
                values.put(attribute, value);
            }
        });
        return values;
    }

    private Map<String, Link> links(Connection connection) {
        Map<String, Link> links = new LinkedHashMap<>();
        jdbc.sql("select ci_id, external_id, origin, synced_values from configuration_item_links where tenant_id = ? and connection_id = ?")
                .params(connection.tenantId(), connection.id())
                .query(rs -> {
                    links.put(rs.getString("ci_id"), new Link(rs.getString("ci_id"), rs.getString("external_id"),
                            rs.getString("origin"), read(rs.getString("synced_values"))));
                });
        return links;
    }

    private void save(Connection connection, Link link) {
        jdbc.sql("""
                        insert into configuration_item_links (tenant_id, connection_id, ci_id, external_id, origin, synced_values)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, connection_id, ci_id) do update
                        set external_id = excluded.external_id, synced_values = excluded.synced_values, synced_at = now()""")
                .params(connection.tenantId(), connection.id(), link.ciId(), link.externalId(), link.origin(),
                        write(link.syncedValues()))
                .update();
    }

    private String write(Map<String, String> values) {
        try {
            return json.writeValueAsString(new TreeMap<>(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> read(String values) {
        try {
            return json.readValue(values, VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Link(String ciId, String externalId, String origin, Map<String, String> syncedValues) {
    }
}
