package io.tierzero.support;

/** Request bodies as a portal or an integration would send them. */
public final class Requests {

    private Requests() {
    }

    public static String passwordReset(String subject) {
        return """
                {"channel": "portal",
                 "requester": {"id": "ana.silva", "name": "Ana Silva", "email": "ana.silva@demo.example"},
                 "subject": "%s",
                 "body": "I forgot my password after the holidays and cannot log in to Outlook.",
                 "impact": "low", "urgency": "high", "category": "identity",
                 "entities": [{"type": "user", "value": "ana.silva", "confidence": 0.9}]}""".formatted(subject);
    }
}
