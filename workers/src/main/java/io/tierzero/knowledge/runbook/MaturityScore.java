package io.tierzero.knowledge.runbook;

import java.util.List;

/** How mature a runbook is, each dimension from 0 to 1, with what to improve. */
public record MaturityScore(String runbookId, double completeness, double currency, double structure, double clarity,
                            List<String> findings) {

    public double overall() {
        return (completeness + currency + structure + clarity) / 4;
    }
}
