package dev.palisade.api.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the HTTP layer answers to requests that break HTTP itself, sent byte by byte as a hostile client would. Where
 * the service can reach the request it answers problem+json; the rejections Vert.x makes while decoding the request
 * head (README, "Errors") keep their status and close the connection, and never a 500.
 */
@QuarkusTest
@QuarkusTestResource(PostgresTestResource.class)
class HttpLayerTest {

    private static final String ECHO = "/test-only/echo";

    @TestHTTPResource("/")
    URL url;

    @Test
    void unparsableContentTypeIsABadRequestProblem() throws IOException {
        String response = exchange("POST " + ECHO + " HTTP/1.1\r\nHost: x\r\nContent-Type: %%%;;;===\r\n"
                + "Content-Length: 2\r\n\r\n{}");
        assertProblem(response, 400, "bad-request");
        assertTrue(response.contains("Content-Type"), response);
    }

    @Test
    void unparsableAcceptIsABadRequestProblem() throws IOException {
        assertProblem(exchange("GET /workspaces HTTP/1.1\r\nHost: x\r\nAccept: ;;;/%%%\r\n\r\n"), 400, "bad-request");
    }

    @Test
    void rejectionsMadeWhileDecodingTheRequestHeadKeepTheirStatusAndAreNeverServerErrors() throws IOException {
        assertStatus(exchange("GET /" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: x\r\n\r\n"), 414);
        assertStatus(exchange("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + "b".repeat(40_000) + "\r\n\r\n"), 431);
        for (String header : new String[]{"Bad Name: v", "Content-Length: ten", "X-Nul: a\u0000b", "X-Cr: a\rb",
                "X-Lf: a\nb"}) {
            String response = exchange("POST " + ECHO + " HTTP/1.1\r\nHost: x\r\n" + header + "\r\n\r\n");
            assertStatus(response, 400);
        }
    }

    @Test
    void oversizeChunkedBodyIsRefusedAndTheServiceStaysHealthy() throws IOException {
        StringBuilder request = new StringBuilder("POST " + ECHO + " HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n");
        String chunk = "x".repeat(64 * 1024);
        // Six megabytes in 64 KiB chunks: over the 5M limit, with no Content-Length to refuse it by.
        for (int i = 0; i < 96; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");
        assertStatus(exchange(request.toString()), 413);
        assertHealthy();
    }

    @Test
    void malformedChunkedBodyIsNeverAServerErrorAndTheServiceStaysHealthy() throws IOException {
        String response = exchange("POST " + ECHO + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n5\r\n{\"a\":\r\nzz-not-a-size\r\n\r\n");
        assertFalse(response.startsWith("HTTP/1.1 5"), response);
        assertHealthy();
    }

    private void assertHealthy() throws IOException {
        assertStatus(exchange("GET /q/health/live HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"), 200);
    }

    private static void assertStatus(String response, int status) {
        // Vert.x answers some rejections of the request head as HTTP/1.0.
        assertTrue(response.matches("(?s)HTTP/1\\.[01] " + status + " .*"), response);
    }

    private static void assertProblem(String response, int status, String slug) {
        assertStatus(response, status);
        assertTrue(response.toLowerCase().contains("content-type: " + Problem.MEDIA_TYPE), response);
        assertTrue(response.contains(ProblemType.BASE + slug), response);
        assertFalse(response.contains("Exception"), response);
    }

    /** Sends raw bytes, and returns everything the server answers until it closes or stays silent for 5 s. */
    private String exchange(String request) throws IOException {
        try (Socket socket = new Socket(url.getHost(), url.getPort())) {
            socket.setSoTimeout(5_000);
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // The server may close while the rest is still being sent; what it answered is still readable.
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                    out.write(buffer, 0, n);
                    if (complete(out.toString(StandardCharsets.ISO_8859_1))) {
                        break;
                    }
                }
            } catch (SocketTimeoutException | java.net.SocketException e) {
                // silence or a reset ends the answer
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    /** Whether a response with a Content-Length has all its body. */
    private static boolean complete(String response) {
        int head = response.indexOf("\r\n\r\n");
        if (head < 0) {
            return false;
        }
        for (String line : response.substring(0, head).split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(15).trim());
                return response.length() - head - 4 >= length;
            }
        }
        return false;
    }
}
