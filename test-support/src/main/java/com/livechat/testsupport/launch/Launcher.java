package com.livechat.testsupport.launch;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

/**
 * The {@code main} of this module's command-line tools ({@code ./livechat bench}, {@code ./livechat faults}):
 * {@code --help} prints the usage; options it cannot read print the reason and the usage, exit code 2; a run that
 * gives up ({@link IllegalStateException}) prints why, exit code 1; a run whose figures fail, exit code 1; else 0.
 */
public final class Launcher {

    /** A tool's run with its options: true when its figures pass. */
    @FunctionalInterface
    public interface Run<O> {
        boolean passes(O options) throws Exception;
    }

    private Launcher() {
    }

    /** Six characters that name a run's queue and accounts, so that two runs on the same stack never meet. */
    public static String runId() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 6);
    }

    public static <O> void main(String[] args, String usage, Function<String[], O> parse, Run<O> run)
            throws Exception {
        System.setProperty("log4j2.configurationFile",
                String.valueOf(Launcher.class.getResource("/livechat-stack-log4j2.properties")));
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(usage);
            return;
        }
        O options;
        try {
            options = parse.apply(args);
        } catch (IllegalArgumentException e) {
            System.err.println("ERROR: " + e.getMessage());
            System.err.print(usage);
            System.exit(2);
            return;
        }
        boolean passed;
        try {
            passed = run.passes(options);
        } catch (IllegalStateException e) {
            System.err.println();
            System.err.println("ERROR: " + e.getMessage());
            System.exit(1);
            return;
        }
        System.exit(passed ? 0 : 1);
    }
}
