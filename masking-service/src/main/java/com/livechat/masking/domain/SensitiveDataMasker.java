package com.livechat.masking.domain;

import com.livechat.platform.validation.AsciiFolding;
import com.livechat.platform.validation.CardNumbers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Finds sensitive data with every detector and masks what the scope covers; text outside the findings is copied
 * unchanged. Thread-safe: detectors are stateless.
 *
 * <p>A first pass ({@link Candidates}) finds where anything could be: clean text comes back as it is after that one
 * scan, without running a detector or allocating anything but the result; otherwise each detector looks only at the
 * candidate spans of its kind, in the text folded to ASCII digits, spaces and dashes (index for index, so findings
 * point into the original, whose characters outside the masks are kept as typed).
 *
 * <p>Detectors may claim overlapping spans (a card number inside a "+" phone number, an e-mail address made of a
 * phone number). They are settled before the scope applies, the same way every time: validated PCI numbers win
 * over contact details, then the longest span, then the first. Settling first means that a card number stays a
 * card number, shown in clear when PCI masking is off, rather than being masked as a phone number.
 */
public final class SensitiveDataMasker {

    private static final Comparator<Finding> PRECEDENCE = Comparator
            .comparing((Finding f) -> f.type().category() == SensitiveType.Category.PCI ? 0 : 1)
            .thenComparing(Comparator.comparingInt(Finding::length).reversed())
            .thenComparingInt(Finding::start)
            .thenComparing(Finding::type);

    private final List<Detector> detectors;

    public SensitiveDataMasker(List<Detector> detectors) {
        this.detectors = List.copyOf(detectors);
    }

    /**
     * Every detector of this service, reading phone numbers written without a country code as numbers of
     * {@code phoneRegions} (ISO 3166 codes; none for {@link PhoneDetector#DEFAULT_REGIONS}, those of a European and
     * North-American contact center).
     */
    public static SensitiveDataMasker withAllDetectors(String... phoneRegions) {
        return new SensitiveDataMasker(List.of(new CreditCardDetector(), new IbanDetector(), new SsnDetector(),
                new FrenchNirDetector(), new UkNinoDetector(), new SpanishDniDetector(),
                new ItalianFiscalCodeDetector(), new BelgianNationalNumberDetector(),
                new EmailDetector(), new PhoneDetector(phoneRegions)));
    }

    public MaskingResult mask(String text, MaskingScope scope) {
        Candidates candidates = Candidates.of(text);
        if (candidates == null) {
            return new MaskingResult(text, List.of());
        }
        List<Finding> findings = findingsToMask(text, candidates, scope);
        if (findings.isEmpty()) {
            return new MaskingResult(text, List.of());
        }
        String masked = render(text, findings);
        if (scope.covers(SensitiveType.CREDIT_CARD)) {
            // A mask keeps the last four digits of what it hides: with the digits around it they could read as a card
            // number that the conversation service would then refuse. The masking widens until none is left; each
            // round leaves less text in clear, or fewer findings, or fewer that are not cards, so it ends.
            for (List<CardNumbers.Span> left = CardNumbers.find(masked); !left.isEmpty();
                    left = CardNumbers.find(masked)) {
                findings = withCardAt(text, findings, left.get(0));
                masked = render(text, findings);
            }
        }
        return new MaskingResult(masked, findings);
    }

    private static String render(String text, List<Finding> findings) {
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        for (Finding finding : findings) {
            masked.append(text, copied, finding.start()).append(maskOf(text, finding));
            copied = finding.end();
        }
        return masked.append(text, copied, text.length()).toString();
    }

    private static String maskOf(String text, Finding finding) {
        return MaskFormat.mask(finding.type(), text.substring(finding.start(), finding.end()));
    }

    /**
     * The findings plus a card number seen at {@code card} in their masked rendering, mapped back to the original
     * text; the findings it touches are merged into it.
     */
    private static List<Finding> withCardAt(String text, List<Finding> findings, CardNumbers.Span card) {
        int start = originalRange(text, findings, card.start())[0];
        int end = originalRange(text, findings, card.end() - 1)[1];
        List<Finding> widened = new ArrayList<>(findings.size());
        for (Finding finding : findings) {
            if (finding.end() <= start || finding.start() >= end) {
                widened.add(finding);
            }
        }
        widened.add(new Finding(SensitiveType.CREDIT_CARD, start, end));
        widened.sort(Comparator.comparingInt(Finding::start));
        return widened;
    }

    /** Where a character of the masked rendering comes from: itself, or the whole finding whose mask it is part of. */
    private static int[] originalRange(String text, List<Finding> findings, int maskedIndex) {
        int copied = 0;
        int rendered = 0;
        for (Finding finding : findings) {
            int plain = finding.start() - copied;
            if (maskedIndex < rendered + plain) {
                break;
            }
            rendered += plain;
            int maskLength = maskOf(text, finding).length();
            if (maskedIndex < rendered + maskLength) {
                return new int[] {finding.start(), finding.end()};
            }
            rendered += maskLength;
            copied = finding.end();
        }
        int original = copied + maskedIndex - rendered;
        return new int[] {original, original + 1};
    }

    /** This masker as a plain text function, for {@code ConversationCommand.masked}. */
    public UnaryOperator<String> asFunction(MaskingScope scope) {
        return text -> mask(text, scope).text();
    }

    private List<Finding> findingsToMask(String text, Candidates candidates, MaskingScope scope) {
        String folded = candidates.needsFolding() ? AsciiFolding.fold(text) : text;
        List<Finding> found = new ArrayList<>(2);
        for (int span = 0; span < candidates.count(); span++) {
            int kinds = candidates.kinds(span);
            for (Detector detector : detectors) {
                if ((detector.candidateKinds() & kinds) != 0 && (kinds != Candidates.NUMBER
                        || candidates.longestRun(span) >= detector.minimumRunDigits())) {
                    detector.collect(folded, candidates.start(span), candidates.end(span), found);
                }
            }
        }
        if (found.isEmpty()) {
            return List.of();
        }
        List<Finding> settled = settleOverlaps(found);
        settled.removeIf(finding -> !scope.covers(finding.type()));
        return settled;
    }

    static List<Finding> settleOverlaps(List<Finding> candidates) {
        List<Finding> byPrecedence = new ArrayList<>(candidates);
        if (byPrecedence.size() < 2) {
            return byPrecedence;
        }
        byPrecedence.sort(PRECEDENCE);
        List<Finding> kept = new ArrayList<>(byPrecedence.size());
        for (Finding candidate : byPrecedence) {
            if (!overlapsAny(candidate, kept)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }

    private static boolean overlapsAny(Finding candidate, List<Finding> kept) {
        for (Finding other : kept) {
            if (candidate.overlaps(other)) {
                return true;
            }
        }
        return false;
    }
}
