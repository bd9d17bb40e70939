package com.livechat.e2e.browser.support;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One headless Debian Chromium for the browser tests of this JVM, driven by Playwright for Java. Playwright
 * downloads no browser here (the machine reaches only the package registries): it launches the executable named
 * by {@code LIVECHAT_CHROMIUM} (default {@code /usr/bin/chromium}, which {@code ./livechat test} installs). Each
 * actor of a scenario (a customer, an agent) gets its own context: its own cookies, storage and language.
 */
public final class Browsers {

    /** The desktop's reference size (the 1366×800) and the narrowest width the pages must work at. */
    public static final Viewport DESKTOP = new Viewport(1366, 800);
    public static final Viewport NARROW = new Viewport(400, 800);

    public record Viewport(int width, int height) {
    }

    private static Playwright playwright;
    private static Browser browser;

    private Browsers() {
    }

    /** A fresh context (like a separate browser profile) in the given language, e.g. {@code "en-GB"}, {@code "fr-FR"}. */
    public static synchronized BrowserContext newContext(String locale, Viewport viewport) {
        return browser().newContext(new Browser.NewContextOptions()
                .setLocale(locale)
                .setViewportSize(viewport.width(), viewport.height()));
    }

    private static Browser browser() {
        if (browser == null) {
            playwright = Playwright.create(new Playwright.CreateOptions()
                    .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(chromium())
                    .setHeadless(true)
                    // As root, Chromium needs --no-sandbox; the other flags stop it calling hosts this closed
                    // network refuses.
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            Runtime.getRuntime().addShutdownHook(new Thread(Browsers::close));
        }
        return browser;
    }

    private static Path chromium() {
        Path path = Path.of(Optional.ofNullable(System.getenv("LIVECHAT_CHROMIUM")).orElse("/usr/bin/chromium"));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException("No Chromium at " + path
                    + ": install it (apt-get install -y chromium) or set LIVECHAT_CHROMIUM");
        }
        return path;
    }

    private static synchronized void close() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
            browser = null;
        }
    }
}
