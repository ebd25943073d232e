package io.tierzero.remediation;

import static io.tierzero.support.ModelDrivenApp.event;
import static io.tierzero.support.ModelDrivenApp.payload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tierzero.audit.ActionSignatures;
import io.tierzero.audit.ActionSignatures.SignedAction;
import io.tierzero.identity.DirectoryAccount;
import io.tierzero.identity.EmbeddedDirectoryServer;
import io.tierzero.identity.LdapDirectory;
import io.tierzero.identity.SecondFactors;
import io.tierzero.support.Mailbox;
import io.tierzero.support.Mailbox.Mail;
import io.tierzero.support.ModelDrivenApp;
import io.tierzero.support.SyntheticTickets;
import io.tierzero.support.TestAccounts;
import io.tierzero.support.TicketApi;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * Tier-1 automation on the embedded stack: a trained model decides, the playbooks act on the embedded LDAP
 * directory, and every way it can go wrong ends with a person and a complete record.
 */
class TierOneAutomationTest {

    @TempDir
    static Path models;

    private static ModelDrivenApp app;
    private static TicketApi api;

    @BeforeAll
    static void startTheAppWithAModel() {
        app = new ModelDrivenApp(Map.of());
        app.useModel(new SyntheticTickets(20, 7).trainInto(models.resolve("model"), true));
        api = app.api();
    }

    @AfterAll
    static void stopTheApp() {
        if (app != null) {
            app.close();
        }
    }

    @AfterEach
    void automationBackOnAndLive() {
        setControls(true, "live");
    }

