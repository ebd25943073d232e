package io.tierzero.selfheal;

import io.tierzero.ticket.Ticket;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The other failed jobs the tenant's alerts named recently: many at once means the infrastructure, not the job. */
@Repository
public class FailedJobAlerts {

    private final JdbcClient jdbc;

    public FailedJobAlerts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Distinct jobs other than {@code jobName} named by the tenant's other alerts received within {@code window}. */
    public long otherJobs(Ticket alert, String jobName, Duration window) {
        return jdbc.sql("""
                        select count(distinct job ->> 'value') from tickets t
                            cross join lateral jsonb_array_elements(t.entities) job
                        where t.tenant_id = ? and t.ticket_id <> ? and t.created_at > now() - make_interval(secs => ?)
                            and job ->> 'type' = 'job_name' and job ->> 'value' <> ?""")
                .params(alert.tenantId(), alert.ticketId(), window.toSeconds(), jobName)
                .query(Long.class).single();
    }

    /** The same, only alerts that name {@code host}. */
    public long otherJobsOnHost(Ticket alert, String jobName, String host, Duration window) {
        return jdbc.sql("""
                        select count(distinct job ->> 'value') from tickets t
                            cross join lateral jsonb_array_elements(t.entities) job
                        where t.tenant_id = ? and t.ticket_id <> ? and t.created_at > now() - make_interval(secs => ?)
                            and job ->> 'type' = 'job_name' and job ->> 'value' <> ?
                            and t.entities @> jsonb_build_array(jsonb_build_object('type', 'host', 'value', ?::text))""")
                .params(alert.tenantId(), alert.ticketId(), window.toSeconds(), jobName, host)
                .query(Long.class).single();
    }
}
