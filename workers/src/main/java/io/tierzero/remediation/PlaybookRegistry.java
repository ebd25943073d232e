package io.tierzero.remediation;

import io.tierzero.knowledge.runbook.RunbookLibrary;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** The playbooks: every runbook of the library that has an action behind it. */
@Component
public class PlaybookRegistry {

    private final Map<String, Playbook> byRunbook;

    public PlaybookRegistry(RunbookLibrary runbooks, List<PlaybookAction> actions) {
        this.byRunbook = actions.stream()
                .map(action -> new Playbook(runbooks.find(action.runbookId()).orElseThrow(() -> new IllegalStateException(
                        "Playbook action " + action.getClass().getSimpleName() + " names runbook '" + action.runbookId()
                                + "', which is not in the runbook library")), action))
                .collect(Collectors.toUnmodifiableMap(Playbook::id, Function.identity()));
    }

    public Optional<Playbook> find(String runbookId) {
        return runbookId == null ? Optional.empty() : Optional.ofNullable(byRunbook.get(runbookId));
    }

    public List<Playbook> all() {
        return byRunbook.values().stream().sorted(Comparator.comparing(Playbook::id)).toList();
    }
}
