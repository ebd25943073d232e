package io.tierzero.ops;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientHttpException;
import io.camunda.client.api.command.ClientStatusException;
import io.grpc.Status;
import org.springframework.stereotype.Component;

/** The engine commands of a retry, the same on the embedded engine (gRPC) and on a cluster (gRPC or REST). */
@Component
class IncidentRetryCommands {

    private final CamundaClient camunda;

    IncidentRetryCommands(CamundaClient camunda) {
        this.camunda = camunda;
    }

    /** Sets the job's retries (when the incident comes from a job), then resolves the incident. */
    void retry(OpenIncident incident, int retries) {
        try {
            if (incident.jobKey() != null) {
                camunda.newUpdateRetriesCommand(incident.jobKey()).retries(retries).send().join();
            }
            camunda.newResolveIncidentCommand(incident.incidentKey()).send().join();
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                throw new IncidentAlreadyResolvedException(incident.incidentKey(), null);
            }
            throw e;
        } catch (ClientHttpException e) {
            if (e.code() == 404) {
                throw new IncidentAlreadyResolvedException(incident.incidentKey(), null);
            }
            throw e;
        }
    }
}
