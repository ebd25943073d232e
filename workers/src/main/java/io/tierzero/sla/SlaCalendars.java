package io.tierzero.sla;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * The configured calendars, and which one a ticket's SLA clock follows: a target the SLA decision gives on the
 * 24x7 clock runs round the clock; a business-hours target follows the tenant's calendar if it has one, else the
 * calendar of the support centre handling the ticket (or on shift, for a ticket not routed yet), else round the
 * clock. Invalid configuration stops the start.
 */
@Component
public class SlaCalendars {

    private final Map<String, BusinessCalendar> calendars = new HashMap<>();
    private final Map<String, String> tenantCalendars;
    private final Map<String, String> centreCalendars;

    public SlaCalendars(SlaProperties properties) {
        calendars.put(BusinessCalendar.TWENTY_FOUR_SEVEN_NAME, BusinessCalendar.TWENTY_FOUR_SEVEN);
        properties.calendars().forEach((name, calendar) -> {
            try {
                calendars.put(name, CalendarDefinition.parse(name, calendar.zone(), calendar.hours(), calendar.holidays()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("Invalid SLA calendar: " + e.getMessage(), e);
            }
        });
        tenantCalendars = checked("tierzero.sla.tenant-calendars", properties.tenantCalendars());
        centreCalendars = checked("tierzero.sla.centre-calendars", properties.centreCalendars());
    }

    /** The calendar for a target on the given clock; the support centre is only asked for when it matters. */
    public BusinessCalendar forTicket(SlaClockMode mode, String tenantId, Supplier<String> supportCentre) {
        if (mode == SlaClockMode.TWENTY_FOUR_SEVEN) {
            return BusinessCalendar.TWENTY_FOUR_SEVEN;
        }
        String name = tenantCalendars.get(tenantId);
        if (name == null && !centreCalendars.isEmpty()) {
            name = centreCalendars.get(supportCentre.get());
        }
        return name == null ? BusinessCalendar.TWENTY_FOUR_SEVEN : calendars.get(name);
    }

    public Optional<BusinessCalendar> named(String name) {
        return Optional.ofNullable(name == null ? null : calendars.get(name));
    }

    private Map<String, String> checked(String property, Map<String, String> choices) {
        choices.forEach((key, name) -> {
            if (!calendars.containsKey(name)) {
                throw new IllegalStateException("Invalid SLA configuration: " + property + "." + key + " names calendar "
                        + name + ", which is not defined under tierzero.sla.calendars (defined: "
                        + calendars.keySet().stream().sorted().toList() + ")");
            }
        });
        return Map.copyOf(choices);
    }
}
