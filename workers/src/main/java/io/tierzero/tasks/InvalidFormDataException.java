package io.tierzero.tasks;

import java.util.Map;

/** Form data that does not satisfy the task's form: field key -> what is wrong. */
public class InvalidFormDataException extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidFormDataException(Map<String, String> fieldErrors) {
        super("The form data is not valid for this task.");
        this.fieldErrors = fieldErrors;
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }
}
