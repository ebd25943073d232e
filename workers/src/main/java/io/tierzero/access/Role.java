package io.tierzero.access;

import java.util.Arrays;
import java.util.Locale;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/** What a signed-in person does with TierZero; each opens its own part of the API and the console. */
public enum Role {
    /** An end user of a tenant: submits requests and follows their own in the self-service portal. */
    REQUESTER,
    /** A service-desk engineer: works the group queues. */
    AGENT,
    /** A process or model analyst: classification models, automation thresholds, KPIs. */
    ANALYST,
    /** Operations: running processes, incidents, failed jobs, sync and message outboxes. */
    OPS,
    /** An auditor or compliance officer: the audit trail, its check, evidence packs. */
    COMPLIANCE,
    /** A manager: KPIs and the ROI, and its cost inputs. */
    EXECUTIVE;

    GrantedAuthority authority() {
        return new SimpleGrantedAuthority("ROLE_" + name());
    }

    /** The role a name stands for in configuration or an identity provider's claim, whatever its case. */
    static Role named(String name) {
        try {
            return valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown role '" + name + "': one of requester, agent, analyst, ops, compliance, executive");
        }
    }

    /** Whether a name from an identity provider is a TierZero role: providers list many roles of their own. */
    static boolean isRole(String name) {
        return Arrays.stream(values()).anyMatch(role -> role.name().equalsIgnoreCase(name.trim()));
    }

    String lowerCase() {
        return name().toLowerCase(Locale.ROOT);
    }
}
