package io.tierzero.selfheal;

import io.tierzero.remediation.ActionResult;
import io.tierzero.remediation.PlaybookAction;
import io.tierzero.remediation.PlaybookExecution;
import io.tierzero.remediation.PlaybookRefusedException;
import io.tierzero.selfheal.SelfHealProperties.CleanupPath;
import io.tierzero.selfheal.SelfHealProperties.CleanupProfile;
import io.tierzero.ticket.Ticket;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Frees space on a host's volume by removing what its cleanup profile allows (old temp files, rotated logs),
 * within the profile's cap. The files are first moved to a quarantine folder on another volume; the volume is
 * measured again; only when it is below the alert's threshold minus the runbook's headroom are they deleted.
 * Otherwise they are moved back (rolled back) and a person takes over with the top consumers.
 */
@Component
public class DiskSpaceAlertPlaybook implements PlaybookAction {

    // the runbook resolves only below the threshold minus 5 points
    static final int HEADROOM_POINTS = 5;
    // the runbook: database and file servers are never cleaned automatically
    private static final Set<String> NEVER_CLEANED_ROLES = Set.of("database", "file-server");

    private final ManagedHosts hosts;
    private final SelfHealProperties properties;
    private final RemoteShell shell;
    private final SelfHealActions actions;

    public DiskSpaceAlertPlaybook(ManagedHosts hosts, SelfHealProperties properties, RemoteShell shell,
            SelfHealActions actions) {
        this.hosts = hosts;
        this.properties = properties;
        this.shell = shell;
        this.actions = actions;
    }

    @Override
    public String runbookId() {
        return "disk-space-alert";
    }

    @Override
    public Map<String, String> resolveInputs(Ticket ticket) {
        String hostName = AlertFacts.required(ticket, "host");
        String mountpoint = AlertFacts.required(ticket, "volume_or_mountpoint");
        int threshold = AlertFacts.percent(ticket, "threshold");
        ManagedHost host = hosts.find(ticket.tenantId(), hostName).orElseThrow(() -> new PlaybookRefusedException(
                "Host " + hostName + " is not in the self-heal allow-list of " + ticket.tenantId()));
        if (NEVER_CLEANED_ROLES.contains(host.role())) {
            throw new PlaybookRefusedException("Host " + hostName + " is a " + host.role()
                    + ": its disks are never cleaned automatically");
        }
        if (host.cleanupProfile() == null) {
            throw new PlaybookRefusedException("Host " + hostName + " has no cleanup profile");
        }
        checkCommands(profileOf(host), mountpoint);
        if (!shell.hasCredentials(ticket.tenantId())) {
            throw new PlaybookRefusedException("No self-heal credentials are configured for " + ticket.tenantId());
        }
        actions.refuseWhenLimitReached(ticket.tenantId());
        return Map.of("host", hostName, "mountpoint", mountpoint, "threshold", Integer.toString(threshold),
                "targetPercent", Integer.toString(threshold - HEADROOM_POINTS), "cleanupProfile", host.cleanupProfile());
    }

    @Override
    public ActionResult execute(PlaybookExecution execution, Ticket ticket) {
        ManagedHost host = hosts.find(execution.tenantId(), execution.input("host")).orElseThrow();
        String mountpoint = execution.input("mountpoint");
        SelfHealAction action;
        try {
            action = actions.begin(execution, "disk-cleanup", host.host() + ":" + mountpoint);
        } catch (PlaybookRefusedException refused) {
            return ActionResult.failed(refused.getMessage(), Map.of());
        }
        if (action.ended()) {
            return Outcomes.recorded(action);
        }
        ActionResult result;
        try (RemoteSession session = shell.open(host)) {
            result = clean(session, new Cleanup(host, profileOf(host), mountpoint,
                    Integer.parseInt(execution.input("targetPercent")),
                    profileOf(host).quarantine() + "/" + execution.executionId()));
        } catch (RemoteHostException e) {
            result = ActionResult.failed(e.getMessage() + "; files already moved stay in the quarantine folder of "
                    + host.host(), Map.of());
        }
        actions.end(execution.executionId(), Outcomes.details(result));
        return result;
    }

