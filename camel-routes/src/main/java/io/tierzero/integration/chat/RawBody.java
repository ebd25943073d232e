package io.tierzero.integration.chat;

import org.apache.camel.Exchange;

final class RawBody {

    private RawBody() {
    }

    /** The body as the chat tool sent it, kept as bytes: its signature is over exactly these. */
    static byte[] of(Exchange exchange) {
        byte[] body = exchange.getMessage().getBody(byte[].class);
        exchange.getMessage().setBody(body);
        return body == null ? new byte[0] : body;
    }
}
