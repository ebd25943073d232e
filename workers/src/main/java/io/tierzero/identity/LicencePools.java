package io.tierzero.identity;

import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Seats of licensed products: reserved before access is granted, released when a grant is rolled back. */
@Repository
public class LicencePools {

    private final JdbcClient jdbc;

    public LicencePools(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int free(String tenantId, String poolId) {
        return jdbc.sql("""
                        select p.seats - (select count(*) from licence_assignments a
                                          where a.tenant_id = p.tenant_id and a.pool_id = p.pool_id and a.state <> 'released')
                        from licence_pools p where p.tenant_id = ? and p.pool_id = ?""")
                .params(tenantId, poolId).query(Integer.class).optional().orElse(0);
    }

    /**
     * Reserves a seat for the holder; true if they hold one now (also when they already did). The pool row is locked so
     * that two grants at once cannot take the last seat twice.
     */
    @Transactional
    public boolean reserve(String tenantId, String poolId, String holderId, UUID executionId) {
        jdbc.sql("select 1 from licence_pools where tenant_id = ? and pool_id = ? for update").params(tenantId, poolId)
                .query(Integer.class).optional();
        String state = jdbc.sql("select state from licence_assignments where tenant_id = ? and pool_id = ? and holder_id = ?")
                .params(tenantId, poolId, holderId).query(String.class).optional().orElse("released");
        if (!state.equals("released")) {
            return true;
        }
        if (free(tenantId, poolId) <= 0) {
            return false;
        }
        jdbc.sql("""
                        insert into licence_assignments (tenant_id, pool_id, holder_id, execution_id, state)
                        values (?, ?, ?, ?, 'reserved')
                        on conflict (tenant_id, pool_id, holder_id) do update
                        set execution_id = excluded.execution_id, state = 'reserved', changed_at = now()""")
                .params(tenantId, poolId, holderId, executionId).update();
        return true;
    }

    public void assign(String tenantId, String poolId, String holderId) {
        setState(tenantId, poolId, holderId, "assigned");
    }

    public void release(String tenantId, String poolId, String holderId) {
        setState(tenantId, poolId, holderId, "released");
    }

    private void setState(String tenantId, String poolId, String holderId, String state) {
        jdbc.sql("update licence_assignments set state = ?, changed_at = now() where tenant_id = ? and pool_id = ? and holder_id = ?")
                .params(state, tenantId, poolId, holderId).update();
    }
}
