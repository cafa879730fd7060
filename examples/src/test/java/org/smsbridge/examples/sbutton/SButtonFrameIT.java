package org.smsbridge.examples.sbutton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the real demo window and presses S: in a child JVM ({@link FrameCheck}) on this machine's
 * display, or on an Xvfb display this test starts (and always stops) when there is none. Skipped
 * only when there is neither a display nor Xvfb and {@code CI} is not {@code true}; with
 * {@code CI=true} that is a failure.
 *
 * <p>{@code -Dsbutton.screenshots=<folder>} also saves the README's screenshots there
 * (the command is in the root README).
 */
class SButtonFrameIT {
    private static final long CHILD_TIMEOUT_SECONDS = 120;

    @TempDir
    Path home;

    @Test
    void pressingSOnACustomerOpensTheEditorWithRenderedTextAndCounter() throws Exception {
        String display = System.getenv("DISPLAY");
        Process xvfb = null;
        try {
            if (display == null || display.isBlank()) {
                Optional<Path> xvfbBinary = findOnPath("Xvfb");
                if (xvfbBinary.isEmpty()) {
                    if ("true".equals(System.getenv("CI"))) {
                        fail("CI=true but there is no display and no Xvfb on the PATH; install the xvfb package");
                    }
                    Assumptions.abort("no display and no Xvfb: the frame check needs one of them");
                }
                xvfb = startXvfb(xvfbBinary.get());
                display = ":" + readDisplayNumber(xvfb);
            }
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Djava.awt.headless=false", "-Dfile.encoding=UTF-8", "-Duser.home=" + home,
                    "-cp", System.getProperty("java.class.path"),
                    FrameCheck.class.getName(), home.resolve(".sms-bridge").resolve("sbutton-demo").toString()));
            String shots = System.getProperty("sbutton.screenshots", "");
            if (!shots.isBlank()) {
                command.add(shots);
            }
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(home.resolve("frame-check.log").toFile());
            pb.environment().put("DISPLAY", display);
            Process child = pb.start();
            try {
                boolean ended = child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS);
                String log = Files.readString(home.resolve("frame-check.log"), StandardCharsets.UTF_8);
                assertThat(ended).as("frame check ended within %d s; output:%n%s", CHILD_TIMEOUT_SECONDS, log).isTrue();
                assertThat(child.exitValue()).as("frame check exit code; output:%n%s", log).isZero();
                assertThat(log).contains("FRAME CHECK OK").contains("counter: ");
            } finally {
                child.destroyForcibly();
            }
        } finally {
            stop(xvfb);
        }
    }

    private static Optional<Path> findOnPath(String name) {
        String path = System.getenv().getOrDefault("PATH", "") + File.pathSeparator + "/usr/bin";
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isBlank()) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** Starts Xvfb on a free display it picks itself ({@code -displayfd}), and stops it if this JVM dies. */
    private static Process startXvfb(Path binary) throws IOException {
        Process p = new ProcessBuilder(binary.toString(), "-displayfd", "1", "-screen", "0", "1280x1024x24",
                "-nolisten", "tcp").redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Runtime.getRuntime().addShutdownHook(new Thread(p::destroyForcibly, "stop-xvfb"));
        return p;
    }

    /** The display number Xvfb writes once it accepts connections. */
    private static String readDisplayNumber(Process xvfb) throws Exception {
        CompletableFuture<String> line = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.US_ASCII))
                        .readLine();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        String n = line.get(30, TimeUnit.SECONDS);
        if (n == null || !n.strip().matches("\\d+")) {
            throw new IllegalStateException("Xvfb did not report a display number (got '" + n + "'); exit "
                    + (xvfb.isAlive() ? "still running" : String.valueOf(xvfb.exitValue())));
        }
        return n.strip();
    }

    private static void stop(Process xvfb) throws InterruptedException {
        if (xvfb == null) {
            return;
        }
        xvfb.destroy();
        if (!xvfb.waitFor(10, TimeUnit.SECONDS)) {
            xvfb.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
