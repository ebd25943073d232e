package io.tierzero.selfheal;

import java.util.Arrays;
import java.util.List;

/** A file on a host, as {@code find -printf '%s %p\0'} lists it: NUL-separated, so any file name parses. */
record RemoteFile(long bytes, String path) {

    static List<RemoteFile> parse(CommandOutput output) {
        return Arrays.stream(output.stdout().split("\0"))
                .filter(entry -> entry.indexOf(' ') > 0)
                .map(entry -> new RemoteFile(Long.parseLong(entry.substring(0, entry.indexOf(' '))),
                        entry.substring(entry.indexOf(' ') + 1)))
                .toList();
    }
}
