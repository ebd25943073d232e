package io.tierzero.communication;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How a message reaches the requester: e-mail, or a chat incoming webhook (Slack, Microsoft Teams). */
public enum ChannelKind {
    EMAIL, SLACK, TEAMS;

    @JsonValue
    public String value() {
        return name().toLowerCase();
    }

    public static ChannelKind of(String value) {
        return Arrays.stream(values()).filter(kind -> kind.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown channel kind '" + value + "': use one of "
                        + Arrays.stream(values()).map(ChannelKind::value).collect(Collectors.joining(", ")) + "."));
    }
}
