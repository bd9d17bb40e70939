package com.livechat.e2e.browser.support;

import com.microsoft.playwright.Page;
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
}
