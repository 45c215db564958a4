package dev.palisade.api.support;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import dev.palisade.api.problem.Problem;
import dev.palisade.api.problem.ProblemType;
import io.restassured.response.ValidatableResponse;

/** The one assertion of a problem+json answer: its status and type, and that it leaks nothing. */
public final class Problems {

    private Problems() {
    }

    /**
     * Asserts {@code response} is an RFC 9457 problem with {@code status} and the type {@code slug}, a title and a
     * detail, and no stack trace, class name or SQL anywhere in its body.
     */
    public static ValidatableResponse problem(ValidatableResponse response, int status, String slug) {
        return response.statusCode(status).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo(ProblemType.BASE + slug)).body("status", equalTo(status))
                .body("title", notNullValue()).body("detail", notNullValue())
                .body(not(containsString("Exception"))).body(not(containsString("\tat ")))
                .body(not(containsString("SQL state"))).body(not(containsString("org.postgresql")));
    }

    /** Asserts {@code response} is a 400 invalid-field problem naming {@code field}. */
    public static ValidatableResponse invalid(ValidatableResponse response, String field) {
        return problem(response, 400, "invalid-field").body("field", equalTo(field));
    }
}
