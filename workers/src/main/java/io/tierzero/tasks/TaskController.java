package io.tierzero.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.tenant.TenantRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Agents' work queue: the human tasks of the lifecycles, without Tasklist. */
@RestController
@Validated
@RequestMapping("/api/tenants/{tenant}/tasks")
public class TaskController {

    private final HumanTasks humanTasks;
    private final TaskForms forms;
    private final TenantRepository tenants;

    public TaskController(HumanTasks humanTasks, TaskForms forms, TenantRepository tenants) {
        this.humanTasks = humanTasks;
        this.forms = forms;
        this.tenants = tenants;
    }

    @GetMapping
    @Operation(summary = "Tasks of a group's queue", description = "state: open, claimed, completed or cancelled")
    public List<HumanTask> queue(@PathVariable String tenant, @RequestParam(required = false) String group,
                                 @RequestParam(required = false) @Pattern(regexp = "open|claimed|completed|cancelled") String state) {
        tenants.get(tenant);
        return humanTasks.queue(tenant, group, state);
    }

    @GetMapping("/{taskId}")
    public HumanTask get(@PathVariable String tenant, @PathVariable UUID taskId) {
        return humanTasks.get(tenant, taskId);
    }

    @GetMapping("/{taskId}/form")
    @Operation(summary = "The Camunda Form (forms/) to render for the task")
    public JsonNode form(@PathVariable String tenant, @PathVariable UUID taskId) {
        return forms.schema(humanTasks.get(tenant, taskId).formId());
    }

    @GetMapping("/{taskId}/form-input")
    @Operation(summary = "The variables the task's form shows, as the engine handed them with the task")
    public JsonNode formInput(@PathVariable String tenant, @PathVariable UUID taskId) {
        tenants.get(tenant);
        return humanTasks.formInput(tenant, taskId);
    }

    @PostMapping("/{taskId}/claim")
    @Operation(summary = "The signed-in agent takes the task")
    public HumanTask claim(@PathVariable String tenant, @PathVariable UUID taskId, Principal agent) {
        return humanTasks.claim(tenant, taskId, agent.getName());
    }

    @PostMapping("/{taskId}/complete")
    @Operation(summary = "The signed-in agent, who claimed the task, completes it with the form's data")
    public HumanTask complete(@PathVariable String tenant, @PathVariable UUID taskId,
                              @Valid @RequestBody Completion completion, Principal agent) {
        return humanTasks.complete(tenant, taskId, agent.getName(), completion.formData());
    }

    public record Completion(@NotNull Map<String, Object> formData) {
    }
}
