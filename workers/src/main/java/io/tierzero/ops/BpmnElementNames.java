package io.tierzero.ops;

import io.camunda.zeebe.model.bpmn.Bpmn;
import io.camunda.zeebe.model.bpmn.instance.FlowElement;
import java.io.ByteArrayInputStream;
import java.util.Map;
import java.util.stream.Collectors;

/** The names a BPMN diagram gives its elements (id to name; unnamed elements are left out). */
final class BpmnElementNames {

    private BpmnElementNames() {
    }

    static Map<String, String> of(byte[] bpmnXml) {
        return Bpmn.readModelFromStream(new ByteArrayInputStream(bpmnXml)).getModelElementsByType(FlowElement.class)
                .stream().filter(element -> element.getName() != null && !element.getName().isBlank())
                .collect(Collectors.toMap(FlowElement::getId, FlowElement::getName, (first, second) -> first));
    }
}
