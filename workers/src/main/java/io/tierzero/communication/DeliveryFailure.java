package io.tierzero.communication;

/** A channel did not take a message: either worth trying again later (retryable) or refused for good. */
class DeliveryFailure extends Exception {

    private final boolean retryable;

    private DeliveryFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    static DeliveryFailure retryable(String message, Throwable cause) {
        return new DeliveryFailure(message, true, cause);
    }

    static DeliveryFailure refused(String message, Throwable cause) {
        return new DeliveryFailure(message, false, cause);
    }

    boolean retryable() {
        return retryable;
    }
}
