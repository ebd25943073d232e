package io.tierzero.identity;

import io.tierzero.communication.RequesterChannels;
import io.tierzero.remediation.PlaybookRefusedException;
import io.tierzero.ticket.Ticket;
import org.springframework.stereotype.Component;

/** The preconditions identity playbooks share: an active account, a verified channel, an enrolled second factor. */
@Component
public class IdentityChecks {

    private final Directories directories;
    private final RequesterChannels channels;
    private final SecondFactors secondFactors;

    public IdentityChecks(Directories directories, RequesterChannels channels, SecondFactors secondFactors) {
        this.directories = directories;
        this.channels = channels;
        this.secondFactors = secondFactors;
    }

    public Directory directoryOf(Ticket ticket) {
        return directories.of(ticket.tenantId()).orElseThrow(() -> new PlaybookRefusedException(
                "No directory is connected for tenant " + ticket.tenantId()));
    }

    public DirectoryAccount account(Ticket ticket) {
        try {
            return directoryOf(ticket).findAccount(ticket.requesterId()).orElseThrow(() -> new PlaybookRefusedException(
                    "The directory has no account " + ticket.requesterId()));
        } catch (DirectoryUnavailableException e) {
            throw new PlaybookRefusedException("The directory is unavailable: " + e.getMessage());
        }
    }

    public DirectoryAccount activeAccount(Ticket ticket) {
        DirectoryAccount account = account(ticket);
        if (account.disabled()) {
            throw new PlaybookRefusedException("The account " + account.username() + " is disabled");
        }
        return account;
    }

    public boolean isMember(Ticket ticket, DirectoryAccount account, String groupDn) {
        try {
            return directoryOf(ticket).isMember(account, groupDn);
        } catch (DirectoryUnavailableException e) {
            throw new PlaybookRefusedException("The directory is unavailable: " + e.getMessage());
        }
    }

    public String verifiedEmail(Ticket ticket) {
        return channels.verifiedEmail(ticket.tenantId(), ticket.requesterId()).orElseThrow(() ->
                new PlaybookRefusedException("The requester has no verified e-mail address registered"));
    }

    public void secondFactorEnrolled(Ticket ticket) {
        if (!secondFactors.isEnrolled(ticket.tenantId(), ticket.requesterId())) {
            throw new PlaybookRefusedException(
                    "The requester has no second factor enrolled: an agent must verify their identity");
        }
    }

    /** a.silva@x.example becomes a***@x.example: enough for the requester to recognise, not to harvest. */
    static String masked(String email) {
        int at = email.indexOf('@');
        return at <= 1 ? "***" + email.substring(Math.max(at, 0)) : email.charAt(0) + "***" + email.substring(at);
    }
}
