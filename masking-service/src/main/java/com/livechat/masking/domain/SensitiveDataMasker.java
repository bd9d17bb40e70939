package com.livechat.masking.domain;

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
        StringBuilder masked = new StringBuilder(text.length());
        int copied = 0;
        for (Finding finding : findings) {
            masked.append(text, copied, finding.start())
                    .append(MaskFormat.mask(finding.type(), text.substring(finding.start(), finding.end())));
            copied = finding.end();
        }
        return new MaskingResult(masked.append(text, copied, text.length()).toString(), findings);
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
