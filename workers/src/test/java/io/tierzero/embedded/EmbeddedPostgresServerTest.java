package io.tierzero.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDir;

    private final List<EmbeddedPostgresServer> servers = new ArrayList<>();
    private int port;

    @BeforeEach
    void setUp() throws IOException {
        // as root the server runs as uid 65534, which must be able to enter the temporary folder
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwxr-xr-x"));
        port = freePort();
    }

    @AfterEach
    void stopServers() {
        servers.reversed().forEach(EmbeddedPostgresServer::stop);
    }

    @Test
    void startsPostgres17AndKeepsDataAcrossRestarts() throws SQLException {
        EmbeddedPostgresServer first = start();
        assertThat(first.isOwner()).isTrue();
        assertThat(first.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/tierzero");
        try (Connection connection = connect(first)) {
            assertThat(queryString(connection, "select version()")).contains("PostgreSQL 17");
            connection.createStatement().execute("create table ticket (id int primary key, title text)");
            connection.createStatement().execute("insert into ticket values (1, 'Printer on fire')");
        }
        ProcessHandle postmaster = first.processHandle();
        first.stop();
        assertThat(postmaster.isAlive()).isFalse();
        assertThat(dataDir.resolve("postgres/data/postmaster.pid")).doesNotExist();

        EmbeddedPostgresServer second = start();
        assertThat(second.isOwner()).isTrue();
        try (Connection connection = connect(second)) {
            assertThat(queryString(connection, "select title from ticket where id = 1")).isEqualTo("Printer on fire");
        }
    }

    @Test
    void reusesTheServerAlreadyRunningOnTheSameData() throws SQLException {
        EmbeddedPostgresServer first = start();
        EmbeddedPostgresServer second = start();

        assertThat(second.isOwner()).isFalse();
        assertThat(second.jdbcUrl()).isEqualTo(first.jdbcUrl());
        try (Connection connection = connect(second)) {
            assertThat(queryString(connection, "select current_database()")).isEqualTo("tierzero");
        }
        second.stop();
        try (Connection connection = connect(first)) {
            assertThat(queryString(connection, "select 'still up'")).isEqualTo("still up");
        }
    }

    @Test
    void startsAfterTheServerWasKilled() throws Exception {
        EmbeddedPostgresServer first = start();
        ProcessHandle postmaster = first.processHandle();
        postmaster.destroyForcibly();
        postmaster.onExit().get();
        assertThat(dataDir.resolve("postgres/data/postmaster.pid")).exists();

        EmbeddedPostgresServer second = start();
        assertThat(second.isOwner()).isTrue();
        try (Connection connection = connect(second)) {
            assertThat(queryString(connection, "select 1")).isEqualTo("1");
        }
    }

    @Test
    void startsWhenThePidOfAKilledServerNowBelongsToAnotherProgram() throws Exception {
        start().stop();
        // of the server's user: PostgreSQL takes any live process of its own user for the server of the lock file
        List<String> sleep = ChildProcesses.runningAsRoot()
                ? List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "sleep", "60")
                : List.of("sleep", "60");
        Process other = new ProcessBuilder(sleep).start();
        try {
            Path lockFile = dataDir.resolve("postgres/data/postmaster.pid");
            Files.writeString(lockFile, other.pid() + "\n" + dataDir.resolve("postgres/data") + "\n0\n" + port + "\n");

            EmbeddedPostgresServer server = start();
            assertThat(server.isOwner()).isTrue();
            assertThat(Files.readAllLines(lockFile).getFirst()).isEqualTo(Long.toString(server.processHandle().pid()));
        } finally {
            other.destroyForcibly();
        }
    }

    private EmbeddedPostgresServer start() {
        EmbeddedPostgresServer server = new EmbeddedPostgresServer(dataDir.resolve("postgres"), port);
        servers.add(server);
        server.registerShutdownHook();
        server.start();
        return server;
    }

    private static Connection connect(EmbeddedPostgresServer server) throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
    }

    private static String queryString(Connection connection, String sql) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            assertThat(result.next()).isTrue();
            return result.getString(1);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
