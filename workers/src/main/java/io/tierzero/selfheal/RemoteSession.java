package io.tierzero.selfheal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.session.ClientSession;

/** A signed-in SSH session on one host: runs allow-listed commands, one at a time. */
public class RemoteSession implements AutoCloseable {

    private final ClientSession session;
    private final String host;
    private final Duration commandTimeout;

    RemoteSession(ClientSession session, String host, Duration commandTimeout) {
        this.session = session;
        this.host = host;
        this.commandTimeout = commandTimeout;
    }

    public CommandOutput run(RemoteCommand command) {
        return run(command, commandTimeout);
    }

    public CommandOutput run(RemoteCommand command, Duration timeout) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ChannelExec channel = session.createExecChannel(command.line())) {
            channel.setOut(out);
            channel.setErr(err);
            channel.open().verify(timeout);
            Set<ClientChannelEvent> events = channel.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
            if (events.contains(ClientChannelEvent.TIMEOUT) || channel.getExitStatus() == null) {
                throw new RemoteHostException(command.command().id() + " on " + host + " did not finish within "
                        + timeout);
            }
            return new CommandOutput(channel.getExitStatus(), out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new RemoteHostException(command.command().id() + " on " + host + " failed: " + e.getMessage(), e);
        }
    }

    /** Closes gracefully in the background: what the commands did is known by now. */
    @Override
    public void close() {
        session.close(false);
    }
}
