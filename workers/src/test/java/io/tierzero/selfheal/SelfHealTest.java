package io.tierzero.selfheal;

import static io.tierzero.support.ModelDrivenApp.payload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.remediation.ActionResult;
import io.tierzero.remediation.Playbook;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.remediation.PlaybookExecutions;
import io.tierzero.remediation.PlaybookRefusedException;
import io.tierzero.remediation.PlaybookRegistry;
import io.tierzero.support.ModelDrivenApp;
import io.tierzero.support.SyntheticTickets;
import io.tierzero.support.TicketApi;
import io.tierzero.tenant.TenantRepository;
import io.tierzero.ticket.Channel;
import io.tierzero.ticket.ExtractedEntity;
import io.tierzero.ticket.Level;
import io.tierzero.ticket.Region;
import io.tierzero.ticket.Ticket;
import io.tierzero.ticket.TicketKind;
import io.tierzero.ticket.TicketRepository;
import io.tierzero.ticket.TicketState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Self-heal against a real SSH server that runs real commands on real files: disk cleanup with quarantine,
 * verification and rollback, job reruns at most once, and every refusal (allow-list, blast radius, host key);
 * disk cleanup, rollback and a job rerun also end to end through the incident lifecycle on the embedded stack with a
 * trained model.
 */
class SelfHealTest {

    @TempDir
    static Path root;

    private static TestSshHost sshHost;
    private static ModelDrivenApp app;
    private static Path volume;
    private static Path quarantine;
    private static Path jobs;

    @BeforeAll
    static void startTheHostAndTheApp() throws IOException {
        sshHost = new TestSshHost(root.resolve("host"));
        volume = root.resolve("volume");
        quarantine = root.resolve("quarantine");
        jobs = Files.createDirectories(root.resolve("jobs"));
        String profile = "tierzero.self-heal.cleanup-profiles.linux-web.";
        app = new ModelDrivenApp(Map.of(
                "tierzero.self-heal.credentials.demo.password", TestSshHost.PASSWORD,
                profile + "paths[0].path", volume + "/var/log",
                profile + "paths[0].patterns[0]", "*.gz",
                profile + "paths[0].patterns[1]", "*.1",
                profile + "paths[1].path", volume + "/tmp",
                profile + "paths[1].patterns[0]", "*",
                profile + "quarantine", quarantine.toString()));
        app.useModel(SyntheticTickets.withAlerts(20, 7).trainInto(root.resolve("model"), true));
        JdbcClient jdbc = app.bean(JdbcClient.class);
        for (List<String> host : List.of(List.of("web01", "web", sshHost.hostKeyFingerprint()),
                List.of("web02", "web", "SHA256:bm90IHRoZSBrZXkgb2YgdGhpcyBob3N0IGF0IGFsbA"),
                List.of("db01", "database", sshHost.hostKeyFingerprint()),
                List.of("batch01", "batch", sshHost.hostKeyFingerprint()))) {
            jdbc.sql("""
                            insert into self_heal_hosts (tenant_id, host, address, port, os, role, cleanup_profile,
                                ssh_user, host_key_fingerprint)
                            values ('demo', ?, '127.0.0.1', ?, 'linux', ?, ?, ?, ?)""")
                    .params(host.get(0), sshHost.port(), host.get(1), host.get(1).equals("batch") ? null : "linux-web",
                            TestSshHost.USER, host.get(2)).update();
        }
        registerJob(jdbc, "nightly-report", "cron-wrapper", 0);
        registerJob(jdbc, "data-sync", "cron-wrapper", 3);
        registerJob(jdbc, "invoice-export", "run-any-script", 0);
    }

    private static void registerJob(JdbcClient jdbc, String name, String rerunCommand, int exitStatus) throws IOException {
        Path wrapper = Files.writeString(jobs.resolve(name + ".sh"), """
                #!/bin/sh
                echo "$1 $2" >> '%s'
                exit %d
                """.formatted(jobs.resolve("runs.log"), exitStatus));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        jdbc.sql("""
                        insert into self_heal_jobs (tenant_id, scheduler, job_name, host, owner, rerunnable, idempotent,
                            rerun_command, wrapper_path)
                        values ('demo', 'cron', ?, 'batch01', 'batch-operations', true, true, ?, ?)""")
                .params(name, rerunCommand, wrapper.toString()).update();
    }

    @AfterAll
    static void stop() throws IOException {
        if (app != null) {
            app.close();
        }
        if (sshHost != null) {
            sshHost.close();
        }
    }

