package dev.palisade.api.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.palisade.testing.TestDatabase;

/**
 * The README's curl tour runs as written: every {@code ```bash} block of {@code README.md} that calls curl, in
 * order, in one bash shell, against the packaged service on a fresh database, and every curl command answers the
 * status its comment claims.
 * <p>
 * A claim is a comment that starts with a status ({@code # 201, ETag "0"}), on the command's line or on a later line
 * before the next curl command. The only change made to the blocks is the service's address ({@code localhost:8080}
 * becomes the test's port); the shell runs with {@code set -u}, so a variable the tour never sets stops it. Each curl
 * reports its status on stderr through a wrapper function, so the answers the reader sees are unchanged.
 */
class ReadmeTourIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final Path README = Path.of("../README.md");
    private static final String ADDRESS = "localhost:8080";
    private static final String ADMIN_KEY = "readme-tour-admin-key-0123456789abcdef";
    private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```");
    private static final Pattern COMMENT = Pattern.compile("(?:^|\\s)#\\s*(.*)$");
    private static final Pattern CLAIM = Pattern.compile("^(\\d{3})\\b");
    private static final Pattern CURL = Pattern.compile("(?:^|[\\s($|;&])curl\\s");
    private static final Pattern REPORTED = Pattern.compile("(?m)^@@status (\\d{3})$");
    private static final String PRELUDE = """
            set -u
            curl() { command curl -w '%{stderr}@@status %{http_code}\\n' "$@"; }
            """;

    /** A curl command of the README and the status its comment claims ({@code 0} until a claim is found). */
    record Command(int line, String text, int claimed) {
    }

    @Test
    void readmeTourRunsAsWrittenAndAnswersTheStatusesItClaims() throws Exception {
        String readme = Files.readString(README);
        List<String> blocks = tourBlocks(readme);
        assertFalse(blocks.isEmpty(), "README.md has bash blocks that call curl");
        List<Command> commands = commands(readme);

        try (TestDatabase db = TestDatabase.provision()) {
            ServiceProcess.migrate(db, PATIENCE);
            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.replicaEnv(db, ADMIN_KEY))) {
                service.awaitStatus("/q/health/ready", 200, PATIENCE);
                String address = service.uri("").getAuthority();
                StringBuilder script = new StringBuilder(PRELUDE);
                for (String block : blocks) {
                    assertTrue(block.contains(ADDRESS), "every tour block talks to " + ADDRESS + ":\n" + block);
                    script.append(block.replace(ADDRESS, address)).append('\n');
                }
                Shell run = Shell.run(script.toString(), Map.of("PALISADE_ADMIN_KEY", ADMIN_KEY));

                List<Integer> answered = new ArrayList<>();
                Matcher reported = REPORTED.matcher(run.stderr());
                while (reported.find()) {
                    answered.add(Integer.parseInt(reported.group(1)));
                }
                String transcript = "\n--- stderr ---\n" + run.stderr() + "\n--- stdout ---\n" + run.stdout();
                for (int i = 0; i < commands.size(); i++) {
                    Command command = commands.get(i);
                    assertTrue(i < answered.size(), "README.md line " + command.line() + " never ran (the shell "
                            + "stopped after " + answered.size() + " curl commands): " + command.text() + transcript);
                    assertEquals(command.claimed(), answered.get(i), "README.md line " + command.line()
                            + " claims " + command.claimed() + ": " + command.text() + transcript);
                }
                assertEquals(commands.size(), answered.size(), "one answer per curl command of the README"
                        + transcript);
            }
        }
    }

    /** The bash blocks of the README that call curl, in order. */
    static List<String> tourBlocks(String readme) {
        List<String> blocks = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(readme);
        while (block.find()) {
            if (block.group(1).lines().anyMatch(ReadmeTourIT::callsCurl)) {
                blocks.add(block.group(1));
            }
        }
        return blocks;
    }

    /**
     * The curl commands of the tour blocks with their claimed statuses, each with its README line number.
     *
     * @throws AssertionError for a command without a claim, or a claim without a command
     */
    static List<Command> commands(String readme) {
        List<Command> commands = new ArrayList<>();
        String[] lines = readme.split("\n", -1);
        boolean inTour = false;
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n];
            if (line.startsWith("```")) {
                inTour = line.equals("```bash") && isTourBlock(lines, n);
                continue;
            }
            if (!inTour) {
                continue;
            }
            Matcher comment = COMMENT.matcher(line);
            boolean commented = comment.find();
            if (callsCurl(line)) {
                if (!commands.isEmpty()) {
                    requireClaim(commands.get(commands.size() - 1));
                }
                commands.add(new Command(n + 1, line.strip(), 0));
            }
            Matcher claim = CLAIM.matcher(commented ? comment.group(1) : "");
            if (claim.find()) {
                int last = commands.size() - 1;
                if (last < 0 || commands.get(last).claimed() != 0) {
                    throw new AssertionError("README.md line " + (n + 1) + " claims a status for no curl command: "
                            + line.strip());
                }
                Command command = commands.get(last);
                commands.set(last, new Command(command.line(), command.text(), Integer.parseInt(claim.group(1))));
            }
        }
        if (!commands.isEmpty()) {
            requireClaim(commands.get(commands.size() - 1));
        }
        return commands;
    }

    private static boolean isTourBlock(String[] lines, int fence) {
        for (int n = fence + 1; n < lines.length && !lines[n].startsWith("```"); n++) {
            if (callsCurl(lines[n])) {
                return true;
            }
        }
        return false;
    }

    private static boolean callsCurl(String line) {
        Matcher comment = COMMENT.matcher(line);
        return CURL.matcher(comment.find() ? line.substring(0, comment.start()) : line).find();
    }

    private static void requireClaim(Command command) {
        if (command.claimed() == 0) {
            throw new AssertionError("README.md line " + command.line() + " is a curl command without a status "
                    + "comment (# 201 ...): " + command.text());
        }
    }

    /** A finished bash run: its exit code and what it wrote. */
    private record Shell(int exit, String stdout, String stderr) {

        static Shell run(String script, Map<String, String> env) throws Exception {
            Path dir = Files.createTempDirectory("readme-tour");
            Path file = dir.resolve("tour.sh");
            Path out = dir.resolve("stdout");
            Path err = dir.resolve("stderr");
            Files.writeString(file, script);
            ProcessBuilder builder = new ProcessBuilder("bash", file.toString()).redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().keySet().retainAll(List.of("PATH", "HOME", "TMPDIR", "LANG"));
            builder.environment().putAll(env);
            Process process = builder.start();
            boolean finished = process.waitFor(2, TimeUnit.MINUTES);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            Shell shell = new Shell(finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
            for (Path p : List.of(file, out, err, dir)) {
                Files.deleteIfExists(p);
            }
            assertTrue(finished, "the tour finishes within 2 minutes:\n" + shell.stderr() + shell.stdout());
            return shell;
        }
    }
}