    private ActionResult clean(RemoteSession session, Cleanup cleanup) {
        VolumeUsage before = usage(session, cleanup.mountpoint());
        List<RemoteFile> quarantined = filesIn(session, cleanup.quarantine());
        if (quarantined.isEmpty() && before.percent() <= cleanup.targetPercent()) {
            run(session, AllowedCommand.REMOVE_EMPTY_DIRECTORIES.with(Map.of("path", cleanup.quarantine())));
            return ActionResult.succeeded("Nothing to remove: " + cleanup.mountpoint() + " on " + cleanup.host().host()
                    + " is at " + before + ", within " + cleanup.targetPercent() + "%", Map.of("before", before.toString()));
        }
        long budget = cleanup.profile().maxPerRun().toBytes() - quarantined.stream().mapToLong(RemoteFile::bytes).sum();
        List<String> skipped = new ArrayList<>();
        for (RemoteFile file : candidates(session, cleanup, budget)) {
            if (!move(session, file.path(), cleanup.quarantine() + file.path())) {
                skipped.add(file.path());
            }
        }
        quarantined = filesIn(session, cleanup.quarantine());
        VolumeUsage after = usage(session, cleanup.mountpoint());
        long bytes = quarantined.stream().mapToLong(RemoteFile::bytes).sum();
        List<String> removed = quarantined.stream().map(file -> cleanup.originalOf(file.path())).sorted().toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("host", cleanup.host().host());
        details.put("mountpoint", cleanup.mountpoint());
        details.put("before", before.toString());
        details.put("afterQuarantine", after.toString());
        details.put("files", removed);
        details.put("bytes", bytes);
        if (!skipped.isEmpty()) {
            details.put("notMoved", skipped);
        }
        if (quarantined.isEmpty()) {
            run(session, AllowedCommand.REMOVE_EMPTY_DIRECTORIES.with(Map.of("path", cleanup.quarantine())));
            details.put("topConsumers", topConsumers(session, cleanup));
            return ActionResult.failed("Profile " + cleanup.host().cleanupProfile() + " allows nothing to be removed from "
                    + cleanup.mountpoint() + " on " + cleanup.host().host() + ", which is at " + after + ", above the target of "
                    + cleanup.targetPercent() + "%", details);
        }
        if (after.percent() <= cleanup.targetPercent()) {
            run(session, AllowedCommand.PURGE_DIRECTORY.with(Map.of("path", cleanup.quarantine())));
            VolumeUsage finalUsage = usage(session, cleanup.mountpoint());
            details.put("after", finalUsage.toString());
            return ActionResult.succeeded("Removed " + removed.size() + " files (" + VolumeUsage.readable(bytes / 1024) + ") of profile "
                    + cleanup.host().cleanupProfile() + " from " + cleanup.mountpoint() + " on " + cleanup.host().host()
                    + ": " + before + " before, " + finalUsage + " after (target " + cleanup.targetPercent() + "%)",
                    details);
        }
        return rollBack(session, cleanup, quarantined, after, details);
    }

    private ActionResult rollBack(RemoteSession session, Cleanup cleanup, List<RemoteFile> quarantined,
            VolumeUsage after, Map<String, Object> details) {
        for (RemoteFile file : quarantined) {
            move(session, file.path(), cleanup.originalOf(file.path()));
        }
        List<RemoteFile> stuck = filesIn(session, cleanup.quarantine());
        run(session, AllowedCommand.REMOVE_EMPTY_DIRECTORIES.with(Map.of("path", cleanup.quarantine())));
        details.put("restored", usage(session, cleanup.mountpoint()).toString());
        details.put("topConsumers", topConsumers(session, cleanup));
        String notEnough = "Removing " + quarantined.size() + " files of profile " + cleanup.host().cleanupProfile()
                + " would leave " + cleanup.mountpoint() + " on " + cleanup.host().host() + " at " + after
                + ", above the target of " + cleanup.targetPercent() + "%";
        if (!stuck.isEmpty()) {
            details.put("keptInQuarantine", stuck.stream().map(RemoteFile::path).toList());
            return ActionResult.failed(notEnough + "; " + stuck.size() + " files could not be moved back and are kept in "
                    + cleanup.quarantine(), details);
        }
        return ActionResult.rolledBack(notEnough + ": every file was moved back, nothing deleted", details);
    }

