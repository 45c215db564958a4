package dev.palisade.api.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** A test client for a server-sent event stream: frames (blank-line separated blocks) arrive in a queue. */
public final class SseStream implements AutoCloseable {

    /** One frame: its {@code id:}, {@code data:}, comment and {@code event:} (name) lines. */
    public record Frame(String id, String data, String comment, String event) {
        public boolean isEvent() {
            return data != null;
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile Stream<String> lines;

    private SseStream(HttpRequest request) {
        response = HTTP.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAccept(r -> {
            lines = r.body();
            Thread reader = new Thread(() -> read(r.body()), "sse-test-reader");
            reader.setDaemon(true);
            reader.start();
        });
    }

    /** Opens {@code url} with the given headers (name, value, name, value...). */
    public static SseStream open(URI url, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).header("Accept", "text/event-stream").GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return new SseStream(request.build());
    }

    public int status() throws Exception {
        return response.get(10, TimeUnit.SECONDS).statusCode();
    }

    /** The next event frame within {@code timeout}, skipping comments; fails on timeout. */
    public Frame nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no event within " + timeout);
            }
            if (frame.isEvent()) {
                return frame;
            }
        }
    }

    /** The next comment frame within {@code timeout}, skipping events; fails on timeout. */
    public Frame nextComment(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (frame == null) {
                throw new AssertionError("no comment within " + timeout);
            }
            if (!frame.isEvent()) {
                return frame;
            }
        }
    }

    /** Every event frame that arrives within {@code window}. */
    public List<Frame> eventsWithin(Duration window) throws InterruptedException {
        List<Frame> events = new ArrayList<>();
        long deadline = System.nanoTime() + window.toNanos();
        Frame frame;
        while ((frame = frames.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) != null) {
            if (frame.isEvent()) {
                events.add(frame);
            }
        }
        return events;
    }

    /** Whether the server ended the stream within {@code timeout}. */
    public boolean endsWithin(Duration timeout) throws InterruptedException {
        try {
            ended.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return true;
        }
    }

    private void read(Stream<String> body) {
        String id = null;
        StringBuilder data = null;
        String comment = null;
        String event = null;
        try {
            for (String line : (Iterable<String>) body::iterator) {
                if (line.isEmpty()) {
                    if (data != null || comment != null) {
                        frames.add(new Frame(id, data == null ? null : data.toString(), comment, event));
                    }
                    id = null;
                    data = null;
                    comment = null;
                    event = null;
                } else if (line.startsWith(":")) {
                    comment = line.substring(1).trim();
                } else if (line.startsWith("event:")) {
                    event = line.substring(6).trim();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("data:")) {
                    String chunk = line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5);
                    data = data == null ? new StringBuilder(chunk) : data.append('\n').append(chunk);
                }
            }
        } catch (RuntimeException closed) {
            // the stream was closed by the test
        } finally {
            ended.complete(null);
        }
    }

    @Override
    public void close() {
        response.cancel(true);
        if (lines != null) {
            lines.close();
        }
    }
}
