package io.tierzero.embedded;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Starts the server processes of the embedded mode. PostgreSQL and OpenSearch refuse to run as root, so when this JVM
 * is root they run as the unprivileged service user (uid/gid 65534). Every child is started through {@code setpriv},
 * which also sets PR_SET_PDEATHSIG: the kernel signals the child when this JVM dies, even by SIGKILL, so no server
 * outlives it.
 */
final class ChildProcesses {

    private static final int SERVICE_USER = 65534;

    private static final boolean ROOT = currentUid() == 0;

    // The kernel sends the parent-death signal when the *thread* that forked the child ends, so long-running children
    // are forked from this thread, which lives as long as the JVM.
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("tierzero-spawner").daemon().factory());

    private ChildProcesses() {
    }

    static boolean runningAsRoot() {
        return ROOT;
    }

    /** Starts a long-running server; its output is appended to {@code log}. */
    static Process start(List<String> command, Path workDir, Map<String, String> env, Path log, String deathSignal) {
        ProcessBuilder builder = builder(command, workDir, env, log, deathSignal);
        try {
            return SPAWNER.submit(builder::start).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot start " + command.getFirst(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting " + command.getFirst(), e);
        }
    }

    /** Runs a command to completion; its output is appended to {@code log} and quoted if it fails. */
    static void run(List<String> command, Path workDir, Map<String, String> env, Path log) {
        try {
            Process process = builder(command, workDir, env, log, "KILL").start();
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(command.getFirst() + " did not finish within 5 minutes; see " + log);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(command.getFirst() + " failed with exit code " + process.exitValue()
                        + "; end of " + log + ":\n" + tail(log));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + command.getFirst(), e);
        }
    }

    /**
     * When root, gives {@code path} and everything below it to the service user, and checks that the service user can
     * reach it (every parent folder must be traversable by others, which is not the case under /root).
     */
    static void giveToServiceUser(Path path, Path log) {
        if (!ROOT) {
            return;
        }
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        try (Stream<Path> files = Files.walk(path)) {
            var user = users.lookupPrincipalByName(Integer.toString(SERVICE_USER));
            var group = users.lookupPrincipalByGroupName(Integer.toString(SERVICE_USER));
            for (Path file : (Iterable<Path>) files::iterator) {
                var view = Files.getFileAttributeView(file, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS);
                view.setOwner(user);
                view.setGroup(group);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            run(List.of("test", "-w", path.toString()), path.getParent(), Map.of(), log);
        } catch (IllegalStateException e) {
            throw new IllegalStateException("The service user (uid " + SERVICE_USER + ") cannot write to " + path
                    + ": make its parent folders traversable (o+x) or choose another tierzero.data-dir", e);
        }
    }

    /** The last lines of a log, to explain a failure. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static ProcessBuilder builder(List<String> command, Path workDir, Map<String, String> env, Path log,
            String deathSignal) {
        List<String> full = new ArrayList<>(List.of("setpriv", "--pdeathsig", deathSignal));
        if (ROOT) {
            full.addAll(List.of("--reuid=" + SERVICE_USER, "--regid=" + SERVICE_USER, "--clear-groups"));
        }
        full.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workDir.toFile())
                .redirectInput(Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        return builder;
    }

    private static int currentUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