    /** The profile's old files on the volume, largest first, as long as they fit the run's budget. */
    private List<RemoteFile> candidates(RemoteSession session, Cleanup cleanup, long budget) {
        Set<RemoteFile> found = new LinkedHashSet<>();
        for (CleanupPath path : cleanup.profile().paths()) {
            for (String pattern : path.patterns()) {
                CommandOutput listed = session.run(AllowedCommand.LIST_OLD_FILES.with(Map.of("path", path.path(),
                        "pattern", pattern, "days", Integer.toString(path.olderThanDays()))));
                RemoteFile.parse(listed).stream()
                        .filter(file -> file.path().startsWith(path.path() + "/"))
                        .filter(file -> file.path().chars().noneMatch(Character::isISOControl))
                        .filter(file -> !file.path().startsWith(cleanup.profile().quarantine() + "/"))
                        .forEach(found::add);
            }
        }
        List<RemoteFile> chosen = new ArrayList<>();
        long left = budget;
        for (RemoteFile file : found.stream().sorted(Comparator.comparingLong(RemoteFile::bytes).reversed()).toList()) {
            if (file.bytes() <= left) {
                chosen.add(file);
                left -= file.bytes();
            }
        }
        return chosen;
    }

    private static List<String> topConsumers(RemoteSession session, Cleanup cleanup) {
        return session.run(AllowedCommand.TOP_CONSUMERS.with(Map.of("path", cleanup.mountpoint()))).lines();
    }

    private static boolean move(RemoteSession session, String from, String to) {
        return session.run(AllowedCommand.MOVE_FILE.with(Map.of("targetDirectory", to.substring(0, to.lastIndexOf('/')),
                "file", from, "target", to))).succeeded();
    }

    private static List<RemoteFile> filesIn(RemoteSession session, String folder) {
        return RemoteFile.parse(run(session, AllowedCommand.LIST_FILES.with(Map.of("path", folder))));
    }

    private static VolumeUsage usage(RemoteSession session, String mountpoint) {
        return VolumeUsage.parse(session.run(AllowedCommand.DISK_USAGE.with(Map.of("path", mountpoint))), mountpoint);
    }

    private static CommandOutput run(RemoteSession session, RemoteCommand command) {
        CommandOutput output = session.run(command);
        if (!output.succeeded()) {
            throw new RemoteHostException(command.command().id() + " failed with exit status " + output.exitStatus()
                    + ": " + output.evidence());
        }
        return output;
    }

    /** Every command the cleanup will run is checked before anything connects; only the found files remain. */
    private static void checkCommands(CleanupProfile profile, String mountpoint) {
        AllowedCommand.DISK_USAGE.with(Map.of("path", mountpoint));
        AllowedCommand.PURGE_DIRECTORY.with(Map.of("path", profile.quarantine() + "/" + UUID.randomUUID()));
        for (CleanupPath path : profile.paths()) {
            for (String pattern : path.patterns()) {
                AllowedCommand.LIST_OLD_FILES.with(Map.of("path", path.path(), "pattern", pattern,
                        "days", Integer.toString(path.olderThanDays())));
            }
        }
    }

    private CleanupProfile profileOf(ManagedHost host) {
        CleanupProfile profile = properties.cleanupProfiles().get(host.cleanupProfile());
        if (profile == null) {
            throw new PlaybookRefusedException("Cleanup profile " + host.cleanupProfile() + " of host " + host.host()
                    + " is not configured (tierzero.self-heal.cleanup-profiles)");
        }
        return profile;
    }

    /** One run: the quarantine folder is the execution's own, so a redelivered job finds what it moved. */
    private record Cleanup(ManagedHost host, CleanupProfile profile, String mountpoint, int targetPercent,
            String quarantine) {

        String originalOf(String quarantined) {
            return quarantined.substring(quarantine.length());
        }
    }
}
