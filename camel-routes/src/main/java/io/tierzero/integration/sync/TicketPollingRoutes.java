package io.tierzero.integration.sync;

import io.tierzero.integration.Connection;
import io.tierzero.integration.Connections;
import io.tierzero.integration.PollForChanges;
import org.apache.camel.LoggingLevel;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** One polling route per configured connection: every poll interval, bring in what changed on the other side. */
@Component
public class TicketPollingRoutes extends RouteBuilder {

    private final Connections connections;
    private final PollForChanges pollForChanges;

    public TicketPollingRoutes(Connections connections, PollForChanges pollForChanges) {
        this.connections = connections;
        this.pollForChanges = pollForChanges;
    }

    @Override
    public void configure() {
        for (Connection connection : connections.all()) {
            String name = "poll-" + connection.tenantId() + "-" + connection.type().value() + "-" + connection.name();
            from("timer:" + name + "?delay=1000&period=" + connection.pollInterval().toMillis())
                    .routeId(name)
                    .errorHandler(noErrorHandler())
                    .setBody(constant(connection))
                    .bean(pollForChanges, "poll")
                    .log(LoggingLevel.DEBUG, "${body} records from " + connection.id());
        }
    }
}
