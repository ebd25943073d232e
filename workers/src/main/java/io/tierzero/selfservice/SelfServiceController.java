package io.tierzero.selfservice;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The pages behind the links in messages to requesters. Opening a link only shows the question: mail scanners
 * and link previews open links too, so only the button (a POST) answers.
 */
@RestController
public class SelfServiceController {

    private static final Template PAGE = template("self-service/page.mustache");

    private final SelfServiceConfirmation confirmation;

    public SelfServiceController(SelfServiceConfirmation confirmation) {
        this.confirmation = confirmation;
    }

    @GetMapping(path = ConfirmationLinks.PATH, produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The page of a Yes or No link: the question and a button that answers it")
    public ResponseEntity<String> question(@RequestParam(defaultValue = "") String token) {
        SelfServiceConfirmation.Question question = confirmation.question(token);
        return page(HttpStatus.OK, Map.of(
                "title", "Did this resolve your issue?",
                "reference", question.ticket().referenceNumber(),
                "subject", question.ticket().subject(),
                "message", question.resolved()
                        ? "Please confirm that your request is resolved. We will then close it."
                        : "Please confirm that your request is not resolved. We will then reopen it.",
                "button", question.resolved() ? "Yes, it is resolved" : "No, it is not resolved",
                "token", token));
    }

    @PostMapping(path = ConfirmationLinks.PATH, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE,
            produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Answers \"did this resolve your issue?\" with the token of a Yes or No link")
    public ResponseEntity<String> answer(@RequestParam(defaultValue = "") String token) {
        SelfServiceConfirmation.Question question = confirmation.answer(token);
        return page(HttpStatus.OK, Map.of(
                "title", "Thank you",
                "reference", question.ticket().referenceNumber(),
                "subject", question.ticket().subject(),
                "message", question.resolved()
                        ? "Thank you for confirming. We are closing your request."
                        : "Thank you. We have reopened your request and will be in touch."));
    }

    @ExceptionHandler(InvalidConfirmationLinkException.class)
    ResponseEntity<String> refused(InvalidConfirmationLinkException e) {
        return page(e.status(), Map.of("title", "This link cannot be used", "message", e.getMessage()));
    }

    private static ResponseEntity<String> page(HttpStatus status, Map<String, Object> content) {
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                .body(PAGE.execute(content));
    }

    private static Template template(String resource) {
        try (Reader reader = new InputStreamReader(new ClassPathResource(resource).getInputStream(), StandardCharsets.UTF_8)) {
            return Mustache.compiler().defaultValue("").compile(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
