package io.tierzero.reports;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A report asked for with a period or inputs that cannot be used: a 400 problem detail saying what to fix. */
public class InvalidReportQueryException extends ErrorResponseException {

    public InvalidReportQueryException(String detail) {
        super(HttpStatus.BAD_REQUEST, problem(detail), null);
    }

    private static ProblemDetail problem(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        problem.setTitle("Invalid report request");
        return problem;
    }
}
