package dev.palisade.api.problem;

import static dev.palisade.api.support.Problems.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class ProblemResponsesTest {

    private static final String ECHO = "/test-only/echo";

    @TestHTTPResource("/")
    URL url;

    @Test
    void unknownPathIsANotFoundProblem() {
        problem(given().get("/no/such/path").then(), 404, "not-found")
                .body("detail", containsString("/no/such/path"));
    }

    @Test
    void unknownPathUnderTheOperationsRootIsANotFoundProblem() {
        problem(given().get("/q/nothing-here").then(), 404, "not-found");
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblem() {
        problem(given().delete(ECHO).then(), 405, "method-not-allowed")
                .body("detail", containsString(ECHO));
    }

    @Test
    void unsupportedMediaTypeIsAProblem() {
        problem(given().contentType("text/plain").body("hello").post(ECHO).then(), 415,
                "unsupported-media-type").body("detail", containsString("text/plain"));
    }

    @Test
    void malformedJsonIsAProblemWithoutParserInternals() {
        problem(given().contentType("application/json").body("{\"name\": ").post(ECHO).then(), 400,
                "malformed-json").body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void wrongTypeNamesTheField() {
        problem(given().contentType("application/json").body("{\"name\":\"a\",\"count\":\"many\"}").post(ECHO)
                .then(), 400, "invalid-field").body("field", equalTo("count"));
    }

    @Test
    void unknownFieldSuggestsTheNearestKnownOne() {
        problem(given().contentType("application/json").body("{\"nmae\":\"a\",\"count\":1}").post(ECHO).then(),
                400, "unknown-field").body("suggestion", equalTo("name")).body("field", equalTo("nmae"));
    }

    @Test
    void constructorValidationIsAnInvalidFieldProblem() {
        problem(given().contentType("application/json").body("{\"name\":\"a\",\"count\":-1}").post(ECHO).then(),
                400, "invalid-field").body("detail", containsString("'count' must be zero or more"));
    }

    @Test
    void bodyThatIsNotAnObjectIsAProblem() {
        problem(given().contentType("application/json").body("[1,2]").post(ECHO).then(), 400, "invalid-field");
    }

    @Test
    void oversizeBodyIsRefusedBeforeItIsSent() throws Exception {
        // Only the headers go out: the service must answer from the declared length, without reading a byte.
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST " + ECHO + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (6 * 1024 * 1024) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String response = readResponse(socket);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.toLowerCase().contains("content-type: " + Problem.MEDIA_TYPE), response);
            assertTrue(response.contains(ProblemType.BASE + "payload-too-large"), response);
        }
    }

    @Test
    void validRequestStillWorks() {
        given().contentType("application/json").body("{\"name\":\"a\",\"count\":2}").post(ECHO).then()
                .statusCode(200).body("count", equalTo(2));
    }

    /** Reads one HTTP/1.1 response: the server may keep the connection open while the unsent body is pending. */
    private static String readResponse(Socket socket) throws IOException {
        var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        int length = 0;
        for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
            out.append(line).append('\n');
            if (line.toLowerCase().startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        char[] body = new char[length];
        int read = 0;
        while (read < length) {
            int n = in.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        return out.append('\n').append(body, 0, read).toString();
    }

}
