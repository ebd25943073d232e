package io.tierzero.support;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * The people the tests sign in as, all with the password {@value #PASSWORD} ({noop}: a bcrypt check on every
 * API call would cost the tests minutes). {@link #STAFF} has every role; the agents act on tasks in their own
 * name. ana.silva is a requester of the demo tenant who is also an agent, for the segregation-of-duties checks;
 * ml.engineer an analyst; demo.requester only a requester, and only of the demo tenant.
 */
public final class TestAccounts {

    public static final String PASSWORD = "test";
    public static final String STAFF = "tester";
    private static final List<String> AGENTS = List.of("agent.rita", "rita", "agent.bob", "agent.ops", "agent.sofia",
            "agent.lee", "manager.mia", "lena.manager", "sam.security", "tierzero-playbooks");

    private TestAccounts() {
    }

    /** The accounts as application properties, and the test identity provider's key for JWT access tokens. */
    public static Map<String, String> properties() {
        Map<String, String> properties = new HashMap<>();
        properties.put("spring.security.oauth2.resourceserver.jwt.public-key-location",
                TestIdentityProvider.publicKeyLocation());
        account(properties, STAFF, "requester,agent,analyst,ops,compliance,executive");
        AGENTS.forEach(agent -> account(properties, agent, "agent"));
        account(properties, "ana.silva", "requester,agent");
        account(properties, "ml.engineer", "analyst");
        properties.put("tierzero.access.users[demo.requester].password", "{noop}" + PASSWORD);
        properties.put("tierzero.access.users[demo.requester].roles", "requester");
        properties.put("tierzero.access.users[demo.requester].tenants", "demo");
        return properties;
    }

    /** An app's properties with the accounts. */
    public static Map<String, String> plus(Map<String, String> appProperties) {
        Map<String, String> properties = properties();
        properties.putAll(appProperties);
        return properties;
    }

    /** The API as {@link #STAFF} sees it. */
    public static TestRestTemplate staff(TestRestTemplate anonymous) {
        return anonymous.withBasicAuth(STAFF, PASSWORD);
    }

    private static void account(Map<String, String> properties, String name, String roles) {
        String prefix = "tierzero.access.users[" + name + "].";
        properties.put(prefix + "password", "{noop}" + PASSWORD);
        properties.put(prefix + "roles", roles);
        properties.put(prefix + "tenants", "*");
    }
}
