package com.livechat.masking.domain;

import com.livechat.platform.validation.CardNumbers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Finds sensitive data with every detector and masks what the scope covers; text outside the findings is copied
 * unchanged. Thread-safe: detectors are stateless.
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

    /** Every detector of this service, reading national phone numbers in {@code defaultPhoneRegion}. */
    public static SensitiveDataMasker withAllDetectors(String defaultPhoneRegion) {
        return new SensitiveDataMasker(List.of(new CreditCardDetector(), new IbanDetector(), new SsnDetector(),
                new EmailDetector(), new PhoneDetector(defaultPhoneRegion)));
    }

    public MaskingResult mask(String text, MaskingScope scope) {
        List<Finding> findings = findingsToMask(text, scope);
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

    private List<Finding> findingsToMask(String text, MaskingScope scope) {
        List<Finding> candidates = null;
        for (Detector detector : detectors) {
            List<Finding> found = detector.find(text);
            if (!found.isEmpty()) {
                if (candidates == null) {
                    candidates = new ArrayList<>(found.size());
                }
                candidates.addAll(found);
            }
        }
        if (candidates == null) {
            return List.of();
        }
        List<Finding> settled = settleOverlaps(candidates);
        settled.removeIf(finding -> !scope.covers(finding.type()));
        return settled;
    }

    static List<Finding> settleOverlaps(List<Finding> candidates) {
        List<Finding> byPrecedence = new ArrayList<>(candidates);
        byPrecedence.sort(PRECEDENCE);
        List<Finding> kept = new ArrayList<>(byPrecedence.size());
        for (Finding candidate : byPrecedence) {
            if (kept.stream().noneMatch(candidate::overlaps)) {
                kept.add(candidate);
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }
}
