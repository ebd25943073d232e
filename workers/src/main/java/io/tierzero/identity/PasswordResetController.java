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

/** The page a one-time password-reset link opens. A GET only shows the form: mail scanners open links too. */
@RestController
public class PasswordResetController {

    private final PasswordResets resets;

    public PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping(path = "/self-service/password-reset", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The password reset form of a one-time link")
    public ResponseEntity<String> form(@RequestParam(required = false) String code) {
        return resets.accountFor(code)
                .map(account -> ResponseEntity.ok(page("Choose a new password", form(code, account, null))))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.GONE)
                        .body(page("Link not valid", paragraph(PasswordResets.Outcome.LINK_INVALID.message()))));
    }

    @PostMapping(path = "/self-service/password-reset", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Resets the password after checking the one-time link and the authenticator code")
    public ResponseEntity<String> reset(@RequestParam(required = false) String code,
            @RequestParam(required = false) String authenticatorCode, @RequestParam(required = false) String newPassword,
            @RequestParam(required = false) String repeatPassword) {
        PasswordResets.Outcome outcome = resets.complete(code, authenticatorCode, newPassword, repeatPassword);
        HttpStatus status = switch (outcome.kind()) {
            case "reset" -> HttpStatus.OK;
            case "link-invalid" -> HttpStatus.GONE;
            case "code-wrong", "identity-not-verified" -> HttpStatus.FORBIDDEN;
            case "password-refused" -> HttpStatus.UNPROCESSABLE_ENTITY;
            case "directory-unavailable" -> HttpStatus.SERVICE_UNAVAILABLE;
            default -> HttpStatus.BAD_GATEWAY;
        };
        String body = outcome.canRetry()
                ? form(code, resets.accountFor(code).orElse(""), outcome.message())
                : paragraph(outcome.message());
        return ResponseEntity.status(status).body(page(status.is2xxSuccessful() ? "Password changed" : "Password reset", body));
    }

    private static String form(String code, String account, String problem) {
        return (problem == null ? "" : "<p role=\"alert\"><strong>" + HtmlUtils.htmlEscape(problem) + "</strong></p>")
                + """
                <p>Account: <strong>%s</strong></p>
                <form method="post" action="/self-service/password-reset">
                  <input type="hidden" name="code" value="%s">
                  <p><label>Code from your authenticator app <input name="authenticatorCode" inputmode="numeric" autocomplete="one-time-code" required pattern="\\d{6}"></label></p>
                  <p><label>New password (at least %d characters) <input type="password" name="newPassword" autocomplete="new-password" required></label></p>
                  <p><label>Repeat it <input type="password" name="repeatPassword" autocomplete="new-password" required></label></p>
                  <p><button type="submit">Change my password</button></p>
                </form>
                """.formatted(HtmlUtils.htmlEscape(account), HtmlUtils.htmlEscape(code), PasswordResets.MIN_PASSWORD_LENGTH);
    }

    private static String paragraph(String text) {
        return "<p>" + HtmlUtils.htmlEscape(text) + "</p>";
    }

    private static String page(String title, String body) {
        return SelfServicePages.page(title, body, "password reset");
    }
}
