/**
 * The chat bots: Slack's slash command and Teams' outgoing webhook, verified by their signatures and translated to
 * {@link io.tierzero.integration.ChatCommand} for the {@link io.tierzero.integration.ChatDesk}.
 */
package io.tierzero.integration.chat;
