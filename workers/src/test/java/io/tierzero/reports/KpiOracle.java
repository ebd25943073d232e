package io.tierzero.reports;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The KPI definitions worked out in plain Java from the rows of one tenant, to check the SQL of
 * {@link KpiRepository} against: reads the tickets, their events, tasks and playbook executions as they are.
 */
final class KpiOracle {

    private static final String APPROVAL_FORM = "approve-automated-action";
    private static final Set<String> STATUS_NOTICES = Set.of("acknowledgement", "escalated");

    record TicketRow(UUID ticketId, String priority, String category, Instant createdAt, Instant resolvedAt,
            Instant closedAt, Instant firstResolvedAt, Boolean resolutionMet) {
    }

    record EventRow(UUID ticketId, long sequenceNumber, String action, Instant occurredAt, String template,
            String assignmentGroup) {
    }

    record TaskRow(UUID ticketId, String formId, String state, Instant claimedAt, Instant endedAt) {
    }

    final List<TicketRow> tickets;
    final List<EventRow> events;
    final List<TaskRow> tasks;
    final Map<UUID, List<String>> executionStates = new LinkedHashMap<>();
    final Instant from;
    final Instant to;

    KpiOracle(JdbcClient jdbc, String tenant, Instant from, Instant to) {
        this.from = from;
        this.to = to;
        tickets = jdbc.sql("""
                        select ticket_id, priority, category, created_at, resolved_at, closed_at, first_resolved_at,
                               resolution_met from tickets where tenant_id = ?""").param(tenant)
                .query((rs, n) -> new TicketRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)), instant(rs.getTimestamp(6)),
                        instant(rs.getTimestamp(7)), rs.getObject(8, Boolean.class))).list();
        events = jdbc.sql("""
                        select ticket_id, sequence_number, action, occurred_at, payload::jsonb ->> 'template',
                               payload::jsonb ->> 'assignment_group'
                        from ticket_events where tenant_id = ? and ticket_id is not null order by sequence_number""")
                .param(tenant)
                .query((rs, n) -> new EventRow(rs.getObject(1, UUID.class), rs.getLong(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), rs.getString(5), rs.getString(6))).list();
        tasks = jdbc.sql("select ticket_id, form_id, state, claimed_at, ended_at from human_tasks where tenant_id = ?")
                .param(tenant)
                .query((rs, n) -> new TaskRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5)))).list();
        jdbc.sql("select ticket_id, state from playbook_executions where tenant_id = ?").param(tenant)
                .query((rs, n) -> executionStates.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(rs.getString(2))).list();
    }

    boolean automated(TicketRow ticket) {
        return executionStates.getOrDefault(ticket.ticketId(), List.of()).contains("succeeded")
                && tasks.stream().noneMatch(task -> task.ticketId().equals(ticket.ticketId())
                && task.claimedAt() != null && !APPROVAL_FORM.equals(task.formId()));
    }

    List<TicketRow> created() {
        return tickets.stream().filter(t -> within(t.createdAt())).toList();
    }

    List<TicketRow> resolved() {
        return tickets.stream().filter(t -> within(t.resolvedAt())).toList();
    }

    long closed() {
        return tickets.stream().filter(t -> within(t.closedAt())).count();
    }

    /** Seconds from creation to the first response, null for a ticket without one. */
    Double firstResponseSeconds(TicketRow ticket) {
        Instant first = events.stream().filter(event -> event.ticketId().equals(ticket.ticketId()))
                .filter(event -> Set.of("task.claimed", "ticket.resolved", "remediation.playbook-succeeded")
                        .contains(event.action())
                        || event.action().equals("communication.queued") && !STATUS_NOTICES.contains(event.template()))
                .map(EventRow::occurredAt).min(Comparator.naturalOrder()).orElse(null);
        if (ticket.resolvedAt() != null && (first == null || ticket.resolvedAt().isBefore(first))) {
            first = ticket.resolvedAt();
        }
        return first == null ? null : seconds(ticket.createdAt(), first);
    }

    static double resolutionSeconds(TicketRow ticket) {
        return seconds(ticket.createdAt(), ticket.resolvedAt());
    }

    boolean slaMet(TicketRow ticket) {
        return Boolean.TRUE.equals(ticket.resolutionMet());
    }

    boolean handedToPeople(TicketRow ticket) {
        return tasks.stream().anyMatch(task -> task.ticketId().equals(ticket.ticketId())
                && !APPROVAL_FORM.equals(task.formId()));
    }

    boolean escalatedToHigherTier(TicketRow ticket) {
        return events.stream().anyMatch(event -> event.ticketId().equals(ticket.ticketId())
                && event.action().equals("escalation.functional"));
    }

    /** The groups the ticket was in, in order, a group repeated in a row counted once. */
    List<String> groupsOf(TicketRow ticket) {
        List<String> groups = new ArrayList<>();
        events.stream().filter(event -> event.ticketId().equals(ticket.ticketId()))
                .filter(event -> Set.of("routing.assigned", "routing.handed-over").contains(event.action()))
                .map(EventRow::assignmentGroup).filter(Objects::nonNull)
                .forEach(group -> {
                    if (groups.isEmpty() || !groups.getLast().equals(group)) {
                        groups.add(group);
                    }
                });
        return groups;
    }

    boolean pingPong(TicketRow ticket) {
        List<String> groups = groupsOf(ticket);
        return groups.size() > Set.copyOf(groups).size() || groups.size() - 1 > KpiRepository.MAX_REASSIGNMENTS;
    }

    /** Minutes agents held the ticket's tasks (approvals aside), for tickets with such a task completed in the period. */
    List<Double> handlingMinutesPerTicket() {
        Map<UUID, Double> perTicket = new LinkedHashMap<>();
        tasks.stream().filter(task -> task.state().equals("completed") && task.claimedAt() != null
                        && !APPROVAL_FORM.equals(task.formId()) && within(task.endedAt()))
                .forEach(task -> perTicket.merge(task.ticketId(), seconds(task.claimedAt(), task.endedAt()) / 60,
                        Double::sum));
        return List.copyOf(perTicket.values());
    }

    static <T> List<T> where(List<T> rows, Predicate<T> condition) {
        return rows.stream().filter(condition).toList();
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** PostgreSQL's percentile_cont: linear interpolation between the closest ranks. */
    static double percentile(List<Double> values, double fraction) {
        List<Double> sorted = values.stream().sorted().toList();
        double position = fraction * (sorted.size() - 1);
        int lower = (int) Math.floor(position);
        int upper = (int) Math.ceil(position);
        return sorted.get(lower) + (sorted.get(upper) - sorted.get(lower)) * (position - lower);
    }

    private boolean within(Instant instant) {
        return instant != null && !instant.isBefore(from) && instant.isBefore(to);
    }

    private static double seconds(Instant start, Instant end) {
        return Duration.between(start, end).toNanos() / 1e9;
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
