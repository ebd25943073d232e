package io.tierzero.access;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tierzero.support.EmbeddedStackTest;
import io.tierzero.support.TestAccounts;
import io.tierzero.support.TestIdentityProvider;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

class AccessTest extends EmbeddedStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;

    @Test
    void theApiAnswersOnlyASignedInPersonAndSaysWhy() {
        ResponseEntity<JsonNode> anonymousCall = anonymous.getForEntity("/api/tenants/demo/tasks", JsonNode.class);
        assertThat(anonymousCall.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(anonymousCall.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymousCall.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).isEqualTo("Basic realm=\"TierZero\"");
        assertThat(anonymousCall.getBody().path("detail").asText()).contains("HTTP Basic", "bearer token");
        assertThat(anonymous.withBasicAuth("agent.rita", "wrong").getForEntity("/api/tenants/demo/tasks", JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

        assertThat(anonymous.getForEntity("/actuator/health", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(anonymous.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void eachRoleOpensItsPartOfTheApiForItsTenantsOnly() {
        var agent = anonymous.withBasicAuth("agent.rita", TestAccounts.PASSWORD);
        assertThat(agent.getForEntity("/api/tenants/demo/tasks", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<JsonNode> kpis = agent.getForEntity("/api/tenants/demo/reports/kpis", JsonNode.class);
        assertThat(kpis.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(kpis.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(kpis.getBody().path("detail").asText()).contains("agent.rita", "/api/tenants/demo/reports/kpis");
        assertThat(agent.getForEntity("/api/models", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

        var requester = anonymous.withBasicAuth("demo.requester", TestAccounts.PASSWORD);
        assertThat(requester.getForEntity("/api/tenants/demo/tasks", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode me = requester.getForObject("/api/me", JsonNode.class);
        assertThat(me.path("name").asText()).isEqualTo("demo.requester");
        assertThat(texts(me.path("roles"))).containsExactly("requester");
        assertThat(texts(me.path("tenants"))).containsExactly("demo");

        assertThat(texts(http.getForObject("/api/me", JsonNode.class).path("roles")))
                .containsExactly("requester", "agent", "analyst", "ops", "compliance", "executive");
        // a demo account of the embedded default, with its bcrypt-encoded password
        var executive = anonymous.withBasicAuth("exec.eva", "demo");
        assertThat(executive.getForEntity("/api/tenants/demo/reports/kpis", JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(executive.getForEntity("/api/tenants/demo/audit/verification", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
    }

    @Test
    void anIdentityProvidersAccessTokenGivesTheRolesAndTenantsOfItsClaims() {
        String token = TestIdentityProvider.accessToken("5f0c-idp-subject", Map.of("preferred_username", "carla.audit",
                "roles", List.of("offline_access", "compliance"), "tenants", List.of("demo")));
        assertThat(bearer(token, "/api/tenants/demo/audit/verification").getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(bearer(token, "/api/tenants/" + SLA_TEST_TENANT + "/audit/verification").getStatusCode())
                .as("a tenant not in the token").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(bearer(token, "/api/tenants/demo/tasks").getStatusCode()).as("a role not in the token").isEqualTo(HttpStatus.FORBIDDEN);
        JsonNode me = bearer(token, "/api/me").getBody();
        assertThat(me.path("name").asText()).isEqualTo("carla.audit");
        assertThat(texts(me.path("roles"))).containsExactly("compliance");

        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertThat(bearer(forged, "/api/me").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theConsoleSignsInWithAFormAndItsChangesNeedTheCsrfToken() throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();

        HttpResponse<String> console = browser.send(get("/console/index.html").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(console.statusCode()).isEqualTo(302);
        assertThat(console.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/login"));

        HttpResponse<String> loginPage = browser.send(get("/login").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(loginPage.body()).contains("name=\"username\"", "name=\"password\"", "name=\"_csrf\"");
        HttpResponse<String> signedIn = browser.send(post("/login", csrfToken(cookies), MediaType.APPLICATION_FORM_URLENCODED_VALUE,
                "username=agent.rita&password=" + TestAccounts.PASSWORD + "&_csrf=" + URLEncoder.encode(csrfToken(cookies), StandardCharsets.UTF_8))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).contains("/console/"));
        HttpResponse<String> me = browser.send(get("/api/me").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(me.body()).path("name").asText()).isEqualTo("agent.rita");

        String claim = "/api/tenants/demo/tasks/" + UUID.randomUUID() + "/claim";
        assertThat(browser.send(post(claim, null, MediaType.APPLICATION_JSON_VALUE, "").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("a change without the token, as a forged cross-site request would be").isEqualTo(403);
        assertThat(browser.send(post(claim, csrfToken(cookies), MediaType.APPLICATION_JSON_VALUE, "").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).as("with the token it reaches the task API: no such task").isEqualTo(404);

        browser.send(post("/logout", csrfToken(cookies), MediaType.APPLICATION_FORM_URLENCODED_VALUE, "").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(browser.send(get("/api/me").header("X-Requested-With", "XMLHttpRequest").build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(401);
    }

    private ResponseEntity<JsonNode> bearer(String token, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return anonymous.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
    }

    private HttpRequest.Builder get(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
    }

    private HttpRequest.Builder post(String path, String csrfToken, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        return csrfToken == null ? request : request.header("X-XSRF-TOKEN", csrfToken);
    }

    private static String csrfToken(CookieManager cookies) {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElseThrow();
    }

    private static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
