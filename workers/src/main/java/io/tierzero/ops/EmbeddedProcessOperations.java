package io.tierzero.ops;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.camunda.zeebe.process.test.api.ZeebeTestEngine;
import io.camunda.zeebe.protocol.record.Record;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The operations view of the embedded engine, which has no Operate: its record stream, read on demand from where
 * the previous read stopped and folded into an {@link EngineRecordProjection}. Retries go through the Camunda
 * client like every other command ({@link IncidentRetryCommands}).
 */
@Component
@ConditionalOnProperty(name = "tierzero.mode", havingValue = "embedded", matchIfMissing = true)
class EmbeddedProcessOperations implements ProcessOperations {

    private final ZeebeTestEngine engine;
    private final IncidentRetryCommands commands;
    private final EngineRecordProjection projection;
    /** How many records of the stream the projection has taken in; the stream only ever grows. */
    private int recordsRead;

    EmbeddedProcessOperations(ZeebeTestEngine engine, IncidentRetryCommands commands, ObjectMapper json) {
        this.engine = engine;
        this.commands = commands;
        this.projection = new EngineRecordProjection(json);
    }

    @Override
    public List<ProcessActivity> processes() {
        return current(projection::processes);
    }

    @Override
    public List<OpenIncident> openIncidents() {
        return current(projection::openIncidents);
    }

    @Override
    public IncidentLookup incident(long incidentKey) {
        return current(() -> projection.incident(incidentKey));
    }

    @Override
    public List<FailingJob> failingJobs() {
        return current(projection::failingJobs);
    }

    @Override
    public void retry(OpenIncident incident, int retries) {
        commands.retry(incident, retries);
    }

    private synchronized <T> T current(Supplier<T> query) {
        List<Record<?>> records = recordsOf(engine.getRecordStreamSource().getRecords());
        int available = records.size();
        for (int i = recordsRead; i < available; i++) {
            projection.apply(records.get(i));
        }
        recordsRead = available;
        return query.get();
    }

    /** The engine hands out its growing list of records; anything else is copied once per read. */
    private static List<Record<?>> recordsOf(Iterable<Record<?>> records) {
        if (records instanceof List<Record<?>> list) {
            return list;
        }
        List<Record<?>> copy = new ArrayList<>();
        records.forEach(copy::add);
        return copy;
    }
}