    @BeforeEach
    void roomForActionsAndAnEmptyVolume() throws IOException {
        setLimit(100);
        ageEarlierAlerts();
        sshHost.capacityKb(1000);
        for (Path folder : List.of(volume, quarantine)) {
            if (Files.exists(folder)) {
                try (Stream<Path> paths = Files.walk(folder)) {
                    paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
                }
            }
        }
        Files.createDirectories(volume.resolve("var/log"));
        Files.createDirectories(volume.resolve("tmp"));
        Files.createDirectories(quarantine);
    }

    @Test
    void aFullDiskIsCleanedThroughTheIncidentLifecycleAndTheIncidentClosesWithoutAPerson() throws IOException {
        file("var/log/app.log", 300, false);
        file("var/log/recent.log.1", 100, false);
        file("tmp/session.tmp", 50, false);
        List<Path> old = List.of(file("var/log/app.log.1", 100, true), file("var/log/app.log.2.gz", 100, true),
                file("var/log/syslog.3.gz", 100, true), file("tmp/build-cache.bin", 150, true));

        String ticketId = app.api().submit(diskAlert("web01"));

        JsonNode closed = app.api().awaitState(ticketId, "closed");
        assertThat(app.automationDecision(closed)).isEqualTo("automate");
        assertThat(TicketApi.actions(closed)).containsSubsequence("knowledge.runbooks-searched", "remediation.prepared",
                "remediation.playbook-succeeded", "ticket.resolved", "ticket.closed");
        assertThat(payload(closed, "remediation.playbook-succeeded").path("playbookId").asText())
                .isEqualTo("disk-space-alert");
        assertThat(old).noneMatch(Files::exists);
        assertThat(volume.resolve("var/log/app.log")).exists();
        assertThat(volume.resolve("var/log/recent.log.1")).as("rotated, but not old enough").exists();
        assertThat(volume.resolve("tmp/session.tmp")).exists();
        assertThat(quarantine).isEmptyDirectory();
        PlaybookExecution execution = execution(ticketId);
        assertThat(execution.state()).isEqualTo("succeeded");
        assertThat((List<?>) execution.result().get("files")).hasSize(4);
        assertThat(execution.result().get("before").toString()).startsWith("92%");
        assertThat(execution.result().get("after").toString()).startsWith("47%");
        assertThat(app.api().tasks("?state=open")).noneMatch(task -> task.path("ticketId").asText().equals(ticketId));
    }

    @Test
    void whenCleanupIsNotEnoughEveryFileIsRestoredAndTheIncidentGoesToAPerson() throws IOException {
        Path big = file("var/log/app.log", 700, false);
        Path fresh = file("tmp/session.tmp", 50, false);
        Path old = file("var/log/app.log.1", 100, true);
        FileTime oldTime = Files.getLastModifiedTime(old);

        String ticketId = app.api().submit(diskAlert("web01"));

        JsonNode task = app.api().awaitOpenTask(ticketId);
        assertThat(task.path("formId").asText()).isEqualTo("diagnose-incident");
        JsonNode view = app.api().ticket(ticketId);
        assertThat(TicketApi.actions(view)).contains("remediation.playbook-rolled-back")
                .doesNotContain("ticket.resolved");
        assertThat(List.of(big, fresh, old)).allMatch(Files::exists);
        assertThat(Files.size(old)).isEqualTo(100 * 1024);
        assertThat(Files.getLastModifiedTime(old)).isEqualTo(oldTime);
        assertThat(quarantine).isEmptyDirectory();
        PlaybookExecution execution = execution(ticketId);
        assertThat(execution.state()).isEqualTo("rolled-back");
        assertThat(execution.result().get("summary").toString()).contains("would leave").contains("above the target of 75%")
                .contains("every file was moved back");
        assertThat(execution.result().get("afterQuarantine").toString()).startsWith("77%");
        JsonNode handedOver = app.http().getForObject("/api/tenants/demo/tickets/" + ticketId + "/automated-attempt",
                JsonNode.class);
        assertThat(handedOver.path("state").asText()).isEqualTo("rolled-back");
        assertThat(handedOver.path("result").path("files").get(0).asText()).isEqualTo(old.toString());
        assertThat(handedOver.path("result").path("topConsumers")).isNotEmpty();
    }

