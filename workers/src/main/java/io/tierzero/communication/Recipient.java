package io.tierzero.communication;

import java.net.URI;

/** Where a message goes: an e-mail address, or the incoming webhook URL of a chat channel. */
public record Recipient(ChannelKind kind, String address) {

    /**
     * The recipient as the audit trail and the outbox API show it. A webhook URL is a credential (whoever has it
     * can post to the channel), so only its host is shown.
     */
    public String describe() {
        if (kind == ChannelKind.EMAIL) {
            return address;
        }
        return kind.value() + " webhook at " + URI.create(address).getHost();
    }
}
