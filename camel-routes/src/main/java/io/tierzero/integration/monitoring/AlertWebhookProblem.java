package io.tierzero.integration.monitoring;

/** A webhook delivery refused before its body is read: unknown tenant (404) or missing or wrong token (401). */
public class AlertWebhookProblem extends RuntimeException {

    private final int status;
    private final String title;

    AlertWebhookProblem(int status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }
}
