package io.tierzero.triage.model;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads ticket CSV files and runbook label TSV files (header rows required), with clear errors. */
public final class TicketFiles {
    private TicketFiles() {
    }

    /**
     * Reads {@code id}, the text columns (joined with a newline) and, when {@code labelColumn} is not null, the
     * label of every row. Rows with an empty label are skipped when a label is asked for.
     */
    public static List<TicketText> readTickets(Path csv, List<String> textColumns, String labelColumn) {
        List<String> required = new ArrayList<>();
        required.add("id");
        required.addAll(textColumns);
        if (labelColumn != null) {
            required.add(labelColumn);
        }
        List<TicketText> tickets = new ArrayList<>();
        try (Reader reader = open(csv);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            checkColumns(csv, parser.getHeaderNames(), required);
            for (CSVRecord row : parser) {
                StringBuilder text = new StringBuilder();
                for (String column : textColumns) {
                    String value = row.isSet(column) ? row.get(column) : "";
                    if (!text.isEmpty()) {
                        text.append('\n');
                    }
                    text.append(value);
                }
                String label = null;
                if (labelColumn != null) {
                    label = row.isSet(labelColumn) ? row.get(labelColumn).trim() : "";
                    if (label.isEmpty()) {
                        continue;
                    }
                }
                tickets.add(new TicketText(row.get("id").trim(), text.toString(), label));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidDataException("cannot read " + csv + ": " + e.getMessage(), e);
        }
        if (tickets.isEmpty()) {
            throw new InvalidDataException(csv + " has no rows" + (labelColumn != null ? " with a '" + labelColumn + "' value" : ""));
        }
        return tickets;
    }

    /** Reads a runbook label file (tab-separated, columns {@code id} and {@code runbook}): id -> runbook. */
    public static Map<String, String> readRunbookLabels(Path tsv) {
        Map<String, String> labels = new LinkedHashMap<>();
        try (Reader reader = open(tsv);
             CSVParser parser = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader)) {
            checkColumns(tsv, parser.getHeaderNames(), List.of("id", "runbook"));
            for (CSVRecord row : parser) {
                String runbook = row.isSet("runbook") ? row.get("runbook").trim() : "";
                if (!runbook.isEmpty()) {
                    labels.put(row.get("id").trim(), runbook);
                }
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new InvalidDataException("cannot read " + tsv + ": " + e.getMessage(), e);
        }
        if (labels.isEmpty()) {
            throw new InvalidDataException(tsv + " has no runbook labels");
        }
        return labels;
    }

    /** SHA-256 over the bytes of the given files, in order (the training data digest kept with a model). */
    public static String sha256(List<Path> files) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Path file : files) {
                digest.update(Files.readAllBytes(file));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new InvalidDataException("cannot read " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Reader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new InvalidDataException("file not found: " + file);
        }
        return Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    private static void checkColumns(Path file, List<String> header, List<String> required) {
        for (String column : required) {
            if (!header.contains(column)) {
                throw new InvalidDataException(file + " has no column '" + column + "' (columns: " + String.join(", ", header) + ")");
            }
        }
    }
}
