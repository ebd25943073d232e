package io.tierzero.integration.http;

/**
 * A push or webhook from a connected system that TierZero does not take; answered as an RFC 9457 problem
 * detail with {@code status}.
 */
public class InboundRequestRefused extends RuntimeException {

    private final int status;
    private final String title;

    public InboundRequestRefused(int status, String title, String detail) {
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

    public String detail() {
        return getMessage();
    }

    public static InboundRequestRefused unknownConnection(String tenant, String name) {
        return new InboundRequestRefused(404, "Unknown connection",
                "tenant " + tenant + " has no connection named " + name + " of this type");
    }

    public static InboundRequestRefused unauthenticated(String detail) {
        return new InboundRequestRefused(401, "Not authenticated", detail);
    }

    public static InboundRequestRefused unreadable(String detail) {
        return new InboundRequestRefused(400, "Unreadable body", detail);
    }
}
