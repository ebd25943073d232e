package io.tierzero.knowledge.runbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RunbookMaturityTest {

    private static final Clock TODAY = Clock.fixed(Instant.parse("2026-11-23T10:00:00Z"), ZoneOffset.UTC);

    private static final String MATURE = """
            ---
            id: printer-issue
            title: Printer problems
            category: end-user
            mode: guided
            required_inputs: [printer_name, site]
            risk: low
            approval: none
            owner: service-desk
            version: 1.2
            last_reviewed: 2026-10-01
            ---
            # Printer problems

            ## Symptoms and typical phrasings
            - "printer offline"
            - "cannot print"
            - "print queue stuck"
            - "scanner does not send email"
            - "drucker geht nicht"

            ## Before you start
            - Ask for the printer name.
            - Ask whether colleagues can print.

            ## Steps
            1. Check the printer is on and online.
            2. Clear the queue on the print server.
            3. Reinstall the driver from the print server.

            ## Verification
            - The user prints a test page.
            - The queue is empty.

            ## Rollback
            - Restore the previous driver package.

            ## When to escalate
            - The printer shows a hardware error.
            - Several users at the site cannot print.
            """;

    private static final String NEGLECTED = """
            ---
            id: old-vpn
            title: VPN
            mode: sometimes
            last_reviewed: 2023-01-15
            ---
            ## Steps
            Try to reconnect the VPN client and if that does not work then reinstall it and if that does not work either then call the network team who will look at the firewall logs and the concentrator and the certificate and everything else that might be relevant to the problem.
            """;

    private final RunbookMaturity maturity = new RunbookMaturity(TODAY);

    @Test
    void aCompleteCurrentWellStructuredRunbookScoresHigh() {
        MaturityScore score = maturity.score(RunbookParser.parse(Path.of("printer-issue.md"), MATURE));

        assertThat(score.completeness()).isEqualTo(1.0);
        assertThat(score.currency()).isEqualTo(1.0);
        assertThat(score.structure()).isEqualTo(1.0);
        assertThat(score.clarity()).isGreaterThan(0.9);
        assertThat(score.findings()).isEmpty();
    }

    @Test
    void aNeglectedRunbookScoresLowAndSaysWhatToImprove() {
        MaturityScore score = maturity.score(RunbookParser.parse(Path.of("old-vpn.md"), NEGLECTED));

        assertThat(score.completeness()).isLessThan(0.5);
        assertThat(score.currency()).isZero();
        assertThat(score.structure()).isLessThan(0.2);
        assertThat(score.clarity()).isLessThan(0.5);
        assertThat(score.overall()).isLessThan(0.3);
        assertThat(score.findings()).contains("front matter: category is missing", "section missing or empty: Rollback",
                "structure: needs at least 3 numbered steps").anyMatch(finding -> finding.startsWith("last reviewed"));
    }

    @Test
    void currencyFallsFromSixMonthsToTwoYears() {
        String oneYearOld = MATURE.replace("last_reviewed: 2026-10-01", "last_reviewed: 2025-11-23");

        double currency = maturity.score(RunbookParser.parse(Path.of("x.md"), oneYearOld)).currency();

        assertThat(currency).isBetween(0.6, 0.7);
    }

    @Test
    void aFileWithoutFrontMatterIsRefusedWithItsName() {
        assertThatThrownBy(() -> RunbookParser.parse(Path.of("notes.md"), "# Just a heading\n"))
                .isInstanceOf(InvalidRunbookException.class)
                .hasMessageContaining("notes.md").hasMessageContaining("front matter");
    }
}
