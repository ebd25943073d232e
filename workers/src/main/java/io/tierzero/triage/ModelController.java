package io.tierzero.triage;

import io.swagger.v3.oas.annotations.Operation;
import io.tierzero.audit.Actor;
import java.security.Principal;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The triage models of the registry (registered with {@code ./tierzero models register}) and which is active. */
@RestController
@RequestMapping("/api/models")
public class ModelController {

    private final ModelRegistry registry;
    private final ActiveTriageModel activeModel;

    public ModelController(ModelRegistry registry, ActiveTriageModel activeModel) {
        this.registry = registry;
        this.activeModel = activeModel;
    }

    @GetMapping
    @Operation(summary = "Registered models, newest first, with their metrics and which one is active")
    public List<RegisteredModel> list() {
        return registry.list();
    }

    @PostMapping("/{version}/activate")
    @Operation(summary = "Makes a model the one triage uses, at once in this instance, within the refresh interval in others")
    public RegisteredModel activate(@PathVariable String version, Principal analyst) {
        RegisteredModel activated = registry.activate(version, Actor.human(analyst.getName()));
        activeModel.refresh();
        return activated;
    }
}
