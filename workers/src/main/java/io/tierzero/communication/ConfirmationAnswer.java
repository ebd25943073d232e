package io.tierzero.communication;

/** What a requester's own words say to "did this resolve your issue?". */
enum ConfirmationAnswer {
    YES,
    NO,
    /** Neither, or both: not an answer. */
    UNCLEAR
}
