package com.livechat.masking.domain;

import com.livechat.platform.validation.CardNumbers;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precision and recall of every detector on the labelled chat corpus. A finding counts as correct only when its
 * type and its exact span match a label. The figures are printed (surefire's {@code *-output.txt}) and held to
 * thresholds that a regression in any detector breaks.
 */
class MaskingCorpusTest {

    private static final String CORPUS = "/corpus/chat-lines.tsv";
    private static final double MIN_PRECISION = 0.95;
    private static final double MIN_RECALL = 0.95;

    private static List<LabelledLine> corpus;
    private static Map<SensitiveType, Score> scores;
    private static List<String> mistakes;

    @BeforeAll
    static void maskTheCorpus() throws IOException {
        corpus = readCorpus();
        SensitiveDataMasker masker = SensitiveDataMasker.withAllDetectors();
        scores = new EnumMap<>(SensitiveType.class);
        for (SensitiveType type : SensitiveType.values()) {
            scores.put(type, new Score());
        }
        mistakes = new ArrayList<>();
        for (LabelledLine line : corpus) {
            List<Finding> found = masker.mask(line.text(), MaskingScope.EVERYTHING).findings();
            Set<Finding> expected = new HashSet<>(line.expected());
            for (Finding finding : found) {
                if (expected.remove(finding)) {
                    scores.get(finding.type()).truePositives++;
                } else {
                    scores.get(finding.type()).falsePositives++;
                    mistakes.add("line " + line.lineNumber() + " false " + describe(line, finding));
                }
            }
            for (Finding missed : expected) {
                scores.get(missed.type()).falseNegatives++;
                mistakes.add("line " + line.lineNumber() + " missed " + describe(line, missed));
            }
        }
        printReport();
    }

    @Test
    void corpusIsLargeBilingualAndCoversEveryDetector() {
        Map<String, Long> perLanguage = corpus.stream()
                .collect(Collectors.groupingBy(LabelledLine::language, Collectors.counting()));
        long clean = corpus.stream().filter(line -> line.expected().isEmpty()).count();

        assertTrue(corpus.size() >= 300, "corpus lines: " + corpus.size());
        assertEquals(Set.of("en", "fr"), perLanguage.keySet());
        assertTrue(perLanguage.values().stream().allMatch(count -> count >= 100), "lines per language: " + perLanguage);
        assertTrue(clean >= 100, "lines without sensitive data: " + clean);
        for (SensitiveType type : SensitiveType.values()) {
            long labelled = corpus.stream().flatMap(line -> line.expected().stream())
                    .filter(finding -> finding.type() == type).count();
            assertTrue(labelled >= 20, type + " labels: " + labelled);
        }
    }

    @Test
    void everyDetectorIsPreciseAndComplete() {
        assertAll(scores.entrySet().stream().map(entry -> () -> {
            Score score = entry.getValue();
            assertTrue(score.precision() >= MIN_PRECISION,
                    entry.getKey() + " precision " + score.precision() + "; " + mistakes);
            assertTrue(score.recall() >= MIN_RECALL, entry.getKey() + " recall " + score.recall() + "; " + mistakes);
        }));
    }

    @Test
    void linesWithoutLabelsComeOutUnchangedInAlmostAllCases() {
        SensitiveDataMasker masker = SensitiveDataMasker.withAllDetectors();
        List<LabelledLine> clean = corpus.stream().filter(line -> line.expected().isEmpty()).toList();
        long untouched = clean.stream()
                .filter(line -> masker.mask(line.text(), MaskingScope.EVERYTHING).text().equals(line.text()))
                .count();

        assertTrue(untouched >= clean.size() * MIN_PRECISION, untouched + " of " + clean.size() + " clean lines untouched");
    }

    /** The conversation service's PCI guard applies the same card rule: it must accept whatever masking let through. */
    @Test
    void noMaskedLineStillHoldsACardNumberForTheGuard() {
        SensitiveDataMasker masker = SensitiveDataMasker.withAllDetectors();
        for (MaskingScope scope : List.of(MaskingScope.EVERYTHING, new MaskingScope(true, false))) {
            List<String> refused = corpus.stream().map(line -> masker.mask(line.text(), scope).text())
                    .filter(CardNumbers::containsCardNumber).toList();

            assertEquals(List.of(), refused, "masked with " + scope);
        }
    }

    private static List<LabelledLine> readCorpus() throws IOException {
        try (InputStream in = MaskingCorpusTest.class.getResourceAsStream(CORPUS)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            List<LabelledLine> parsed = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                if (!lines[i].isBlank() && !lines[i].startsWith("#")) {
                    parsed.add(LabelledLine.parse(i + 1, lines[i]));
                }
            }
            return parsed;
        }
    }

    private static String describe(LabelledLine line, Finding finding) {
        return finding.type() + " '" + line.text().substring(finding.start(), finding.end()) + "'";
    }

    private static void printReport() {
        StringBuilder report = new StringBuilder("\nMasking corpus: " + corpus.size() + " lines\n");
        report.append(String.format("%-12s %5s %5s %5s %10s %8s%n", "type", "TP", "FP", "FN", "precision", "recall"));
        scores.forEach((type, score) -> report.append(String.format("%-12s %5d %5d %5d %10.3f %8.3f%n", type,
                score.truePositives, score.falsePositives, score.falseNegatives, score.precision(), score.recall())));
        mistakes.forEach(mistake -> report.append("  ").append(mistake).append('\n'));
        System.out.println(report);
    }

    private static final class Score {
        int truePositives;
        int falsePositives;
        int falseNegatives;

        double precision() {
            return truePositives + falsePositives == 0 ? 1.0 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1.0 : (double) truePositives / (truePositives + falseNegatives);
        }
    }
}
