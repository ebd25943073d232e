package io.tierzero.selfheal;

import java.util.List;

/** A volume's usage as {@code df -P} reports it. */
record VolumeUsage(int percent, long usedKb, long availableKb) {

    static VolumeUsage parse(CommandOutput output, String mountpoint) {
        List<String> lines = output.lines();
        if (!output.succeeded() || lines.size() < 2) {
            throw new RemoteHostException("Could not measure " + mountpoint + ": " + output.evidence());
        }
        String[] columns = lines.get(1).trim().split("\\s+");
        try {
            return new VolumeUsage(Integer.parseInt(columns[4].replace("%", "")), Long.parseLong(columns[2]),
                    Long.parseLong(columns[3]));
        } catch (RuntimeException e) {
            throw new RemoteHostException("Unexpected df output for " + mountpoint + ": " + lines.get(1), e);
        }
    }

    @Override
    public String toString() {
        return percent + "% used, " + readable(availableKb) + " free";
    }

    static String readable(long kb) {
        if (kb >= 10L * 1024 * 1024) {
            return kb / (1024 * 1024) + " GB";
        }
        return kb >= 10L * 1024 ? kb / 1024 + " MB" : kb + " KB";
    }
}