    @Test
    void aRedeliveredCleanupCarriesOnWithTheFilesAnInterruptedAttemptMoved() throws IOException {
        file("var/log/app.log", 300, false);
        Path movedBefore = file("var/log/syslog.3.gz", 300, true);
        Path old = file("var/log/app.log.1", 300, true);
        Ticket alert = diskAlertTicket("web01");
        Playbook playbook = playbook("disk-space-alert");
        PlaybookExecution execution = app.bean(PlaybookExecutions.class).start(alert, playbook, "live",
                playbook.action().resolveInputs(alert));
        app.bean(SelfHealActions.class).begin(execution, "disk-cleanup", "web01:" + volume);
        Path inQuarantine = Path.of(quarantine + "/" + execution.executionId() + movedBefore);
        Files.createDirectories(inQuarantine.getParent());
        Files.move(movedBefore, inQuarantine);

        ActionResult result = playbook.action().execute(execution, alert);

        assertThat(result.status()).isEqualTo(ActionResult.Status.SUCCEEDED);
        assertThat(result.details().get("files")).asInstanceOf(InstanceOfAssertFactories.LIST)
                .containsExactlyInAnyOrder(movedBefore.toString(), old.toString());
        assertThat(List.of(movedBefore, old)).noneMatch(Files::exists);
        assertThat(quarantine).isEmptyDirectory();
    }

    @Test
    void aVolumeFullOfWhatTheProfileDoesNotAllowToRemoveIsHandedOverUntouched() throws IOException {
        Path big = file("var/log/app.log", 900, false);
        Path oldButNotAllowed = file("var/log/app.log.old", 50, true);

        ActionResult result = run(diskAlertTicket("web01"), "disk-space-alert");

        assertThat(result.status()).isEqualTo(ActionResult.Status.FAILED);
        assertThat(result.summary()).contains("allows nothing to be removed").contains("above the target of 75%");
        assertThat((List<?>) result.details().get("topConsumers")).isNotEmpty();
        assertThat(List.of(big, oldButNotAllowed)).allMatch(Files::exists);
        assertThat(quarantine).isEmptyDirectory();
    }

    @Test
    void aFailedJobAlertIsRerunThroughTheIncidentLifecycleAndTheIncidentCloses() throws IOException {
        String ticketId = app.api().submit("""
                {"kind": "incident", "channel": "monitoring", "requester": {"id": "alertmanager"},
                 "subject": "Job failed", "body": "job nightly-report failed in job_scheduler on batch01, exit code 1",
                 "impact": "medium", "urgency": "medium",
                 "entities": [{"type": "job_name", "value": "nightly-report", "confidence": 1.0},
                              {"type": "scheduler", "value": "cron", "confidence": 1.0},
                              {"type": "run_id", "value": "run-8008", "confidence": 1.0},
                              {"type": "host", "value": "batch01", "confidence": 1.0},
                              {"type": "exit_code", "value": "1", "confidence": 1.0}]}""");

        JsonNode closed = app.api().awaitState(ticketId, "closed");
        assertThat(payload(closed, "remediation.playbook-succeeded").path("playbookId").asText()).isEqualTo("job-failure");
        assertThat(runs()).containsOnlyOnce("nightly-report run-8008");
        assertThat(execution(ticketId).result()).containsEntry("exitStatus", 0);
    }

    @Test
    void aFailedJobIsRerunOnceAndARepeatedAlertForTheSameRunIsNotRerun() throws IOException {
        Ticket alert = jobAlert("nightly-report", "run-1001");

        ActionResult result = run(alert, "job-failure");

        assertThat(result.status()).isEqualTo(ActionResult.Status.SUCCEEDED);
        assertThat(result.details()).containsEntry("exitStatus", 0);
        assertThat(runs()).containsOnlyOnce("nightly-report run-1001");
        assertThatThrownBy(() -> run(jobAlert("nightly-report", "run-1001"), "job-failure"))
                .isInstanceOf(PlaybookRefusedException.class).hasMessageContaining("never twice");
        assertThat(runs()).containsOnlyOnce("nightly-report run-1001");
    }

    @Test
    void aRedeliveredJobReportsTheRerunItDidAndAnInterruptedRerunIsNotRepeated() throws IOException {
        Ticket alert = jobAlert("nightly-report", "run-4004");
        Playbook playbook = playbook("job-failure");
        PlaybookExecution execution = app.bean(PlaybookExecutions.class).start(alert, playbook, "live",
                playbook.action().resolveInputs(alert));
        ActionResult first = playbook.action().execute(execution, alert);
        ActionResult redelivered = playbook.action().execute(execution, alert);
        assertThat(redelivered.status()).isEqualTo(first.status()).isEqualTo(ActionResult.Status.SUCCEEDED);
        assertThat(redelivered.summary()).isEqualTo(first.summary());
        assertThat(runs()).containsOnlyOnce("nightly-report run-4004");

        Ticket interrupted = jobAlert("nightly-report", "run-5005");
        PlaybookExecution begun = app.bean(PlaybookExecutions.class).start(interrupted, playbook, "live",
                playbook.action().resolveInputs(interrupted));
        app.bean(SelfHealActions.class).begin(begun, "job-rerun", "cron/nightly-report/run-5005");
        ActionResult result = playbook.action().execute(begun, interrupted);
        assertThat(result.status()).isEqualTo(ActionResult.Status.FAILED);
        assertThat(result.summary()).contains("was interrupted and may have run it: no second rerun");
        assertThat(runs()).doesNotContain("run-5005");
    }

