package com.livechat.e2e.browser;

import com.livechat.e2e.browser.support.Browsers;
import com.livechat.e2e.browser.support.DesktopTour;
import com.livechat.e2e.browser.support.Screenshots;
import com.livechat.e2e.support.E2eStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Screenshots of every main screen of the desktop, in English and French, at the reference width and at 400 px
 * ({@code end-to-end-tests/target/screenshots/<screen>-<language>-<width>.png}); the README's pictures are copies.
 * At 400 px nothing may overflow sideways.
 */
class DesktopScreensBrowserTest {

    @BeforeAll
    static void startSystem() {
        E2eStack.get();
    }

    @ParameterizedTest(name = "{0} at {1} px")
    @CsvSource({"en-GB, 1366", "fr-FR, 1366", "en-GB, 400", "fr-FR, 400"})
    void everyMainScreenIsCaptured(String locale, int width) {
        Browsers.Viewport viewport = width == Browsers.NARROW.width() ? Browsers.NARROW : Browsers.DESKTOP;
        List<String> overflowing = new ArrayList<>();
        DesktopTour.walk(locale, viewport, (screen, page) -> {
            Path file = Screenshots.save(page, DesktopTour.screenshotName(screen, locale, viewport));
            assertTrue(Files.exists(file), "saved " + file);
            int overflow = ((Number) page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth"))
                    .intValue();
            if (overflow > 0) {
                overflowing.add(screen + " by " + overflow + " px");
            }
        });
        assertEquals(List.of(), overflowing, "screens wider than the window");
    }
}
