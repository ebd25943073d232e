package io.tierzero.access;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;

/**
 * Not signed in, or not allowed: a person opening the console is sent to the sign-in page; an API client gets a
 * problem detail, with the Basic challenge unless the call comes from the console's own scripts (a browser would
 * otherwise pop up its password dialog).
 */
@Component
class AccessProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    AccessProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException reason)
            throws IOException {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/console")) {
            response.sendRedirect(request.getContextPath() + "/login");
            return;
        }
        if (!"XMLHttpRequest".equals(request.getHeader("X-Requested-With"))) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"TierZero\"");
        }
        write(response, HttpStatus.UNAUTHORIZED, "Not signed in",
                "Sign in: HTTP Basic with a TierZero account, or a bearer token of the identity provider.");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Not allowed",
                request.getUserPrincipal() == null
                        ? "This request needs a signed-in person (or a valid CSRF token from the console)."
                        : request.getUserPrincipal().getName() + " may not " + request.getMethod() + " "
                                + request.getRequestURI() + ": it needs another role, or this tenant among theirs.");
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
