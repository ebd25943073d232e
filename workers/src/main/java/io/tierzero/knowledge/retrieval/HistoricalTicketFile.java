package io.tierzero.knowledge.retrieval;

import io.tierzero.triage.model.InvalidDataException;
import io.tierzero.triage.model.TriageModel;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV export of resolved tickets (the shared ticket format): a header with {@code id},
 * {@value #SHORT_DESCRIPTION}, {@value #DESCRIPTION} and the label column that names who resolved it, and an
 * optional {@value #RESOLUTION_NOTES} column. The runbook of a ticket comes from a separate label file.
 */
public final class HistoricalTicketFile {

    public static final String SHORT_DESCRIPTION = "Short description";
    public static final String DESCRIPTION = "Description";
    public static final String RESOLUTION_NOTES = "Resolution notes";

    private HistoricalTicketFile() {
    }

    /** @param runbookById runbook per ticket id; {@code none} means no runbook applies */
    public static List<ResolvedTicket> read(Path csv, String labelColumn, Map<String, String> runbookById,
            String tenantId, String source) {
        if (!Files.isRegularFile(csv)) {
            throw new InvalidDataException("file not found: " + csv);
        }
        List<ResolvedTicket> tickets = new ArrayList<>();
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            for (String column : List.of("id", SHORT_DESCRIPTION, DESCRIPTION, labelColumn)) {
                if (!parser.getHeaderNames().contains(column)) {
                    throw new InvalidDataException(csv + " has no column '" + column + "' (columns: "
                            + String.join(", ", parser.getHeaderNames()) + ")");
                }
            }
            boolean hasNotes = parser.getHeaderNames().contains(RESOLUTION_NOTES);
            for (CSVRecord row : parser) {
                String id = value(row, "id");
                if (id == null) {
                    continue;
                }
                String runbook = runbookById.get(id);
                tickets.add(new ResolvedTicket(tenantId, source, id, value(row, SHORT_DESCRIPTION),
                        value(row, DESCRIPTION), value(row, labelColumn),
                        TriageModel.NO_RUNBOOK.equals(runbook) ? null : runbook,
                        hasNotes ? value(row, RESOLUTION_NOTES) : null, null));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new InvalidDataException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (tickets.isEmpty()) {
            throw new InvalidDataException(csv + " has no tickets");
        }
        return tickets;
    }

    private static String value(CSVRecord row, String column) {
        String value = row.isSet(column) ? row.get(column).strip() : "";
        return value.isEmpty() ? null : value;
    }
}
