package io.tierzero.support;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

/** A chat incoming webhook on 127.0.0.1: records what is posted and answers with the given statuses, then 200. */
public final class WebhookReceiver implements AutoCloseable {

    private final HttpServer server;
    private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
    private final List<String> received = new CopyOnWriteArrayList<>();

    public WebhookReceiver(Integer... firstStatuses) {
        statuses.addAll(List.of(firstStatuses));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/hook", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Integer status = statuses.poll();
            byte[] answer = (status == null || status == 200 ? "ok" : "error " + status).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status == null ? 200 : status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Every body posted so far, including those answered with an error. */
    public List<String> received() {
        return List.copyOf(received);
    }

    /** From now on, answers with these statuses first. */
    public void answerWith(Integer... nextStatuses) {
        statuses.addAll(List.of(nextStatuses));
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
