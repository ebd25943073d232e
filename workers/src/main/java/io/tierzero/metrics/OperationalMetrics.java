package io.tierzero.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The service desk's state as Prometheus metrics (on /actuator/prometheus): tickets by state, SLA at risk and
 * breached, automation decisions, and the outbound sync's backlog and lag. The figures are read from the database
 * on a schedule, so a scrape costs nothing and every instance of a scaled deployment reports the same numbers.
 * Automation decisions are counted from the append-only prediction log: a counter that survives restarts.
 * Job worker latency comes from the Camunda client's own timers ({@code camunda_job_invocations}).
 */
@Component
public class OperationalMetrics {

    private final JdbcClient jdbc;
    private final MeterRegistry registry;
    private final MultiGauge ticketsByState;
    private final MultiGauge slaAtRisk;
    private final MultiGauge slaBreachedOpen;
    private final MultiGauge syncPending;
    private final MultiGauge syncDead;
    private final MultiGauge syncLag;
    private final Map<Tags, AtomicLong> automationDecisions = new ConcurrentHashMap<>();

    public OperationalMetrics(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        this.registry = registry;
        ticketsByState = MultiGauge.builder("tierzero.tickets").description("Tickets by tenant and state").register(registry);
        slaAtRisk = MultiGauge.builder("tierzero.sla.at.risk.tickets")
                .description("Open tickets past the SLA warning point, not yet breached").register(registry);
        slaBreachedOpen = MultiGauge.builder("tierzero.sla.breached.open.tickets")
                .description("Open tickets whose resolution target has passed").register(registry);
        syncPending = MultiGauge.builder("tierzero.sync.outbox.pending")
                .description("Updates waiting to be sent to a connected system").register(registry);
        syncDead = MultiGauge.builder("tierzero.sync.outbox.dead")
                .description("Updates that failed for good (dead letters), per connection").register(registry);
        syncLag = MultiGauge.builder("tierzero.sync.lag").baseUnit("seconds")
                .description("Age of the oldest update still waiting to be sent, per connection").register(registry);
    }

    /** One refresh at a time: a scheduled one that read the database earlier must not publish over a later one. */
    @Scheduled(initialDelayString = "${tierzero.metrics.refresh-interval:PT15S}",
            fixedDelayString = "${tierzero.metrics.refresh-interval:PT15S}")
    public synchronized void refresh() {
        ticketsByState.register(rows("""
                select tenant_id, state, count(*) from tickets group by tenant_id, state""", "tenant", "state"), true);
        slaAtRisk.register(rows("""
                select tenant_id, count(*) filter (where sla_warned_at is not null and not sla_breached) from tickets
                where state not in ('resolved', 'closed') group by tenant_id""", "tenant"), true);
        slaBreachedOpen.register(rows("""
                select tenant_id, count(*) filter (where sla_breached) from tickets
                where state not in ('resolved', 'closed') group by tenant_id""", "tenant"), true);
        syncPending.register(rows("""
                select tenant_id, connection_id, count(*) filter (where state = 'pending') from sync_outbox
                group by tenant_id, connection_id""", "tenant", "connection"), true);
        syncDead.register(rows("""
                select tenant_id, connection_id, count(*) filter (where state = 'dead') from sync_outbox
                group by tenant_id, connection_id""", "tenant", "connection"), true);
        syncLag.register(rows("""
                select tenant_id, connection_id,
                       coalesce(extract(epoch from now() - min(created_at) filter (where state = 'pending')), 0)
                from sync_outbox group by tenant_id, connection_id""", "tenant", "connection"), true);
        jdbc.sql("""
                        select tenant_id, automation_decision, shadow, count(*) from triage_predictions
                        group by tenant_id, automation_decision, shadow""")
                .query((rs, n) -> {
                    Tags tags = Tags.of("tenant", rs.getString(1), "decision", rs.getString(2),
                            "shadow", Boolean.toString(rs.getBoolean(3)));
                    automationDecisions.computeIfAbsent(tags, this::automationDecisionCounter).set(rs.getLong(4));
                    return tags;
                })
                .list();
    }

    private AtomicLong automationDecisionCounter(Tags tags) {
        AtomicLong count = new AtomicLong();
        FunctionCounter.builder("tierzero.automation.decisions", count, AtomicLong::get)
                .description("Automation decisions on triage predictions (automate, assist, human)")
                .tags(tags).register(registry);
        return count;
    }

    /** Rows of tag values followed by one number, as gauge rows. */
    private List<MultiGauge.Row<?>> rows(String sql, String... tagNames) {
        return jdbc.sql(sql).<MultiGauge.Row<?>>query((rs, n) -> {
            String[] tags = new String[tagNames.length * 2];
            for (int i = 0; i < tagNames.length; i++) {
                tags[2 * i] = tagNames[i];
                tags[2 * i + 1] = rs.getString(i + 1);
            }
            return MultiGauge.Row.of(Tags.of(tags), rs.getDouble(tagNames.length + 1));
        }).list();
    }
}
