package io.tierzero.support;

import io.tierzero.triage.model.TicketText;
import io.tierzero.triage.model.TriageModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Made-up tickets of three assignment groups (four with monitoring alerts), labelled with runbooks of the default
 * library (and "none"), to train a small real model in tests.
 */
public final class SyntheticTickets {

    private record Problem(String group, String runbook, List<String> subjects, List<String> bodies) {
    }

    private static final List<String> SYSTEMS = List.of("Outlook", "Windows", "my laptop", "Teams", "SAP", "the portal");
    private static final List<String> PLACES = List.of("home", "the hotel", "the airport", "a customer site", "the train");
    private static final List<String> PRINTERS = List.of("the second floor printer", "PRN-0042", "the Canon in room 12",
            "the HP near reception");

    private static final List<String> HOSTS = List.of("web01", "app02", "batch01", "srv-lis-07");

    private static final List<Problem> ALERTS = List.of(
            new Problem("Server Operations", "disk-space-alert",
                    List.of("Filesystem almost full", "Disk space alert", "Low free space", "Mountpoint usage critical"),
                    List.of("Filesystem /var on %s is 92%% full (threshold 90%%)",
                            "Mountpoint /data usage critical on %s: 97%% used",
                            "%s: volume /srv is over 90%% space consumed, space available: 2 GB",
                            "Low free space on /var/log of %s: 6%% free, warning threshold 10%%")),
            new Problem("Server Operations", "job-failure",
                    List.of("Job failed", "Batch job abended", "Scheduled job failure", "Job ended NOT OK"),
                    List.of("job nightly-report failed in job_scheduler on %s, exit code 1",
                            "cron job export on %s returned non-zero exit status",
                            "Job invoice-load ended NOT OK on %s, return code 8",
                            "Batch job abended: data-sync on host %s, status FAILURE")));

    private static final List<Problem> PROBLEMS = List.of(
            new Problem("Identity Team", "password-reset",
                    List.of("Forgot my password", "Password expired", "Password not accepted", "Reset my password please",
                            "Cannot log in, forgot password"),
                    List.of("I forgot my password and cannot log in to %s.",
                            "My password expired this morning and %s does not accept it any more.",
                            "Please reset the password of my account, I cannot sign in to %s.",
                            "I changed my password last week and now I forgot it, login to %s fails.")),
            new Problem("Network Team", "vpn-access",
                    List.of("VPN not connecting", "Cannot connect to VPN", "VPN tunnel drops", "VPN error from home"),
                    List.of("The VPN client shows an error when I connect from %s.",
                            "Since this morning the VPN connection fails from %s, the tunnel never comes up.",
                            "I cannot reach the company network over VPN from %s.",
                            "The VPN disconnects every few minutes when I work from %s.")),
            new Problem("Workplace Team", "printer-issue",
                    List.of("Printer not printing", "Paper jam", "Print jobs stuck in queue", "Printer offline"),
                    List.of("Nothing comes out of %s, the print job stays in the queue.",
                            "There is a paper jam in %s and it shows an error light.",
                            "%s is offline and my documents do not print.",
                            "The printer %s prints blank pages since yesterday.")),
            new Problem("Identity Team", "account-unlock",
                    List.of("Account locked", "Locked out of my account", "Please unlock my user", "User blocked"),
                    List.of("%s says my account is locked out after too many attempts, please unlock it.",
                            "I am locked out of %s since this morning, the account is blocked.",
                            "Please unlock my user, %s tells me the account is locked.",
                            "Account locked again on %s, I typed it wrong three times.")),
            new Problem("Identity Team", "mfa-reset",
                    List.of("New phone, authenticator lost", "MFA prompt on old phone", "Set up MFA again"),
                    List.of("I got a new phone and the authenticator app for %s is gone, please reset my MFA.",
                            "The MFA approval still goes to my old phone which I no longer have, I cannot sign in to %s.",
                            "My phone was replaced, I need to enrol the authenticator app again for %s.")),
            new Problem("Access Team", "mailbox-access",
                    List.of("Access to the finance mailbox", "Need the finance shared mailbox", "Add me to the finance mailbox"),
                    List.of("Please give me access to the finance mailbox, I cover invoices from %s.",
                            "I need full access to the finance shared mailbox while working from %s.",
                            "Could you add me to the finance mailbox? My manager agreed, I work on %s.")),
            new Problem("Access Team", "file-share-access",
                    List.of("Access to the HR share", "Need the HR folder", "Permission for HR share"),
                    List.of("I need read and write access to the HR share for the reviews, I work on %s.",
                            "Please grant me the HR folder, access denied when I open it from %s.",
                            "Can I get permission on the HR share? I am the new HR assistant using %s.")),
            new Problem("Access Team", "app-access-request",
                    List.of("Power BI licence", "Need Power BI access", "Power BI reporting role"),
                    List.of("Please give me a Power BI licence and the reporting role, I work with %s.",
                            "I need access to Power BI reporting for the monthly figures in %s.",
                            "Requesting the Power BI reporting role, my dashboards are in %s.")),
            new Problem("Workplace Team", "none",
                    List.of("New monitor request", "Need a docking station", "Request for a second screen",
                            "Ergonomic chair"),
                    List.of("Could I get a second monitor for my desk in %s?",
                            "I would like to order a docking station for my desk in %s.",
                            "Please send me a bigger screen, my desk is in %s.",
                            "Can facilities deliver an ergonomic chair to %s?")));

    private final List<TicketText> tickets = new ArrayList<>();
    private final Map<String, String> runbookById = new HashMap<>();

    /** {@code perProblem} tickets for each of the nine problems, the same for the same seed. */
    public SyntheticTickets(int perProblem, long seed) {
        this(PROBLEMS, perProblem, seed);
    }

    /** The nine problems and two kinds of monitoring alert (disk space, failed job), for self-heal. */
    public static SyntheticTickets withAlerts(int perProblem, long seed) {
        return new SyntheticTickets(Stream.concat(PROBLEMS.stream(), ALERTS.stream()).toList(),
                perProblem, seed);
    }

    private SyntheticTickets(List<Problem> problems, int perProblem, long seed) {
        Random random = new Random(seed);
        int id = 0;
        for (Problem problem : problems) {
            for (int i = 0; i < perProblem; i++) {
                List<String> fillers = switch (problem.runbook()) {
                    case "vpn-access" -> PLACES;
                    case "printer-issue" -> PRINTERS;
                    case "disk-space-alert", "job-failure" -> HOSTS;
                    case "none" -> List.of("building A", "room 4.12", "the open space", "the third floor");
                    default -> SYSTEMS;
                };
                String subject = problem.subjects().get(random.nextInt(problem.subjects().size()));
                String body = problem.bodies().get(random.nextInt(problem.bodies().size()))
                        .formatted(fillers.get(random.nextInt(fillers.size())));
                String ticketId = "T" + (++id);
                tickets.add(new TicketText(ticketId, subject + "\n" + body, problem.group()));
                runbookById.put(ticketId, problem.runbook());
            }
        }
    }

    /** Trains a model on these tickets (with the runbook head unless {@code withRunbooks} is false) into {@code dir}. */
    public Path trainInto(Path dir, boolean withRunbooks) {
        TriageModel.train(tickets, withRunbooks ? runbookById : null, List.of(), null,
                TriageModel.Settings.of("Assignment group", List.of("Short description", "Description")),
                "synthetic-" + tickets.size() + (withRunbooks ? "-runbooks" : ""), null).save(dir);
        return dir;
    }
}
