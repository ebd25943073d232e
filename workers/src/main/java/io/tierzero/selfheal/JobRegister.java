package io.tierzero.selfheal;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The job register (table self_heal_jobs): no record, no rerun. */
@Repository
public class JobRegister {

    private final JdbcClient jdbc;

    public JobRegister(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<RegisteredJob> find(String tenantId, String scheduler, String jobName) {
        return jdbc.sql("select * from self_heal_jobs where tenant_id = ? and scheduler = ? and job_name = ?")
                .params(tenantId, scheduler, jobName)
                .query((rs, n) -> new RegisteredJob(rs.getString("tenant_id"), rs.getString("scheduler"),
                        rs.getString("job_name"), rs.getString("host"), rs.getString("owner"),
                        rs.getBoolean("rerunnable"), rs.getBoolean("idempotent"), rs.getString("rerun_command"),
                        rs.getString("wrapper_path")))
                .optional();
    }
}
