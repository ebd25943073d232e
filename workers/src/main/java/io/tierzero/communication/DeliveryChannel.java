package io.tierzero.communication;

/** Delivers messages of one channel kind. */
interface DeliveryChannel {

    ChannelKind kind();

    void deliver(OutboundMessage message) throws DeliveryFailure;
}