    @Test
    void aLockedOutRequesterIsUnlockedInTheDirectoryAndTheTicketClosesOnTheirYes() {
        resetDirectoryLock("maria.costa");
        JsonNode before = unlockStatistics();
        String ticketId = api.submit(request("maria.costa", "Account locked",
                "Windows says my account is locked out after too many attempts, please unlock it."));

        JsonNode view = api.awaitTicket(ticketId, TierOneAutomationTest::hasConfirmationRequest);
        assertThat(app.automationDecision(view)).isEqualTo("automate");
        assertThat(account("maria.costa").locked()).isFalse();
        JsonNode executed = payload(view, "remediation.playbook-succeeded");
        assertThat(executed.path("playbookId").asText()).isEqualTo("account-unlock");
        assertThat(event(view, "remediation.playbook-succeeded").path("actorKind").asText()).isEqualTo("automation");
        assertThat(app.bean(ActionSignatures.class).verify(signed(ticketId, executed), executed.path("signature").asText()))
                .as("the signature checks out with the public key").isTrue();
        SignedAction genuine = signed(ticketId, executed);
        SignedAction altered = new SignedAction(genuine.tenantId(), genuine.ticketId(), genuine.executionId(),
                genuine.playbookId(), genuine.playbookVersion(), genuine.inputDigest(), "failed", genuine.approvedBy());
        assertThat(app.bean(ActionSignatures.class).verify(altered, executed.path("signature").asText()))
                .as("an altered record does not").isFalse();

        assertThat(api.post("/api/tenants/demo/tickets/" + ticketId + "/confirmation", "{\"resolved\": true}", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        api.awaitState(ticketId, "closed");
        JsonNode after = unlockStatistics();
        assertThat(after.path("succeeded").asLong()).isEqualTo(before.path("succeeded").asLong() + 1);
        assertThat(after.path("confirmedByRequester").asLong()).isEqualTo(before.path("confirmedByRequester").asLong() + 1);
    }

    @Test
    void aForgottenPasswordIsResetByTheRequesterThroughTheMailedLinkAndTheirAuthenticator() {
        String ticketId = api.submit(request("ana.silva", "Forgot my password",
                "I forgot my password and cannot log in to Windows."));
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        String link = linkIn(awaitMail("ana.silva@demo.example", reference, "Reset your password"), "/self-service/password-reset");
        String code = link.substring(link.indexOf("code=") + "code=".length());

        ResponseEntity<String> page = app.http().getForEntity(link, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getBody()).contains("ana.silva", "authenticator");
        assertThat(resetWith(code, "000000", "Lisbon-Spring-2027!").getStatusCode()).as("wrong code").isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(resetWith(code, currentCode(), "short").getStatusCode()).as("weak password")
                .isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        ResponseEntity<String> reset = resetWith(code, currentCode(), "Lisbon-Spring-2027!");
        assertThat(reset.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(reset.getBody()).contains("Your password has been changed");
        assertThat(resetWith(code, currentCode(), "Lisbon-Spring-2027!").getStatusCode()).as("the link works once")
                .isEqualTo(HttpStatus.GONE);
        try (LdapDirectory directory = new LdapDirectory(app.bean(EmbeddedDirectoryServer.class).settings())) {
            assertThat(directory.authenticates(account("ana.silva"), "Lisbon-Spring-2027!")).isTrue();
            assertThat(directory.authenticates(account("ana.silva"), "Summer-2026-Lisbon")).isFalse();
        }

        Mail confirmation = awaitMail("ana.silva@demo.example", reference, "Did this resolve your issue?");
        assertThat(awaitMail("ana.silva@demo.example", reference, "What we did").body())
                .contains("Password of ana.silva reset by the requester", "automated message");
        JsonNode inThePortal = app.http().withBasicAuth("ana.silva", TestAccounts.PASSWORD)
                .getForObject("/api/tenants/demo/my/requests/" + ticketId, JsonNode.class);
        assertThat(inThePortal.path("resolvedByAutomation").asBoolean()).isTrue();
        assertThat(inThePortal.path("awaitingYourAnswer").asBoolean()).isTrue();
        assertThat(inThePortal.path("updates").findValuesAsText("subject")).anyMatch(subject -> subject.contains("What we did"));
        assertThat(inThePortal.path("updates").findValues("automated")).as("automated answers say so").allMatch(JsonNode::asBoolean);
        assertThat(inThePortal.toString()).as("the portal shows no one-time links").doesNotContain("/self-service/");
        String yes = linkIn(confirmation, "/self-service/confirmation");
        assertThat(app.http().getForEntity(yes, String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(post("/self-service/confirmation", Map.of("token", yes.substring(yes.indexOf("token=") + 6)))
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        JsonNode closed = api.awaitState(ticketId, "closed");

        assertThat(TicketApi.actions(closed)).containsSubsequence("communication.queued", "remediation.prepared",
                "remediation.playbook-awaiting-requester", "remediation.playbook-succeeded", "requester.answered",
                "ticket.closed");
        assertThat(event(api.awaitTicket(ticketId, view -> TicketApi.actions(view).contains("knowledge.ticket-not-indexed")),
                "knowledge.ticket-not-indexed").path("reason").asText()).as("this app runs without OpenSearch")
                .contains("cannot be reached");
        JsonNode executed = payload(closed, "remediation.playbook-succeeded");
        assertThat(event(closed, "remediation.playbook-succeeded").path("actorId").asText()).isEqualTo("requester:ana.silva");
        assertThat(app.bean(ActionSignatures.class).verify(signed(ticketId, executed), executed.path("signature").asText())).isTrue();
        JsonNode checks = app.http().getForObject("/api/tenants/demo/audit/signatures?ticketId=" + ticketId, JsonNode.class);
        assertThat(checks.findValuesAsText("action")).containsExactly("remediation.playbook-awaiting-requester",
                "remediation.playbook-succeeded");
        assertThat(checks.findValues("valid")).allMatch(JsonNode::asBoolean);
        assertThat(app.http().getForObject("/api/audit/signing-key", JsonNode.class).path("key").get(0)
                .path("keyData").path("keyMaterialType").asText()).isEqualTo("ASYMMETRIC_PUBLIC");
        assertThat(closed.path("history").toString()).doesNotContain("Lisbon-Spring-2027!");
    }

    @Test
    void threeWrongAuthenticatorCodesVoidTheLinkAndAPersonTakesOverWithTheFullStory() {
        String ticketId = api.submit(request("joao.pereira", "Password expired",
                "My password expired this morning and Windows does not accept it any more."));
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        String link = linkIn(awaitMail("joao.pereira@demo.example", reference, "Reset your password"), "/self-service/password-reset");
        String code = link.substring(link.indexOf("code=") + "code=".length());
        assertThat(resetWith(code, "111111", "Porto-Winter-2027!").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(resetWith(code, "222222", "Porto-Winter-2027!").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> third = resetWith(code, "333333", "Porto-Winter-2027!");
        assertThat(third.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(third.getBody()).contains("could not be verified");

        api.awaitOpenTask(ticketId);
        JsonNode briefing = app.http().getForObject("/api/tenants/demo/tickets/" + ticketId + "/escalation-package",
                JsonNode.class);
        assertThat(briefing.path("automation").get(0).path("summary").asText()).contains("Identity not verified");
        assertThat(resetWith(code, currentCode(), "Porto-Winter-2027!").getStatusCode()).isEqualTo(HttpStatus.GONE);
        try (LdapDirectory directory = new LdapDirectory(app.bean(EmbeddedDirectoryServer.class).settings())) {
            assertThat(directory.authenticates(account("joao.pereira"), "Autumn-2026-Porto")).isTrue();
        }
    }

    @Test
    void aRequesterWhoSaysNoGetsAPersonWithTheAutomatedAttemptInTheBriefing() {
        resetDirectoryLock("maria.costa");
        String ticketId = api.submit(request("maria.costa", "Locked out of my account",
                "I am locked out of Windows since this morning, the account is blocked."));
        api.awaitTicket(ticketId, TierOneAutomationTest::hasConfirmationRequest);
        assertThat(api.post("/api/tenants/demo/tickets/" + ticketId + "/confirmation", "{\"resolved\": false}", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        api.awaitOpenTask(ticketId);
        JsonNode briefing = app.http().getForObject("/api/tenants/demo/tickets/" + ticketId + "/escalation-package",
                JsonNode.class);
        assertThat(briefing.path("automation").get(0).path("state").asText()).isEqualTo("succeeded");
        assertThat(briefing.path("automation").get(0).path("requesterConfirmed").asBoolean(true)).isFalse();
        assertThat(briefing.path("conversation").findValuesAsText("what")).contains("The requester said it is not resolved");
    }

    @Test
    void aVpnProblemGetsTheGuideForTheVpnOfTheRequestersOfficeMarkedAsAnAutomatedAnswer() {
        String ticketId = api.submit(request("ana.silva", "VPN not connecting",
                "The VPN client shows an error when I connect from the hotel."));
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        Mail guide = awaitMail("ana.silva@demo.example", reference, "Automated answer");
        assertThat(guide.subject()).contains("GlobalProtect");
        assertThat(guide.body()).contains("This is an automated answer", "Lisbon head office", "Refresh Connection")
                .doesNotContain("FortiClient");
        api.awaitTicket(ticketId, TierOneAutomationTest::hasConfirmationRequest);

        assertThat(api.post("/api/tenants/demo/tickets/" + ticketId + "/confirmation", "{\"resolved\": false}", Map.of())
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        api.awaitOpenTask(ticketId);
        JsonNode briefing = app.http().getForObject("/api/tenants/demo/tickets/" + ticketId + "/escalation-package",
                JsonNode.class);
        assertThat(briefing.path("automation").get(0).path("summary").asText())
                .contains("vpn-access guide for GlobalProtect at Lisbon head office");
    }

    @Test
    void aPrinterProblemGetsTheGuideForThePrinterAtTheRequestersSite() {
        String ticketId = api.submit(request("joao.pereira", "Printer offline",
                "The printer near reception is offline and my documents do not print."));
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        Mail guide = awaitMail("joao.pereira@demo.example", reference, "Automated answer");
        assertThat(guide.body()).contains("Brother HL-L6400DW", "Porto branch", "automated");
    }

    @Test
    void aRequesterWithANewPhoneReEnrolsTheirAuthenticatorAfterTheLineManagerApproves() {
        String ticketId = api.submit(request("maria.costa", "New phone, authenticator lost",
                "I got a new phone and the authenticator app for Teams is gone, please reset my MFA."));
        approveAsLineManager(ticketId);
        String reference = api.ticket(ticketId).path("ticket").path("referenceNumber").asText();
        String link = linkIn(awaitMail("maria.costa@demo.example", reference, "Set up your authenticator"),
                "/self-service/mfa-enrolment");
        String code = link.substring(link.indexOf("code=") + "code=".length());
        ResponseEntity<String> page = app.http().getForEntity(link, String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        java.util.regex.Matcher shown = java.util.regex.Pattern.compile("data-secret>([A-Z2-7]{32})<").matcher(page.getBody());
        assertThat(shown.find()).isTrue();
        String newSecret = shown.group(1);

        assertThat(post("/self-service/mfa-enrolment", Map.of("code", code, "secret", newSecret,
                "authenticatorCode", "000000")).getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(post("/self-service/mfa-enrolment", Map.of("code", code, "secret", newSecret,
                "authenticatorCode", SecondFactors.currentCode(newSecret, java.time.Instant.now()))).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        SecondFactors factors = app.bean(SecondFactors.class);
        assertThat(factors.verify("demo", "maria.costa", currentCode())).as("the old authenticator").isFalse();
        assertThat(factors.verify("demo", "maria.costa", SecondFactors.currentCode(newSecret, java.time.Instant.now())))
                .as("the new one").isTrue();
        JsonNode view = api.awaitTicket(ticketId, TierOneAutomationTest::hasConfirmationRequest);
        JsonNode executed = payload(view, "remediation.playbook-succeeded");
        assertThat(executed.path("playbookId").asText()).isEqualTo("mfa-reset");
        assertThat(executed.path("approvedBy").asText()).isEqualTo("lena.manager");
        assertThat(view.path("history").toString()).doesNotContain(newSecret);
    }

    @Test
    void theKillSwitchStopsEveryPlaybookAndPeopleTakeOver() {
        setControls(false, "live");
        String ticketId = api.submit(request("ana.silva", "Forgot my password",
                "I forgot my password and cannot log in to Windows."));

        api.awaitOpenTask(ticketId);
        JsonNode view = api.ticket(ticketId);
        assertThat(TicketApi.actions(view)).contains("remediation.stopped-by-kill-switch")
                .doesNotContain("remediation.playbook-awaiting-requester");
        JsonNode changes = app.http().getForObject("/api/tenants/demo/automation", JsonNode.class);
        assertThat(changes.path("enabled").asBoolean()).isFalse();
    }

    @Test
    void aDryRunChecksTheInputsChangesNothingAndHandsTheTicketToAPerson() {
        setControls(true, "dry-run");
        String ticketId = api.submit(request("joao.pereira", "Forgot my password",
                "My password expired this morning and Outlook does not accept it any more."));

        api.awaitOpenTask(ticketId);
        JsonNode view = api.ticket(ticketId);
        JsonNode dryRun = payload(view, "remediation.playbook-dry-run");
        assertThat(dryRun.path("mode").asText()).isEqualTo("dry-run");
        assertThat(dryRun.path("playbookId").asText()).isEqualTo("password-reset");
        assertThat(app.bean(PlaybookExecutions.class).ofTicket(UUID.fromString(ticketId)).orElseThrow().state())
                .isEqualTo("dry-run");
    }

    @Test
    void whenTheDirectoryIsDownThePlaybookFailsSafelyAndAPersonGetsTheTicket() throws Exception {
        EmbeddedDirectoryServer directory = app.bean(EmbeddedDirectoryServer.class);
        directory.stopListening();
        try {
            String ticketId = api.submit(request("ana.silva", "Reset my password please",
                    "Please reset the password of my account, I cannot sign in to Teams."));
            api.awaitOpenTask(ticketId);
            JsonNode view = api.ticket(ticketId);
            assertThat(event(view, "remediation.playbook-failed").path("reason").asText())
                    .contains("The directory is unavailable");
            assertThat(app.bean(PlaybookExecutions.class).ofTicket(UUID.fromString(ticketId)).orElseThrow().state())
                    .isEqualTo("failed");

            JsonNode briefing = app.http().getForObject("/api/tenants/demo/tickets/" + ticketId + "/escalation-package",
                    JsonNode.class);
            assertThat(briefing.path("automation").get(0).path("state").asText()).isEqualTo("failed");
            assertThat(briefing.path("automation").get(0).path("summary").asText()).contains("directory is unavailable");
            assertThat(briefing.path("conversation").get(0).path("what").asText()).contains("Reset my password please");
            assertThat(briefing.path("systemProfile").findValuesAsText("ciId")).containsExactly("LT-0142", "MB-0077");
            assertThat(briefing.path("recentChanges").findValuesAsText("changeRef")).containsExactly("CHG-1041", "CHG-1017");
            assertThat(briefing.path("priority").path("clientTier").asText()).isEqualTo("silver");
            assertThat(briefing.path("suggestedResolution").path("runbookId").asText()).isEqualTo("password-reset");
            assertThat(briefing.path("suggestedResolution").path("steps").asText()).isNotBlank();
            assertThat(briefing.path("similarTicketsNote").asText()).contains("unavailable");
            assertThat(TicketApi.actions(view)).contains("escalation.package-built");
        } finally {
            directory.startListening();
        }
    }

    @Test
    void mailboxAccessWaitsForTheLineManagerWhoIsNeitherTheRequesterNorAutomation() {
        String ticketId = api.submit(request("ana.silva", "Access to the finance mailbox",
                "Please give me access to the finance mailbox, I cover invoices from Lisbon."));
        JsonNode approval = api.awaitOpenTask(ticketId);
        assertThat(approval.path("elementId").asText()).isEqualTo("approve-automated-action");
        assertThat(approval.path("candidateGroup").asText()).isEqualTo("line-manager");

        for (String notAllowed : new String[] {"ana.silva", "tierzero-playbooks"}) {
            assertThat(api.claim(approval, notAllowed).getStatusCode()).isEqualTo(HttpStatus.OK);
            var refused = api.complete(approval, notAllowed, "{\"approvalDecision\": \"approve\"}");
            assertThat(refused.getStatusCode()).as(notAllowed).isEqualTo(HttpStatus.FORBIDDEN);
            assertThat(refused.getBody().path("title").asText()).isEqualTo("Segregation of duties");
            release(approval, notAllowed);
        }
        assertThat(member("ana.silva", "finance-mailbox")).isFalse();

        api.claim(approval, "lena.manager");
        assertThat(api.complete(approval, "lena.manager", "{\"approvalDecision\": \"approve\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
        JsonNode view = api.awaitTicket(ticketId, TierOneAutomationTest::hasConfirmationRequest);
        assertThat(member("ana.silva", "finance-mailbox")).isTrue();
        JsonNode executed = payload(view, "remediation.playbook-succeeded");
        assertThat(executed.path("playbookId").asText()).isEqualTo("mailbox-access");
        assertThat(executed.path("approvedBy").asText()).as("the approver is part of the signed record").isEqualTo("lena.manager");
    }

    @Test
    void sensitiveAccessGoesToTheSecurityTeamAndARefusalLeavesItToPeople() {
        String ticketId = api.submit(request("joao.pereira", "Access to the HR share",
                "I need read and write access to the HR share for the reviews, I work on Windows."));
        JsonNode approval = api.awaitOpenTask(ticketId);
        assertThat(approval.path("candidateGroup").asText()).isEqualTo("security-team");
        api.claim(approval, "sam.security");
        api.complete(approval, "sam.security", "{\"approvalDecision\": \"refuse\", \"approvalComment\": \"HR data: ask HR first\"}");

        JsonNode work = api.awaitTicket(ticketId, ticket -> TicketApi.actions(ticket).contains("escalation.package-built"));
        assertThat(TicketApi.actions(work)).doesNotContain("remediation.playbook-succeeded");
        assertThat(member("joao.pereira", "hr-share")).isFalse();
        JsonNode briefing = app.http().getForObject("/api/tenants/demo/tickets/" + ticketId + "/escalation-package",
                JsonNode.class);
        assertThat(briefing.path("conversation").findValuesAsText("what"))
                .anySatisfy(what -> assertThat(what).contains("approvalDecision: refuse", "HR data: ask HR first"));
    }

    @Test
    void aLicensedRoleTakesASeatAndAnEmptyPoolSendsTheRequestToPeople() {
        LicencePoolsView pool = new LicencePoolsView();
        int freeBefore = pool.free();
        String granted = api.submit(request("joao.pereira", "Power BI licence",
                "Please give me a Power BI licence and the reporting role, I work with SAP."));
        approveAsLineManager(granted);
        api.awaitTicket(granted, TierOneAutomationTest::hasConfirmationRequest);
        assertThat(member("joao.pereira", "power-bi-reporting")).isTrue();
        assertThat(pool.free()).isEqualTo(freeBefore - 1);

        app.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update licence_pools set seats = ? where tenant_id = 'demo' and pool_id = 'power-bi-pro'")
                .param(freeBefore - pool.free()).update();
        String refused = api.submit(request("ana.silva", "Need Power BI access",
                "I need access to Power BI reporting for the monthly figures in Excel."));
        api.awaitTicket(refused, ticket -> TicketApi.actions(ticket).contains("escalation.package-built"));
        assertThat(event(api.ticket(refused), "remediation.playbook-failed").path("reason").asText())
                .contains("No licence left in pool power-bi-pro");
        assertThat(member("ana.silva", "power-bi-reporting")).isFalse();
    }

    private static String currentCode() {
        return SecondFactors.currentCode("JBSWY3DPEHPK3PXP", java.time.Instant.now());
    }

    private static ResponseEntity<String> resetWith(String code, String authenticatorCode, String password) {
        return post("/self-service/password-reset", Map.of("code", code, "authenticatorCode", authenticatorCode,
                "newPassword", password, "repeatPassword", password));
    }

    private static ResponseEntity<String> post(String path, Map<String, String> fields) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED);
        org.springframework.util.LinkedMultiValueMap<String, String> form = new org.springframework.util.LinkedMultiValueMap<>();
        fields.forEach(form::add);
        return app.http().postForEntity(path, new org.springframework.http.HttpEntity<>(form, headers), String.class);
    }

    private static Mail awaitMail(String address, String reference, String subjectText) {
        int imapPort = Integer.parseInt(app.bean(org.springframework.core.env.Environment.class)
                .getRequiredProperty("tierzero.embedded.mail.imap-port"));
        return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .pollInterval(java.time.Duration.ofMillis(250))
                .until(() -> Mailbox.read(imapPort, address).stream()
                        .filter(mail -> mail.subject().contains(reference) && mail.subject().contains(subjectText))
                        .findFirst().orElse(null), mail -> mail != null);
    }

    /** The first link to the path in the mail, as the requester would click it. */
    private static String linkIn(Mail mail, String path) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("https?://\\S+" + java.util.regex.Pattern.quote(path) + "\\S*")
                .matcher(mail.body());
        assertThat(link.find()).as("a link to %s in: %s", path, mail.body()).isTrue();
        return link.group();
    }

    /** Locks the account out again, as a directory's password policy does after too many failed sign-ins. */
    private static void resetDirectoryLock(String username) {
        var settings = app.bean(EmbeddedDirectoryServer.class).settings();
        try (var connection = new com.unboundid.ldap.sdk.LDAPConnection("127.0.0.1",
                new com.unboundid.ldap.sdk.LDAPURL(settings.url()).getPort(), settings.bindDn(), settings.bindPassword())) {
            connection.modify(account(username).distinguishedName(), new com.unboundid.ldap.sdk.Modification(
                    com.unboundid.ldap.sdk.ModificationType.REPLACE, "pwdAccountLockedTime", "20261201080000Z"));
        } catch (com.unboundid.ldap.sdk.LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void approveAsLineManager(String ticketId) {
        JsonNode approval = api.awaitOpenTask(ticketId);
        assertThat(approval.path("elementId").asText()).isEqualTo("approve-automated-action");
        api.claim(approval, "lena.manager");
        assertThat(api.complete(approval, "lena.manager", "{\"approvalDecision\": \"approve\"}").getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    /** Gives the task back to its queue, as an agent who claimed the wrong task would. */
    private static void release(JsonNode task, String userId) {
        app.bean(org.springframework.jdbc.core.simple.JdbcClient.class)
                .sql("update human_tasks set state = 'open', assignee = null where task_id = ?::uuid")
                .param(task.path("taskId").asText()).update();
    }

    private static final class LicencePoolsView {
        int free() {
            return app.bean(io.tierzero.identity.LicencePools.class).free("demo", "power-bi-pro");
        }
    }

    private static boolean member(String username, String group) {
        try (LdapDirectory directory = new LdapDirectory(app.bean(EmbeddedDirectoryServer.class).settings())) {
            return directory.isMember(account(username), "cn=" + group + ",ou=groups,dc=demo,dc=example");
        }
    }

    private static boolean hasConfirmationRequest(JsonNode ticket) {
        return java.util.stream.StreamSupport.stream(ticket.path("history").spliterator(), false)
                .anyMatch(e -> e.path("bpmnElementId").asText().equals("request-confirmation"));
    }

    private static SignedAction signed(String ticketId, JsonNode executed) {
        return new SignedAction("demo", UUID.fromString(ticketId), UUID.fromString(executed.path("executionId").asText()),
                executed.path("playbookId").asText(), executed.path("playbookVersion").asText(),
                executed.path("inputDigest").asText(), executed.path("result").asText(),
                executed.path("approvedBy").asText().isEmpty() ? null : executed.path("approvedBy").asText());
    }

    private static void setControls(boolean enabled, String mode) {
        HttpStatus status = (HttpStatus) app.http().exchange("/api/tenants/demo/automation",
                org.springframework.http.HttpMethod.PUT, json("""
                        {"enabled": %s, "mode": "%s", "reason": "test"}""".formatted(enabled, mode)),
                JsonNode.class).getStatusCode();
        assertThat(status).isEqualTo(HttpStatus.OK);
    }

    private static org.springframework.http.HttpEntity<String> json(String body) {
        org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
        headers.setContentType(org.springframework.http.MediaType.APPLICATION_JSON);
        return new org.springframework.http.HttpEntity<>(body, headers);
    }

    private static DirectoryAccount account(String username) {
        try (LdapDirectory directory = new LdapDirectory(app.bean(EmbeddedDirectoryServer.class).settings())) {
            return directory.findAccount(username).orElseThrow();
        }
    }

    /** The account-unlock playbook's statistics row; an empty object before its first run. */
    private static JsonNode unlockStatistics() {
        for (JsonNode row : app.http().getForObject("/api/tenants/demo/playbooks/statistics", JsonNode.class)) {
            if (row.path("playbookId").asText().equals("account-unlock")) {
                return row;
            }
        }
        return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
    }

    static String request(String requester, String subject, String body) {
        return """
                {"channel": "portal", "requester": {"id": "%s", "email": "%s@demo.example"},
                 "subject": "%s", "body": "%s", "impact": "low", "urgency": "medium"}""".formatted(requester, requester, subject, body);
    }
}
