package io.tierzero.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class TierZeroCliTest {

    record Run(int exitCode, String out, String err) {
    }

    static Run run(String... args) {
        CommandLine cli = TierZeroCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path toyData(Path dir) throws Exception {
        StringBuilder csv = new StringBuilder("id,Short description,Description,Assignment group\n");
        String[][] rows = {
                {"GRP_VPN", "vpn down", "cannot connect to vpn"}, {"GRP_VPN", "vpn error", "vpn tunnel fails"},
                {"GRP_VPN", "vpn issue", "remote vpn access broken"}, {"GRP_VPN", "vpn", "vpn keeps disconnecting"},
                {"GRP_PWD", "password reset", "please reset my password"}, {"GRP_PWD", "locked", "account locked, password"},
                {"GRP_PWD", "password expired", "cannot login, password expired"}, {"GRP_PWD", "pwd", "forgot password"},
                {"GRP_PRN", "printer jam", "paper jam in printer"}, {"GRP_PRN", "printer", "printer offline"},
                {"GRP_PRN", "toner", "printer toner empty"}, {"GRP_PRN", "printing", "cannot print, \"quoted\" text"},
        };
        for (int i = 0; i < rows.length; i++) {
            csv.append("T").append(i).append(',').append(rows[i][1]).append(",\"").append(rows[i][2].replace("\"", "\"\""))
                    .append("\",").append(rows[i][0]).append('\n');
        }
        Path file = dir.resolve("tickets.csv");
        Files.writeString(file, csv);
        StringBuilder tsv = new StringBuilder("id\trunbook\tconfidence\n");
        for (int i = 0; i < rows.length; i++) {
            tsv.append("T").append(i).append('\t')
                    .append(rows[i][0].equals("GRP_VPN") ? "vpn-access" : rows[i][0].equals("GRP_PWD") ? "password-reset" : "none")
                    .append("\thigh\n");
        }
        Files.writeString(dir.resolve("runbooks.tsv"), tsv);
        return file;
    }

    @Test
    void trainPredictEvaluate(@TempDir Path dir) throws Exception {
        Path tickets = toyData(dir);
        Path model = dir.resolve("model");
        Run train = run("train", "--tickets", tickets.toString(), "--label", "Assignment group",
                "--runbook-labels", dir.resolve("runbooks.tsv").toString(), "--out", model.toString(), "--epochs", "30");
        assertThat(train.exitCode()).as(train.err()).isZero();
        assertThat(train.err()).contains("epoch");
        assertThat(model.resolve("model.json")).exists();
        assertThat(Files.readString(model.resolve("model.json"))).contains("trainingDataSha256", "runbookTemperature");

        Path out = dir.resolve("predictions.csv");
        Run predict = run("predict", "--model", model.toString(), "--in", tickets.toString(), "--out", out.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("id,label,label_confidence,runbook,runbook_confidence,automate,runbooks_top3");
        assertThat(lines).hasSize(13);
        assertThat(lines.get(1)).startsWith("T0,GRP_VPN,").contains(",vpn-access,").matches(".*,(true|false),[^,;]+;[^,;]+;[^,;]+");

        Run evaluate = run("evaluate", "--model", model.toString(), "--in", tickets.toString(),
                "--runbook-labels", dir.resolve("runbooks.tsv").toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).contains("accuracy", "macro-F1", "coverage at precision 0.97", "runbook top-1",
                "runbook recall@3", "automation precision", "automation coverage", "GRP_VPN");

        Run cv = run("evaluate", "--cv", "2", "--tickets", tickets.toString(), "--label", "Assignment group");
        assertThat(cv.exitCode()).as(cv.err()).isZero();
        assertThat(cv.out()).contains("2-fold", "accuracy");
    }

    @Test
    void predictWithoutRunbookHeadLeavesRunbookColumnsEmpty(@TempDir Path dir) throws Exception {
        Path tickets = toyData(dir);
        Path model = dir.resolve("model");
        assertThat(run("train", "--tickets", tickets.toString(), "--label", "Assignment group", "--out", model.toString())
                .exitCode()).isZero();
        Path out = dir.resolve("p.csv");
        assertThat(run("predict", "--model", model.toString(), "--in", tickets.toString(), "--out", out.toString())
                .exitCode()).isZero();
        assertThat(Files.readAllLines(out).get(1)).matches("T0,GRP_[A-Z]+,[01]\\.\\d{4},,,false,");
    }

    @Test
    void badInputIsAClearErrorWithExitCode2(@TempDir Path dir) throws Exception {
        Path tickets = toyData(dir);
        Run missingFile = run("train", "--tickets", dir.resolve("missing.csv").toString(), "--label", "Assignment group",
                "--out", dir.resolve("m").toString());
        assertThat(missingFile.exitCode()).isEqualTo(2);
        assertThat(missingFile.err()).contains("file not found").contains("missing.csv");

        Run missingColumn = run("train", "--tickets", tickets.toString(), "--label", "Category",
                "--out", dir.resolve("m").toString());
        assertThat(missingColumn.exitCode()).isEqualTo(2);
        assertThat(missingColumn.err()).contains("no column 'Category'");

        Run noModel = run("predict", "--model", dir.resolve("nothing").toString(), "--in", tickets.toString(),
                "--out", dir.resolve("p.csv").toString());
        assertThat(noModel.exitCode()).isEqualTo(2);
        assertThat(noModel.err()).contains("no model");

        Run missingOption = run("predict", "--in", tickets.toString());
        assertThat(missingOption.exitCode()).isEqualTo(2);
        assertThat(missingOption.err()).contains("--model");
    }
}
