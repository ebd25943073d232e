package io.tierzero.reports;

import io.tierzero.reports.KpiReport.Automation;
import io.tierzero.reports.KpiReport.CategoryTimes;
import io.tierzero.reports.KpiReport.Durations;
import io.tierzero.reports.KpiReport.Escalation;
import io.tierzero.reports.KpiReport.FirstResponse;
import io.tierzero.reports.KpiReport.PrioritySla;
import io.tierzero.reports.KpiReport.PriorityTimes;
import io.tierzero.reports.KpiReport.Reassignment;
import io.tierzero.reports.KpiReport.ResolutionTimes;
import io.tierzero.reports.KpiReport.SlaAttainment;
import io.tierzero.reports.KpiReport.Split;
import io.tierzero.reports.KpiReport.Volume;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The KPIs as aggregate queries over the tickets, their audit trail, human tasks and playbook executions.
 *
 * <p>Definitions (period = [from, to)):
 * <ul>
 * <li><b>Automated</b> ticket: a playbook execution of it succeeded and no agent ever claimed a task of it, apart
 * from approving the automated action (a decision, not handling). Every other ticket is <b>human</b>.</li>
 * <li><b>Automation (deflection) rate</b>: automated tickets over tickets resolved in the period (by
 * {@code resolved_at}, the latest resolution of a ticket).</li>
 * <li><b>First response</b>: from creation to the first of: a message queued to the requester other than the
 * automatic acknowledgement and the "escalated to a person" notice, an agent claiming a task of the ticket, or the
 * ticket's resolution. For tickets created in the period.</li>
 * <li><b>MTTR</b>: creation to {@code resolved_at} of the tickets resolved in the period.</li>
 * <li><b>SLA attainment</b>: the SLA engine's recorded verdicts ({@code resolution_met}) of the tickets first
 * resolved in the period, as the evidence pack reports them; a reopened ticket keeps its first verdict. Tickets
 * without a resolution target have no verdict and are counted apart.</li>
 * <li><b>Escalation rate</b>: tickets created in the period that got a task in a support group's queue (approval
 * tasks aside), over the tickets created; the higher-tier rate counts {@code escalation.functional} events.</li>
 * <li><b>Ping-pong</b>: a ticket created in the period whose routing events ({@code routing.assigned},
 * {@code routing.handed-over}) put it back in a group it had left, or moved it between groups more than
 * {@value #MAX_REASSIGNMENTS} times.</li>
 * </ul>
 */
@Repository
public class KpiRepository {

    public static final int MAX_REASSIGNMENTS = 3;
    public static final String UNSET = "unset";

    /** The form of the task in which a person approves an automated action (see HumanTasks). */
    private static final String APPROVAL_FORM = "approve-automated-action";

    /**
     * The tenant's automated tickets, a query's first common table expression: joined to the tickets (aliased t)
     * with {@code HANDLING_JOIN}, {@code HANDLING} says 'automated' or 'human'. One set joined once, rather than
     * subqueries per ticket: a query over 50,000 tickets takes a second, not minutes.
     */
    private static final String AUTOMATED = """
            with automated as (
                select ticket_id from playbook_executions where tenant_id = :tenant and state = 'succeeded'
                except
                select ticket_id from human_tasks
                where tenant_id = :tenant and claimed_at is not null and form_id is distinct from :approvalForm)""";
    private static final String HANDLING_JOIN = "left join automated a on a.ticket_id = t.ticket_id";
    private static final String HANDLING = "case when a.ticket_id is null then 'human' else 'automated' end";

    private static final String DURATION_STATISTICS = """
            count(seconds) as n, avg(seconds) as mean,
            percentile_cont(0.5) within group (order by seconds) as median,
            percentile_cont(0.9) within group (order by seconds) as p90""";

    private final JdbcClient jdbc;

    public KpiRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Volume volume(String tenantId, ReportWindow window) {
        return query("""
                        select count(*) filter (where created_at >= :from and created_at < :to) as created,
                               count(*) filter (where resolved_at >= :from and resolved_at < :to) as resolved,
                               count(*) filter (where closed_at >= :from and closed_at < :to) as closed
                        from tickets where tenant_id = :tenant""", tenantId, window)
                .query((rs, n) -> new Volume(rs.getLong("created"), rs.getLong("resolved"), rs.getLong("closed")))
                .single();
    }

    public Automation automation(String tenantId, ReportWindow window) {
        return query("""
                        %s
                        select count(*) as resolved, count(a.ticket_id) as automated
                        from tickets t %s
                        where t.tenant_id = :tenant and t.resolved_at >= :from and t.resolved_at < :to"""
                        .formatted(AUTOMATED, HANDLING_JOIN), tenantId, window)
                .query((rs, n) -> {
                    long resolved = rs.getLong("resolved");
                    long automated = rs.getLong("automated");
                    return new Automation(resolved, automated, resolved - automated, ratio(automated, resolved));
                })
                .single();
    }

    public FirstResponse firstResponse(String tenantId, ReportWindow window) {
        Map<String, Durations> byHandling = new LinkedHashMap<>();
        long[] created = new long[1];
        query("""
                        %s,
                        created as (
                            select t.ticket_id, t.created_at, t.resolved_at, %s as handling
                            from tickets t %s
                            where t.tenant_id = :tenant and t.created_at >= :from and t.created_at < :to),
                        responses as (
                            select e.ticket_id, min(e.occurred_at) as first_at
                            from ticket_events e join created c on c.ticket_id = e.ticket_id
                            where e.tenant_id = :tenant
                              and (e.action in ('task.claimed', 'ticket.resolved', 'remediation.playbook-succeeded')
                                   or (e.action = 'communication.queued'
                                       and e.payload::jsonb ->> 'template' not in ('acknowledgement', 'escalated')))
                            group by e.ticket_id),
                        responded as (
                            select c.handling,
                                   extract(epoch from least(c.resolved_at, r.first_at) - c.created_at)::float8 as seconds
                            from created c left join responses r on r.ticket_id = c.ticket_id)
                        select grouping(handling) as overall, handling, count(*) as created, %s
                        from responded group by grouping sets ((handling), ())"""
                        .formatted(AUTOMATED, HANDLING, HANDLING_JOIN, DURATION_STATISTICS), tenantId, window)
                .query((ResultSet rs) -> {
                    String key = rs.getInt("overall") == 1 ? "all" : rs.getString("handling");
                    byHandling.put(key, durations(rs));
                    if (key.equals("all")) {
                        created[0] = rs.getLong("created");
                    }
                });
        Split times = split(byHandling);
        return new FirstResponse(created[0], times.all().count(), times);
    }

    public ResolutionTimes resolutionTimes(String tenantId, ReportWindow window) {
        Map<String, Durations> overall = new LinkedHashMap<>();
        Map<String, Map<String, Durations>> byPriority = new TreeMap<>();
        Map<String, Map<String, Durations>> byCategory = new TreeMap<>();
        query("""
                        %s,
                        resolved as (
                            select coalesce(t.priority, :unset) as priority, coalesce(t.category, :unset) as category,
                                   %s as handling, extract(epoch from t.resolved_at - t.created_at)::float8 as seconds
                            from tickets t %s
                            where t.tenant_id = :tenant and t.resolved_at >= :from and t.resolved_at < :to)
                        select grouping(priority) as no_priority, grouping(category) as no_category,
                               grouping(handling) as no_handling, priority, category, handling, %s
                        from resolved
                        group by grouping sets ((priority, handling), (priority), (category, handling), (category),
                                                (handling), ())"""
                        .formatted(AUTOMATED, HANDLING, HANDLING_JOIN, DURATION_STATISTICS), tenantId, window)
                .param("unset", UNSET)
                .query((ResultSet rs) -> {
                    String handling = rs.getInt("no_handling") == 1 ? "all" : rs.getString("handling");
                    Map<String, Durations> target = rs.getInt("no_priority") == 0
                            ? byPriority.computeIfAbsent(rs.getString("priority"), k -> new LinkedHashMap<>())
                            : rs.getInt("no_category") == 0
                            ? byCategory.computeIfAbsent(rs.getString("category"), k -> new LinkedHashMap<>())
                            : overall;
                    target.put(handling, durations(rs));
                });
        List<PriorityTimes> priorities = new ArrayList<>();
        byPriority.forEach((priority, times) -> {
            Split split = split(times);
            priorities.add(new PriorityTimes(priority, split.all(), split.automated(), split.human()));
        });
        List<CategoryTimes> categories = new ArrayList<>();
        byCategory.forEach((category, times) -> {
            Split split = split(times);
            categories.add(new CategoryTimes(category, split.all(), split.automated(), split.human()));
        });
        return new ResolutionTimes(split(overall), priorities, categories);
    }

    public SlaAttainment slaAttainment(String tenantId, ReportWindow window) {
        List<PrioritySla> byPriority = new ArrayList<>();
        long[] overall = new long[3];
        query("""
                        with resolved as (
                            select coalesce(priority, :unset) as priority, resolution_met is not null as has_target,
                                   resolution_met as met
                            from tickets
                            where tenant_id = :tenant and first_resolved_at >= :from and first_resolved_at < :to)
                        select grouping(priority) as overall, priority,
                               count(*) filter (where has_target) as resolved,
                               count(*) filter (where has_target and met) as met,
                               count(*) filter (where not has_target) as without_target
                        from resolved group by grouping sets ((priority), ()) order by priority""", tenantId, window)
                .param("unset", UNSET)
                .query((ResultSet rs) -> {
                    long resolved = rs.getLong("resolved");
                    long met = rs.getLong("met");
                    if (rs.getInt("overall") == 1) {
                        overall[0] = resolved;
                        overall[1] = met;
                        overall[2] = rs.getLong("without_target");
                    } else if (resolved > 0) {
                        byPriority.add(new PrioritySla(rs.getString("priority"), resolved, met, ratio(met, resolved)));
                    }
                });
        return new SlaAttainment(overall[0], overall[1], ratio(overall[1], overall[0]), overall[2], byPriority);
    }

    public Escalation escalation(String tenantId, ReportWindow window) {
        return query("""
                        with created as (
                            select ticket_id from tickets
                            where tenant_id = :tenant and created_at >= :from and created_at < :to),
                        to_people as (
                            select distinct h.ticket_id from human_tasks h join created c on c.ticket_id = h.ticket_id
                            where h.form_id is distinct from :approvalForm),
                        to_higher_tier as (
                            select distinct e.ticket_id from ticket_events e join created c on c.ticket_id = e.ticket_id
                            where e.tenant_id = :tenant and e.action = 'escalation.functional'),
                        automation_tried as (
                            select distinct pe.ticket_id from playbook_executions pe
                            join created c on c.ticket_id = pe.ticket_id)
                        select count(*) as tickets, count(p.ticket_id) as to_people,
                               count(h.ticket_id) as to_higher_tier, count(a.ticket_id) as automation_tried,
                               count(*) filter (where a.ticket_id is not null and p.ticket_id is not null)
                                   as automation_to_people
                        from created c
                        left join to_people p on p.ticket_id = c.ticket_id
                        left join to_higher_tier h on h.ticket_id = c.ticket_id
                        left join automation_tried a on a.ticket_id = c.ticket_id""",
                        tenantId, window)
                .query((rs, n) -> {
                    long tickets = rs.getLong("tickets");
                    long toPeople = rs.getLong("to_people");
                    long toHigherTier = rs.getLong("to_higher_tier");
                    return new Escalation(tickets, toPeople, ratio(toPeople, tickets), toHigherTier,
                            ratio(toHigherTier, tickets), rs.getLong("automation_tried"),
                            rs.getLong("automation_to_people"));
                })
                .single();
    }

    public Reassignment reassignment(String tenantId, ReportWindow window) {
        return query("""
                        with created as (
                            select ticket_id from tickets
                            where tenant_id = :tenant and created_at >= :from and created_at < :to),
                        assignments as (
                            select e.ticket_id, e.sequence_number, e.payload::jsonb ->> 'assignment_group' as grp
                            from ticket_events e join created c on c.ticket_id = e.ticket_id
                            where e.tenant_id = :tenant and e.action in ('routing.assigned', 'routing.handed-over')),
                        stays as (
                            select ticket_id, grp,
                                   lag(grp) over (partition by ticket_id order by sequence_number) as previous
                            from assignments where grp is not null),
                        moves as (
                            select ticket_id, count(*) - 1 as reassignments,
                                   count(*) > count(distinct grp) as returned
                            from stays where previous is null or previous <> grp
                            group by ticket_id)
                        select (select count(*) from created) as tickets,
                               count(*) filter (where reassignments > 0) as reassigned,
                               count(*) filter (where returned or reassignments > :maxReassignments) as ping_pong
                        from moves""", tenantId, window)
                .param("maxReassignments", MAX_REASSIGNMENTS)
                .query((rs, n) -> {
                    long tickets = rs.getLong("tickets");
                    long pingPong = rs.getLong("ping_pong");
                    return new Reassignment(tickets, rs.getLong("reassigned"), pingPong, ratio(pingPong, tickets),
                            MAX_REASSIGNMENTS);
                })
                .single();
    }

    /**
     * Engineer handling per ticket: the time agents held its tasks (claimed to completed, approvals aside) summed
     * per ticket, over tickets with such a task completed in the period. Empty statistics without any.
     */
    public Durations humanHandling(String tenantId, ReportWindow window) {
        return query("""
                        select %s from (
                            select sum(extract(epoch from h.ended_at - h.claimed_at))::float8 as seconds
                            from human_tasks h
                            where h.tenant_id = :tenant and h.state = 'completed' and h.claimed_at is not null
                              and h.form_id is distinct from :approvalForm
                              and h.ended_at >= :from and h.ended_at < :to
                            group by h.ticket_id) handled""".formatted(DURATION_STATISTICS), tenantId, window)
                .query((rs, n) -> durations(rs))
                .single();
    }

    private JdbcClient.StatementSpec query(String sql, String tenantId, ReportWindow window) {
        JdbcClient.StatementSpec statement = jdbc.sql(sql).param("tenant", tenantId)
                .param("from", Timestamp.from(window.from())).param("to", Timestamp.from(window.to()));
        return sql.contains(":approvalForm") ? statement.param("approvalForm", APPROVAL_FORM) : statement;
    }

    private static Durations durations(ResultSet rs) throws SQLException {
        long count = rs.getLong("n");
        return count == 0 ? Durations.NONE : new Durations(count, rs.getDouble("mean"), rs.getDouble("median"),
                rs.getDouble("p90"));
    }

    private static Split split(Map<String, Durations> byHandling) {
        return new Split(byHandling.getOrDefault("all", Durations.NONE),
                byHandling.getOrDefault("automated", Durations.NONE), byHandling.getOrDefault("human", Durations.NONE));
    }

    static Double ratio(long part, long whole) {
        return whole == 0 ? null : (double) part / whole;
    }
}
