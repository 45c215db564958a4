package dev.palisade.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The benchmark harness's smoke run ({@code bench/run --smoke}) against the packaged service: every registered
 * scenario runs and yields a number from every subject it declares. It checks that the harness works, never how fast
 * anything is: the harness itself fails when a scenario has no figure or a request failed.
 */
class BenchSmokeIT {

    private static final long TIMEOUT_SECONDS = 300;

    @Test
    void everyScenarioRunsAndYieldsANumber() throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("bench.root", "..")).toAbsolutePath().normalize();
        Path out = Path.of(System.getProperty("bench.out", "target/smoke")).toAbsolutePath();
        Path log = out.resolveSibling("smoke.log");
        Files.createDirectories(out);
        ProcessBuilder builder = new ProcessBuilder("bash", "bench/run", "--smoke", "--out", out.toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        // The same PostgreSQL server the other tests use, when they are pointed elsewhere.
        Map<String, String> env = builder.environment();
        copy(env, "PALISADE_TEST_PG_HOST", "BENCH_PG_HOST");
        copy(env, "PALISADE_TEST_PG_PORT", "BENCH_PG_PORT");
        copy(env, "PALISADE_TEST_PG_USER", "BENCH_PG_SUPERUSER");
        Process process = builder.start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroy();
            process.waitFor(30, TimeUnit.SECONDS);
            fail("bench/run --smoke did not finish within " + TIMEOUT_SECONDS + " s; see " + log);
        }
        assertEquals(0, process.exitValue(), () -> "bench/run --smoke failed; its output:\n" + tail(log));

        List<String> scenarios = lines(out.resolve("scenarios.jsonl"));
        List<String> measurements = lines(out.resolve("measurements.jsonl"));
        assertTrue(scenarios.size() >= 10, "the harness registered only " + scenarios.size() + " scenarios");
        for (String scenario : scenarios) {
            String id = field(scenario, "id");
            assertTrue(measurements.stream().anyMatch(m -> id.equals(field(m, "scenario")) && m.contains("\"value\":")),
                    () -> "no figure for scenario " + id);
        }
        assertTrue(Files.size(out.resolve("results.json")) > 0, "no results.json written");
        // The warm-ups wait for the service's JIT compilers to settle; right after the start they are busy, so a
        // share of 0 would mean the harness no longer finds the compiler threads and would settle at once.
        List<String> warmups = lines(out.resolve("warmups.jsonl"));
        assertTrue(!warmups.isEmpty(), "no warm-up recorded");
        String share = warmups.get(0).replaceAll(".*\"jit_percent_of_a_core_last_chunk\":([0-9.]+).*", "$1");
        assertTrue(Double.parseDouble(share) > 0, () -> "the JIT compilers were not seen at work: " + warmups.get(0));
    }

    private static void copy(Map<String, String> env, String from, String to) {
        String value = System.getenv(from);
        if (value != null && !value.isBlank()) {
            env.put(to, value);
        }
    }

    private static List<String> lines(Path file) throws IOException {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(l -> !l.isBlank()).toList();
        }
    }

    /** The string value of a top-level field of one compact JSON line written by jq -c. */
    private static String field(String json, String name) {
        String key = "\"" + name + "\":\"";
        int start = json.indexOf(key);
        return start < 0 ? null : json.substring(start + key.length(), json.indexOf('"', start + key.length()));
    }

    private static String tail(Path log) {
        try (Stream<String> lines = Files.lines(log)) {
            List<String> all = lines.toList();
            return all.subList(Math.max(0, all.size() - 40), all.size()).stream().collect(Collectors.joining("\n"));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }
}
