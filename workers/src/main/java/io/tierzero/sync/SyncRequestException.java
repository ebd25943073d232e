package io.tierzero.sync;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A sync API request naming something that does not exist or asking for something that cannot be done. */
class SyncRequestException extends ErrorResponseException {

    SyncRequestException(HttpStatus status, String title, String detail) {
        super(status, problem(status, title, detail), null);
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return problem;
    }

    static SyncRequestException unknownConnection(String tenant, String connection) {
        return new SyncRequestException(HttpStatus.NOT_FOUND, "Unknown connection",
                "Tenant " + tenant + " has no connection " + connection + " (configured under tierzero.connections." + tenant + ")");
    }
}
