package io.tierzero.integration.chat;

import io.tierzero.integration.ChatDesk;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/**
 * The chat bots' endpoints, /integrations/tenants/{tenant}/chat/slack and .../teams: a request proves it comes
 * from the chat tool, becomes a command, and the desk's answer goes back in the tool's format.
 */
@Component
class ChatBotRoutes extends RouteBuilder {

    private final SlackCommands slack;
    private final TeamsMessages teams;
    private final ChatProblems problems;
    private final ChatDesk desk;

    ChatBotRoutes(SlackCommands slack, TeamsMessages teams, ChatProblems problems, ChatDesk desk) {
        this.slack = slack;
        this.teams = teams;
        this.problems = problems;
        this.desk = desk;
    }

    @Override
    public void configure() {
        onException(UnverifiedChatRequestException.class).handled(true).process(problems::unverified);
        onException(InvalidChatRequestException.class).handled(true).process(problems::invalid);
        onException(Exception.class).handled(true).logHandled(true).logStackTrace(true).process(problems::failed);

        rest("/tenants/{tenant}/chat")
                .post("/slack").consumes("application/x-www-form-urlencoded").produces("application/json")
                .to("direct:slack-command")
                .post("/teams").consumes("application/json").produces("application/json")
                .to("direct:teams-message");

        from("direct:slack-command").routeId("slack-command")
                .process(slack::verifySignature)
                .process(slack::readCommand)
                .bean(desk, "answer")
                .process(slack::writeAnswer);

        from("direct:teams-message").routeId("teams-message")
                .process(teams::verifySignature)
                .process(teams::readCommand)
                .bean(desk, "answer")
                .process(teams::writeAnswer);
    }
}
