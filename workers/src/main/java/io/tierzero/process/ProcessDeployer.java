package io.tierzero.process;

import io.camunda.client.CamundaClient;
import io.camunda.client.api.command.DeployResourceCommandStep1.DeployResourceCommandStep2;
import io.camunda.client.api.response.DeploymentEvent;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Deploys processes/, decisions/ and forms/ as one deployment. Zeebe ignores resources that did not change,
 * so deploying on every start is safe on a cluster too.
 */
@Component
public class ProcessDeployer {

    private static final Logger log = LoggerFactory.getLogger(ProcessDeployer.class);
    private static final List<String> RESOURCES = List.of(
            ProcessModels.PROCESS_RESOURCES, "classpath*:decisions/*.dmn", "classpath*:forms/*.form");

    private final CamundaClient camunda;

    public ProcessDeployer(CamundaClient camunda) {
        this.camunda = camunda;
    }

    public DeploymentEvent deploy() throws IOException {
        List<Resource> resources = new ArrayList<>();
        var resolver = new PathMatchingResourcePatternResolver();
        for (String pattern : RESOURCES) {
            resources.addAll(List.of(resolver.getResources(pattern)));
        }
        if (resources.isEmpty()) {
            throw new IllegalStateException("No processes, decisions or forms on the classpath");
        }
        DeployResourceCommandStep2 command = null;
        for (Resource resource : resources) {
            try (InputStream in = resource.getInputStream()) {
                byte[] content = in.readAllBytes();
                command = command == null
                        ? camunda.newDeployResourceCommand().addResourceBytes(content, resource.getFilename())
                        : command.addResourceBytes(content, resource.getFilename());
            }
        }
        DeploymentEvent deployment = command.send().join();
        log.info("Deployed {} processes, {} decisions and {} forms", deployment.getProcesses().size(),
                deployment.getDecisions().size(), deployment.getForm().size());
        return deployment;
    }
}
