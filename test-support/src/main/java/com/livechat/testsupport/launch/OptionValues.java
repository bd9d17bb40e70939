package com.livechat.testsupport.launch;

/**
 * Reading the value of a command-line option ({@code --agents 20}) for the launchers of this module (the bench and
 * the fault suite): a missing or malformed value is an {@link IllegalArgumentException} naming the option, which the
 * launcher prints with its usage.
 */
public final class OptionValues {

    private OptionValues() {
    }

    /** The argument at {@code index}, the value of {@code option}. */
    public static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }

    /** The argument at {@code index} as a whole number. */
    public static int number(String[] args, int index, String option) {
        try {
            return Integer.parseInt(value(args, index, option));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a number");
        }
    }

    /** A URL without its trailing slash. */
    public static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
