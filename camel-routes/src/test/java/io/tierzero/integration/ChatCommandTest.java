package io.tierzero.integration;

import static org.assertj.core.api.Assertions.assertThat;

import io.tierzero.integration.ChatCommand.Action;
import org.junit.jupiter.api.Test;

class ChatCommandTest {

    @Test
    void theFirstWordIsTheActionAndTheRestItsArgument() {
        ChatCommand opening = ChatCommand.of("demo", ChatPlatform.SLACK, "U1", "rita", "  NEW  My laptop\nwill not start ",
                "slack/t-1");
        ChatCommand status = ChatCommand.of("demo", ChatPlatform.TEAMS, "aad-1", null, "status DEMO-000042", "teams/1");
        ChatCommand other = ChatCommand.of("demo", ChatPlatform.SLACK, "U1", "rita", "hello there", "slack/t-2");

        assertThat(opening.action()).isEqualTo(Action.NEW);
        assertThat(opening.argument()).isEqualTo("My laptop\nwill not start");
        assertThat(opening.requesterId()).isEqualTo("slack:U1");
        assertThat(status.action()).isEqualTo(Action.STATUS);
        assertThat(status.argument()).isEqualTo("DEMO-000042");
        assertThat(status.requesterId()).isEqualTo("teams:aad-1");
        assertThat(other.action()).isEqualTo(Action.HELP);
        assertThat(ChatCommand.of("demo", ChatPlatform.SLACK, "U1", null, null, "slack/t-3").action())
                .isEqualTo(Action.HELP);
    }
}