    @Test
    void manyFailedJobsAtOnceAreAnInfrastructureProblemAndNoneIsRerun() throws IOException {
        for (String job : List.of("load-a", "load-b", "load-c", "load-d", "load-e")) {
            alert(Map.of("job_name", job, "scheduler", "cron", "run_id", "run-7007", "host", "app02"));
        }
        assertThatThrownBy(() -> run(jobAlert("nightly-report", "run-7007"), "job-failure"))
                .isInstanceOf(PlaybookRefusedException.class).hasMessageContaining("more than 5 in all")
                .hasMessageContaining("infrastructure problem, no reruns");

        ageEarlierAlerts();
        for (String job : List.of("load-f", "load-g")) {
            alert(Map.of("job_name", job, "scheduler", "cron", "run_id", "run-7008", "host", "batch01"));
        }
        assertThatThrownBy(() -> run(jobAlert("nightly-report", "run-7008"), "job-failure"))
                .isInstanceOf(PlaybookRefusedException.class).hasMessageContaining("3 or more on batch01");
        assertThat(runs()).doesNotContain("run-7007").doesNotContain("run-7008");
    }

    @Test
    void aRerunThatFailsAgainIsHandedOverWithoutASecondRerun() throws IOException {
        ActionResult result = run(jobAlert("data-sync", "run-2002"), "job-failure");

        assertThat(result.status()).isEqualTo(ActionResult.Status.FAILED);
        assertThat(result.summary()).contains("failed again with exit status 3").contains("no second rerun");
        assertThatThrownBy(() -> run(jobAlert("data-sync", "run-2002"), "job-failure"))
                .isInstanceOf(PlaybookRefusedException.class);
        assertThat(runs()).containsOnlyOnce("data-sync run-2002");
    }

    @Test
    void aCommandOutsideTheAllowListIsRefusedBeforeConnecting() throws IOException {
        int sessions = sshHost.sessions();
        file("var/log/app.log.1", 100, true);

        assertThatThrownBy(() -> run(jobAlert("invoice-export", "run-3003"), "job-failure"))
                .isInstanceOf(CommandNotAllowedException.class)
                .hasMessageContaining("'run-any-script' is not an allow-listed rerun command");
        assertThatThrownBy(() -> run(alert(Map.of("host", "web01", "volume_or_mountpoint", volume + "/../etc",
                "threshold", "80")), "disk-space-alert"))
                .isInstanceOf(CommandNotAllowedException.class).hasMessageContaining("not a valid path");
        assertThatThrownBy(() -> run(alert(Map.of("host", "db01", "volume_or_mountpoint", volume.toString(),
                "threshold", "80")), "disk-space-alert"))
                .isInstanceOf(PlaybookRefusedException.class).hasMessageContaining("never cleaned automatically");
        assertThatThrownBy(() -> AllowedCommand.MOVE_FILE.with(Map.of("file", "/var/log/a", "target", "/q/a")))
                .isInstanceOf(CommandNotAllowedException.class);

        assertThat(sshHost.sessions()).as("SSH sessions opened").isEqualTo(sessions);
        assertThat(runs()).doesNotContain("invoice-export");
        assertThat(volume.resolve("var/log/app.log.1")).exists();
        assertThat(AllowedCommand.DISK_USAGE.with(Map.of("path", "/srv/it's; rm -rf ~")).line())
                .as("an argument is one quoted word").isEqualTo("df -P -- '/srv/it'\\''s; rm -rf ~'");
    }

    @Test
    void whenTheTenantsHourlyBlastRadiusIsReachedThePlaybookRefuses() throws IOException {
        Path old = file("var/log/app.log.1", 100, true);
        Ticket allowed = diskAlertTicket("web01");
        Playbook playbook = playbook("disk-space-alert");
        PlaybookExecution prepared = app.bean(PlaybookExecutions.class).start(allowed, playbook, "live",
                playbook.action().resolveInputs(allowed));
        setLimit(actionsInTheLastHour());

        assertThatThrownBy(() -> run(diskAlertTicket("web01"), "disk-space-alert"))
                .isInstanceOf(PlaybookRefusedException.class).hasMessageContaining("Blast-radius limit reached");
        ActionResult result = playbook.action().execute(prepared, allowed);
        assertThat(result.status()).as("checked again when acting").isEqualTo(ActionResult.Status.FAILED);
        assertThat(result.summary()).contains("Blast-radius limit reached");
        assertThat(old).exists();
    }

