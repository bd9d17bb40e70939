package com.livechat.e2e.browser.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.livechat.testsupport.stack.LivechatService;
import com.microsoft.playwright.Frame;
import com.microsoft.playwright.Page;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Finds English left on a page shown in French: the phrases of the English translations (every
 * {@code src/locales/en/*.json} of the web app, split at their placeholders) that no French translation uses,
 * searched as whole phrases in the page's visible text and in the labels, placeholders and titles of its elements.
 * A translation missing in French (i18next falls back to English) is found; a string written in code is not.
 */
public final class EnglishLeft {

    private static final Path LOCALES = LivechatService.repositoryRoot()
            .resolve("agent-gateway/src/main/webui/src/locales");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|<[^>]*>|\\$t\\([^)]*\\)");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** English fragment → the translation key it comes from. */
    private final Map<String, String> englishOnly;
    /** Texts that are data, not the desktop's words (e.g. reference data entered in English), removed first. */
    private final List<String> data;

    private EnglishLeft(Map<String, String> englishOnly, List<String> data) {
        this.englishOnly = englishOnly;
        this.data = data;
    }

    /** The same check, first removing {@code dataTexts} (e.g. wrap-up reason labels) from what the page shows. */
    public EnglishLeft ignoring(List<String> dataTexts) {
        List<String> longestFirst = new ArrayList<>(dataTexts);
        longestFirst.sort((a, b) -> b.length() - a.length());
        return new EnglishLeft(englishOnly, longestFirst);
    }

    public static EnglishLeft load() {
        Map<String, String> english = strings("en");
        Map<String, String> french = strings("fr");
        String allFrench = String.join("\n", french.values());
        Map<String, String> englishOnly = new LinkedHashMap<>();
        english.forEach((key, value) -> {
            for (String fragment : PLACEHOLDER.split(value)) {
                String phrase = fragment.strip().replaceAll("^[\\p{Punct}\\s]+|[\\p{Punct}\\s]+$", "");
                // a phrase French uses too ("Agent", "chats") proves nothing
                if (phrase.length() >= 3 && phrase.chars().anyMatch(Character::isLetter)
                        && !wholePhrase(phrase).matcher(allFrench).find()) {
                    englishOnly.putIfAbsent(phrase, key);
                }
            }
        });
        return new EnglishLeft(englishOnly, List.of());
    }

    private static final String SHOWN_TEXT = """
            () => [document.body.innerText, document.title,
                   ...[...document.querySelectorAll('[aria-label],[placeholder],[title],[alt]')]
                       .flatMap(e => ['aria-label', 'placeholder', 'title', 'alt']
                           .map(a => e.getAttribute(a)).filter(Boolean))].join('\\n')""";

    /** Fails, naming each English phrase and its key, if the page shows any on {@code screen}. */
    public void assertNoneOn(Page page, String screen) {
        assertNoneIn((String) page.evaluate(SHOWN_TEXT), screen);
    }

    /** The same for a frame (the embedded widget's chat). */
    public void assertNoneOn(Frame frame, String screen) {
        assertNoneIn((String) frame.evaluate(SHOWN_TEXT), screen);
    }

    private void assertNoneIn(String everything, String screen) {
        String shown = withoutData(everything);
        TreeSet<String> found = new TreeSet<>();
        englishOnly.forEach((phrase, key) -> {
            Matcher match = wholePhrase(phrase).matcher(shown);
            if (match.find()) {
                found.add("'" + phrase + "' (" + key + ") in \"" + around(shown, match.start(), match.end()) + "\"");
            }
        });
        assertEquals(List.of(), new ArrayList<>(found), "English on the French " + screen + " screen");
    }

    /** The text around a find, on one line, so that a failure says where the English is. */
    private static String around(String text, int start, int end) {
        return text.substring(Math.max(0, start - 40), Math.min(text.length(), end + 40)).replaceAll("\\s+", " ");
    }

    private String withoutData(String text) {
        String left = text;
        for (String dataText : data) {
            left = left.replace(dataText, " ");
        }
        return left;
    }

    private static Pattern wholePhrase(String phrase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase) + "(?![\\p{L}\\p{N}])");
    }

    /** Every string of a language's translation files, keyed {@code namespace:dotted.key}. */
    private static Map<String, String> strings(String language) {
        Map<String, String> strings = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(LOCALES.resolve(language))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String namespace = file.getFileName().toString().replace(".json", "");
                flatten(namespace + ":", JSON.readTree(file.toFile()), strings);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the translations under " + LOCALES, e);
        }
        return strings;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        if (node.isTextual()) {
            into.put(prefix, node.asText());
            return;
        }
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.endsWith(":") ? prefix + field.getKey() : prefix + "." + field.getKey();
            flatten(key, field.getValue(), into);
        }
    }
}
