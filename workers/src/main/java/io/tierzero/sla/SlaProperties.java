package io.tierzero.sla;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The business-hours calendars of the SLA clock (tierzero.sla.*), checked at start-up by {@link SlaCalendars}.
 *
 * @param calendars        named calendars: zone, hours per weekday or weekday range, holidays
 * @param tenantCalendars  tenant id to calendar name: the tenant's business hours
 * @param centreCalendars  follow-the-sun support centre (as decisions/routing.dmn names it) to calendar name
 */
@ConfigurationProperties("tierzero.sla")
public record SlaProperties(Map<String, Calendar> calendars, Map<String, String> tenantCalendars,
        Map<String, String> centreCalendars) {

    public SlaProperties {
        calendars = calendars == null ? Map.of() : calendars;
        tenantCalendars = tenantCalendars == null ? Map.of() : tenantCalendars;
        centreCalendars = centreCalendars == null ? Map.of() : centreCalendars;
    }

    public record Calendar(String zone, Map<String, String> hours, List<String> holidays) {
    }
}
