package io.tierzero.process;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.client.api.response.ActivatedJob;
import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.BpmnModelInstance;
import io.camunda.zeebe.model.bpmn.instance.UserTask;
import io.camunda.zeebe.model.bpmn.instance.zeebe.ZeebeFormDefinition;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/** The lifecycle models of processes/, read once, for what jobs do not carry (element names, form ids). */
@Component
public class ProcessModels {

    public static final String PROCESS_RESOURCES = "classpath*:processes/*.bpmn";

    private final Map<String, BpmnModelInstance> modelsByProcessId = new ConcurrentHashMap<>();
    private final Map<String, String> diagramsByProcessId = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public ProcessModels(ObjectMapper json) throws IOException {
        this.json = json;
        for (Resource resource : new PathMatchingResourcePatternResolver().getResources(PROCESS_RESOURCES)) {
            String xml = resource.getContentAsString(StandardCharsets.UTF_8);
            BpmnModelInstance model = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            model.getDefinitions().getChildElementsByType(io.camunda.zeebe.model.bpmn.instance.Process.class)
                    .forEach(process -> {
                        modelsByProcessId.put(process.getId(), model);
                        diagramsByProcessId.put(process.getId(), xml);
                    });
        }
    }

    /** The BPMN file of the process, as the analysts drew it (with its diagram), for the console to show. */
    public String diagramXml(String processId) {
        String xml = diagramsByProcessId.get(processId);
        if (xml == null) {
            throw new IllegalStateException("No process " + processId + " in processes/");
        }
        return xml;
    }

    public UserTaskDefinition userTask(String processId, String elementId) {
        BpmnModelInstance model = modelsByProcessId.get(processId);
        UserTask task = model == null ? null : model.getModelElementById(elementId);
        if (task == null) {
            throw new IllegalStateException("No user task " + elementId + " in process " + processId);
        }
        ZeebeFormDefinition form = task.getSingleExtensionElement(ZeebeFormDefinition.class);
        return new UserTaskDefinition(task.getName(), form == null ? null : form.getFormId());
    }

    /** The candidate group the engine evaluated for this user task (first of the list). */
    public String candidateGroupOf(ActivatedJob job) {
        String header = job.getCustomHeaders().get("io.camunda.zeebe:candidateGroups");
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            List<String> groups = json.readValue(header, new TypeReference<>() {
            });
            return groups.isEmpty() ? null : groups.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("candidate groups header is not a JSON list: " + header, e);
        }
    }

    public record UserTaskDefinition(String name, String formId) {
    }
}
