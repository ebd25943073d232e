package io.tierzero.escalation;

import java.util.List;
import java.util.stream.Collectors;

/** The escalation package as Markdown, for the agent's task form (a text component renders it). */
public final class EscalationBriefing {

    private EscalationBriefing() {
    }

    public static String markdown(EscalationPackage p) {
        StringBuilder md = new StringBuilder();
        md.append("## Briefing for ").append(p.referenceNumber()).append('\n');
        md.append("**Requester:** ").append(p.requester().name() == null ? p.requester().id() : p.requester().name())
                .append(" (").append(p.requester().id()).append(", via ").append(p.requester().channel()).append(")\n\n");
        md.append("**Priority ").append(p.priority().priority()).append("**: ").append(p.priority().issueType())
                .append(", category ").append(p.priority().category()).append(", client tier ")
                .append(p.priority().clientTier()).append(", impact ").append(p.priority().impact()).append(", urgency ")
                .append(p.priority().urgency()).append(". Response due ").append(p.responseDueAt())
                .append(", resolution due ").append(p.resolutionDueAt()).append(".\n\n");
        md.append("### What automation tried\n");
        if (p.automation().isEmpty()) {
            md.append("Nothing: the request came straight to people.\n");
        }
        p.automation().forEach(a -> md.append("- ").append(a.playbookId()).append(' ').append(a.playbookVersion())
                .append(" (").append(a.mode()).append("): **").append(a.state()).append("**: ").append(a.summary())
                .append(a.requesterConfirmed() == null ? "" : a.requesterConfirmed()
                        ? ". The requester confirmed it resolved the issue." : ". The requester said it did not.")
                .append('\n'));
        md.append("\n### Conversation\n");
        p.conversation().forEach(c -> md.append("- ").append(c.at()).append(", ").append(c.who()).append(": ")
                .append(oneLine(c.what())).append('\n'));
        md.append("\n### Requester's devices\n");
        if (p.systemProfile().isEmpty()) {
            md.append("None registered.\n");
        }
        p.systemProfile().forEach(d -> md.append("- ").append(d.name()).append(" (").append(d.kind()).append(", ")
                .append(d.model()).append(d.os() == null ? "" : ", " + d.os()).append(")")
                .append(d.software().isEmpty() ? "" : ": " + String.join(", ", d.software())).append('\n'));
        if (!p.recentChanges().isEmpty()) {
            md.append("\nRecent changes:\n");
            p.recentChanges().forEach(c -> md.append("- ").append(c.at()).append(' ').append(c.ciId()).append(' ')
                    .append(c.changeRef() == null ? "" : c.changeRef() + " ").append(c.summary()).append('\n'));
        }
        md.append("\n### Similar resolved tickets\n");
        if (p.similarTicketsNote() != null) {
            md.append(p.similarTicketsNote()).append(".\n");
        }
        p.similarTickets().forEach(t -> md.append("- ").append(t.ticketId()).append(" (").append(t.resolvedByGroup())
                .append(t.runbookId() == null ? "" : ", runbook " + t.runbookId()).append("): ")
                .append(oneLine(t.resolutionNotes())).append('\n'));
        md.append("\n### Suggested resolution\n");
        if (p.suggestedResolution() == null) {
            md.append("No runbook matched.\n");
        } else {
            md.append("Runbook **").append(p.suggestedResolution().title()).append("** (")
                    .append(p.suggestedResolution().runbookId()).append(")\n\n").append(p.suggestedResolution().steps())
                    .append('\n');
        }
        return md.toString();
    }

    private static String oneLine(String text) {
        return text == null ? "" : List.of(text.split("\\R")).stream().map(String::strip).collect(Collectors.joining(" "));
    }
}
