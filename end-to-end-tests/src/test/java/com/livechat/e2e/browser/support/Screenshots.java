package com.livechat.e2e.browser.support;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ViewportSize;
import com.livechat.testsupport.stack.LivechatService;

import java.nio.file.Path;

/**
 * Screenshots of the main screens, kept as test artifacts in {@code end-to-end-tests/target/screenshots}
 * (named {@code <screen>-<language>-<width>.png}); the README's pictures are copies of some of them.
 */
public final class Screenshots {

    public static final Path DIRECTORY = LivechatService.repositoryRoot().resolve("end-to-end-tests/target/screenshots");

    private Screenshots() {
    }

    public static Path save(Page page, String name) {
        Path file = DIRECTORY.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /**
     * Saves {@code <name>-<width>} at the page's width (the reference 1366 px), then {@code <name>-400} with the
     * page narrowed to {@link Browsers#NARROW}'s width, and gives the page its width back. Returns by how many
     * pixels the narrowed page was wider than the window (0: nothing overflowed sideways).
     */
    public static int saveWideAndNarrow(Page page, String name) {
        ViewportSize wide = page.viewportSize();
        save(page, name + "-" + wide.width);
        page.setViewportSize(Browsers.NARROW.width(), wide.height);
        int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
                .intValue();
        save(page, name + "-" + Browsers.NARROW.width());
        page.setViewportSize(wide.width, wide.height);
        return overflow;
    }
}
