package io.tierzero.communication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.stereotype.Component;

/**
 * Posts JSON to chat incoming webhooks. A 4xx answer (but 429, too many requests) means the webhook will never
 * take this message: it is refused; 429, 5xx and no answer are worth another attempt.
 */
@Component
class ChatWebhooks {

    private final HttpClient http;
    private final ObjectMapper json;
    private final CommunicationProperties properties;

    ChatWebhooks(ObjectMapper json, CommunicationProperties properties) {
        this.http = HttpClient.newBuilder().connectTimeout(properties.webhookTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.json = json;
        this.properties = properties;
    }

    void post(String webhookUrl, Object payload) throws DeliveryFailure {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(webhookUrl)).timeout(properties.webhookTimeout())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(payload))).build();
        } catch (IllegalArgumentException | JsonProcessingException e) {
            throw DeliveryFailure.refused("Not a usable webhook: " + e.getMessage(), e);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw DeliveryFailure.retryable("Webhook not reachable: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw DeliveryFailure.retryable("Interrupted while posting to the webhook", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String reason = "Webhook answered HTTP " + status + ": " + abbreviate(response.body());
        throw status == 429 || status >= 500 ? DeliveryFailure.retryable(reason, null) : DeliveryFailure.refused(reason, null);
    }

    private static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "...";
    }
}
