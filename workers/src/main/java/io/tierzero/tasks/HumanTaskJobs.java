package io.tierzero.tasks;

import java.util.Map;

/** The engine side of a human task: completing its job moves the lifecycle on. */
public interface HumanTaskJobs {

    /** Completes the job; returns false if the engine no longer has it (the step was interrupted). */
    boolean complete(long jobKey, Map<String, Object> variables);
}
