package io.tierzero.communication;

public class UnknownTemplateException extends RuntimeException {

    public UnknownTemplateException(String templateId) {
        super("There is no message template '" + templateId + "'.");
    }
}
