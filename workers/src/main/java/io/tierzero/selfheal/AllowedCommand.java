package io.tierzero.selfheal;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The allow-list: the only commands self-heal runs on a host, as exact templates for a POSIX shell on Linux with
 * GNU tools. Every argument is checked against its kind and single-quoted before it is put in; anything else is
 * refused before a connection is opened.
 */
public enum AllowedCommand {
    DISK_USAGE("disk-usage", "df -P -- {path}"),
    TOP_CONSUMERS("top-consumers", "du -xk -d 2 -- {path} 2>/dev/null | sort -n | tail -n 20"),
    LIST_OLD_FILES("list-old-files", "find {path} -xdev -type f -name {pattern} -mtime +{days} -printf '%s %p\\0'"),
    LIST_FILES("list-files", "mkdir -p -- {path} && find {path} -type f -printf '%s %p\\0'"),
    MOVE_FILE("move-file", "mkdir -p -- {targetDirectory} && mv -n -- {file} {target}"),
    REMOVE_EMPTY_DIRECTORIES("remove-empty-directories", "find {path} -depth -type d -empty -delete"),
    PURGE_DIRECTORY("purge-directory", "rm -rf -- {path}"),
    RERUN_CRON_JOB("cron-wrapper", "{wrapper} {job} {runId}"),
    RERUN_CONTROL_M_JOB("control-m", "ctm run job::rerun {runId}"),
    RERUN_AUTOSYS_JOB("autosys", "sendevent -E FORCE_STARTJOB -J {job}");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Set<AllowedCommand> RERUNS = Set.of(RERUN_CRON_JOB, RERUN_CONTROL_M_JOB, RERUN_AUTOSYS_JOB);
    private static final Map<String, Pattern> ARGUMENT_KINDS = Map.of(
            "path", Pattern.compile("/[^\\p{Cntrl}]{0,1023}"),
            "pattern", Pattern.compile("[A-Za-z0-9._*?\\[\\]-]{1,64}"),
            "days", Pattern.compile("[0-9]{1,4}"),
            "name", Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0,127}"));
    private static final Map<String, String> KIND_OF_ARGUMENT = Map.of("path", "path", "targetDirectory", "path",
            "file", "path", "target", "path", "wrapper", "path", "pattern", "pattern", "days", "days", "job", "name",
            "runId", "name");

    private final String id;
    private final String template;

    AllowedCommand(String id, String template) {
        this.id = id;
        this.template = template;
    }

    public String id() {
        return id;
    }

    /** The rerun command a job register entry names; a name that is not on the allow-list is refused. */
    public static AllowedCommand rerun(String id) {
        return RERUNS.stream().filter(command -> command.id.equals(id)).findFirst()
                .orElseThrow(() -> new CommandNotAllowedException("'" + id + "' is not an allow-listed rerun command ("
                        + String.join(", ", RERUNS.stream().map(AllowedCommand::id).sorted().toList()) + ")"));
    }

    /** The names of the template's arguments. */
    public Set<String> arguments() {
        Set<String> names = new LinkedHashSet<>();
        PLACEHOLDER.matcher(template).results().forEach(result -> names.add(result.group(1)));
        return names;
    }

    /** The command line with these arguments, each checked and quoted; exactly the template's arguments. */
    public RemoteCommand with(Map<String, String> arguments) {
        Set<String> expected = arguments();
        if (!expected.equals(arguments.keySet())) {
            throw new CommandNotAllowedException(id + " takes " + expected + ", not " + arguments.keySet());
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder line = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            matcher.appendReplacement(line, Matcher.quoteReplacement(quote(checked(name, arguments.get(name)))));
        }
        matcher.appendTail(line);
        return new RemoteCommand(this, line.toString());
    }

    private String checked(String argument, String value) {
        String kind = KIND_OF_ARGUMENT.get(argument);
        boolean valid = value != null && ARGUMENT_KINDS.get(kind).matcher(value).matches()
                && !(kind.equals("path") && (isNotNormal(value) || depth(value) < minimumDepth()));
        if (!valid) {
            throw new CommandNotAllowedException("Argument " + argument + " of " + id + " is not a valid " + kind + ": "
                    + value);
        }
        return value;
    }

    // a purge never reaches a top-level folder, and no command takes the root
    private int minimumDepth() {
        return this == PURGE_DIRECTORY ? 2 : 1;
    }

    private static long depth(String path) {
        return path.chars().filter(c -> c == '/').count() - (path.equals("/") ? 1 : 0);
    }

    // "..", "." and empty segments would let a checked prefix point elsewhere
    private static boolean isNotNormal(String path) {
        return path.length() > 1 && Arrays.stream(path.substring(1).split("/", -1))
                .anyMatch(segment -> segment.isEmpty() || segment.equals(".") || segment.equals(".."));
    }

    private static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
