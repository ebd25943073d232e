package io.tierzero.identity;

import com.unboundid.util.Base32;
import java.text.ParseException;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * With the demo data, the demo tenant's requesters have an authenticator enrolled, all with one published secret, so
 * that anyone can play the requester: {@code ./tierzero totp} shows its current code. Never for real tenants.
 */
@Component
@ConditionalOnExpression("!'${tierzero.demo-data-location:}'.isBlank()")
class DemoAuthenticators {

    static final String DEMO_SECRET = "JBSWY3DPEHPK3PXP";

    private final JdbcClient jdbc;
    private final SecondFactors secondFactors;

    DemoAuthenticators(JdbcClient jdbc, SecondFactors secondFactors) {
        this.jdbc = jdbc;
        this.secondFactors = secondFactors;
    }

    @EventListener(ApplicationReadyEvent.class)
    void enrolDemoRequesters() throws ParseException {
        byte[] secret = Base32.decode(DEMO_SECRET);
        jdbc.sql("select code from reference_data where tenant_id = 'demo' and kind = 'requester'").query(String.class).list()
                .stream()
                .filter(requester -> !secondFactors.isEnrolled("demo", requester))
                .forEach(requester -> secondFactors.enrol("demo", requester, secret, "demo-data"));
    }
}
