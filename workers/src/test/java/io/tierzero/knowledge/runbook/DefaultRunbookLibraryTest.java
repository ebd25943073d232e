package io.tierzero.knowledge.runbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The product's default knowledge base (runbooks/ at the project root), checked as a knowledge manager would. */
class DefaultRunbookLibraryTest {

    private static final Path LIBRARY = Path.of("..", "runbooks");
    private static final Path CATALOG = Path.of("..", "..", "shared", "data", "runbook-labels", "catalog.tsv");

    @Test
    void everyRunbookParsesIsNamedByItsIdAndIsMature() throws IOException {
        List<Runbook> runbooks = RunbookParser.readFolder(LIBRARY);
        RunbookMaturity maturity = new RunbookMaturity(Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));

        assertThat(runbooks).hasSize(23);
        for (Runbook runbook : runbooks) {
            assertThat(runbook.source().getFileName().toString()).isEqualTo(runbook.id() + ".md");
            assertThat(RunbookMaturity.MODES).contains(runbook.mode());
            assertThat(maturity.score(runbook).overall()).as(runbook.id()).isGreaterThan(0.9);
        }
    }

    @Test
    void everyRunbookOfTheCatalogIsWritten() throws IOException {
        Set<String> catalog = Files.readAllLines(CATALOG).stream().skip(1)
                .map(line -> line.split("\t")[0]).filter(id -> !id.equals("none")).collect(Collectors.toSet());
        Set<String> written = RunbookParser.readFolder(LIBRARY).stream().map(Runbook::id).collect(Collectors.toSet());

        assertThat(written).isEqualTo(catalog);
    }
}