    @Test
    void aHostThatPresentsAnotherHostKeyIsNotSignedInToAndNothingRuns() throws IOException {
        Path old = file("var/log/app.log.1", 100, true);

        ActionResult result = run(diskAlertTicket("web02"), "disk-space-alert");

        assertThat(result.status()).isEqualTo(ActionResult.Status.FAILED);
        assertThat(result.summary()).contains("presented host key").contains(sshHost.hostKeyFingerprint())
                .contains("not the registered SHA256:bm90").contains("nothing run");
        assertThat(old).exists();
    }

    private static String diskAlert(String host) {
        return """
                {"kind": "incident", "channel": "monitoring", "requester": {"id": "alertmanager"},
                 "subject": "Filesystem almost full", "body": "Filesystem /var on %s is 92%% full (threshold 80%%)",
                 "impact": "medium", "urgency": "medium",
                 "entities": [{"type": "host", "value": "%s", "confidence": 1.0},
                              {"type": "volume_or_mountpoint", "value": "%s", "confidence": 1.0},
                              {"type": "used_percent", "value": "92", "confidence": 1.0},
                              {"type": "threshold", "value": "80", "confidence": 1.0}]}"""
                .formatted(host, host, volume);
    }

    private static Ticket diskAlertTicket(String host) {
        return alert(Map.of("host", host, "volume_or_mountpoint", volume.toString(), "threshold", "80"));
    }

    private static Ticket jobAlert(String job, String runId) {
        return alert(Map.of("job_name", job, "scheduler", "cron", "run_id", runId, "host", "batch01", "exit_code", "1"));
    }

    /** A monitoring alert stored as a ticket with no lifecycle: the playbook is run by the test. */
    private static Ticket alert(Map<String, String> facts) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<ExtractedEntity> entities = facts.entrySet().stream()
                .map(fact -> new ExtractedEntity(fact.getKey(), fact.getValue(), 1.0)).toList();
        Ticket ticket = new Ticket("demo", UUID.randomUUID(),
                app.bean(TenantRepository.class).nextReferenceNumber("demo"), TicketKind.INCIDENT, Channel.MONITORING,
                "alertmanager", null, null, Region.EMEA, "Monitoring alert", facts.toString(), entities, null,
                "infrastructure", null, Level.MEDIUM, Level.MEDIUM, null, null, null, 1, TicketState.NEW, 0, null, null,
                null, null, null, false, null, null, null, 0, 0, now, now, null, null, null);
        app.bean(TicketRepository.class).insert(ticket);
        return ticket;
    }

    /** What Remediation does for a live run: resolve the inputs (may refuse), record the execution, execute. */
    private static ActionResult run(Ticket ticket, String runbookId) {
        Playbook playbook = playbook(runbookId);
        PlaybookExecution execution = app.bean(PlaybookExecutions.class).start(ticket, playbook, "live",
                playbook.action().resolveInputs(ticket));
        return playbook.action().execute(execution, ticket);
    }

    private static Playbook playbook(String runbookId) {
        return app.bean(PlaybookRegistry.class).find(runbookId).orElseThrow();
    }

    private static PlaybookExecution execution(String ticketId) {
        return app.bean(PlaybookExecutions.class).ofTicket(UUID.fromString(ticketId)).orElseThrow();
    }

    private static Path file(String path, int kb, boolean old) throws IOException {
        Path file = Files.write(Files.createDirectories(volume.resolve(path).getParent()).resolve(
                volume.resolve(path).getFileName()), new byte[kb * 1024]);
        if (old) {
            Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofDays(10))));
        }
        return file;
    }

    private static String runs() throws IOException {
        Path log = jobs.resolve("runs.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    private static void setLimit(long perHour) {
        app.bean(JdbcClient.class).sql("update tenants set self_heal_actions_per_hour = ? where tenant_id = 'demo'")
                .param(perHour).update();
    }

    /** Alerts of earlier tests are an hour old: they do not count as jobs failing at the same time. */
    private static void ageEarlierAlerts() {
        app.bean(JdbcClient.class).sql("update tickets set created_at = created_at - interval '1 hour' where tenant_id = 'demo'")
                .update();
    }

    private static long actionsInTheLastHour() {
        return app.bean(JdbcClient.class)
                .sql("select count(*) from self_heal_actions where tenant_id = 'demo' and started_at > now() - interval '1 hour'")
                .query(Long.class).single();
    }
}
