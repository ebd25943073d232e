package io.tierzero.identity;

import io.swagger.v3.oas.annotations.Operation;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/** The page an MFA enrolment link opens: a new secret to add to the authenticator app, and its first code. */
@RestController
public class MfaEnrolmentController {

    private final MfaEnrolments enrolments;

    public MfaEnrolmentController(MfaEnrolments enrolments) {
        this.enrolments = enrolments;
    }

    @GetMapping(path = "/self-service/mfa-enrolment", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "A new authenticator secret for the requester of a one-time enrolment link")
    public ResponseEntity<String> form(@RequestParam(required = false) String code) {
        return enrolments.requesterFor(code)
                .map(requester -> ResponseEntity.ok(page("Set up your authenticator app",
                        form(code, requester, SecondFactors.newSecret(), null))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.GONE).body(page("Link not valid",
                        "<p>This link is not valid any more: it was used, it expired, or it is incomplete.</p>")));
    }

    @PostMapping(path = "/self-service/mfa-enrolment", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Enrols the new authenticator once its first code is right")
    public ResponseEntity<String> enrol(@RequestParam(required = false) String code,
            @RequestParam(required = false) String secret, @RequestParam(required = false) String authenticatorCode) {
        return switch (enrolments.enrol(code, secret, authenticatorCode)) {
            case ENROLLED -> ResponseEntity.ok(page("Authenticator set up",
                    "<p>Your new authenticator app is set up. The old one no longer works.</p>"));
            case LINK_INVALID -> ResponseEntity.status(HttpStatus.GONE).body(page("Link not valid",
                    "<p>This link is not valid any more: it was used, it expired, or it is incomplete.</p>"));
            case CODE_WRONG -> ResponseEntity.status(HttpStatus.UNPROCESSABLE_ENTITY).body(page(
                    "Set up your authenticator app", form(code, enrolments.requesterFor(code).orElse(""),
                            secret != null && secret.matches("[A-Z2-7]{32}") ? secret : SecondFactors.newSecret(),
                            "The code does not match. Check that the app shows the TierZero entry and type its current code.")));
        };
    }

    private static String form(String code, String requester, String secret, String problem) {
        return (problem == null ? "" : "<p role=\"alert\"><strong>" + HtmlUtils.htmlEscape(problem) + "</strong></p>")
                + """
                <p>Add this account to your authenticator app (scan or type it), then type the 6-digit code it shows.</p>
                <p>Key: <code data-secret>%s</code></p>
                <p>Or open: <code>%s</code></p>
                <form method="post" action="/self-service/mfa-enrolment">
                  <input type="hidden" name="code" value="%s">
                  <input type="hidden" name="secret" value="%s">
                  <p><label>Code from the app <input name="authenticatorCode" inputmode="numeric" autocomplete="one-time-code" required pattern="\\d{6}"></label></p>
                  <p><button type="submit">Finish set-up</button></p>
                </form>
                """.formatted(secret, HtmlUtils.htmlEscape(SecondFactors.otpauthUri(requester, secret)),
                HtmlUtils.htmlEscape(code), secret);
    }

    private static String page(String title, String body) {
        return SelfServicePages.page(title, body, "MFA re-enrolment");
    }
}
