package io.tierzero.tasks;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.ClientStatusException;
import io.camunda.client.api.command.ProblemException;
import io.grpc.Status;
import java.util.Map;
import org.springframework.stereotype.Component;

@Component
class ZeebeHumanTaskJobs implements HumanTaskJobs {

    private final CamundaClient camunda;

    ZeebeHumanTaskJobs(CamundaClient camunda) {
        this.camunda = camunda;
    }

    @Override
    public boolean complete(long jobKey, Map<String, Object> variables) {
        try {
            camunda.newCompleteCommand(jobKey).variables(variables).send().join();
            return true;
        } catch (ClientStatusException e) {
            if (e.getStatusCode() == Status.Code.NOT_FOUND) {
                return false;
            }
            throw e;
        } catch (ProblemException e) {
            if (e.code() == 404) {
                return false;
            }
            throw e;
        }
    }
}
