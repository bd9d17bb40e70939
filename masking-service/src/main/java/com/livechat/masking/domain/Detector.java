package com.livechat.masking.domain;

import com.livechat.platform.validation.AsciiFolding;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds one kind of sensitive data in a text. Implementations are stateless and thread-safe.
 *
 * <p>The masker calls {@link #collect} only on the candidate spans its first pass found ({@link Candidates}), with
 * the text already folded to ASCII digits, spaces and dashes ({@link AsciiFolding}, index for index).
 */
public interface Detector {

    /**
     * The kinds of candidate span this detector looks at: {@link Candidates#NUMBER} (every number-like type) unless
     * it says otherwise ({@link Candidates#AT}, {@link Candidates#LONG_TOKEN}).
     */
    default int candidateKinds() {
        return Candidates.NUMBER;
    }

    /**
     * The fewest digits the longest run of a {@link Candidates#NUMBER} span must hold for this detector to find
     * anything in it: every digit of a card number, for instance, is in one run.
     */
    default int minimumRunDigits() {
        return Candidates.MIN_RUN_DIGITS;
    }

    /**
     * Adds to {@code into} every occurrence in the folded {@code text} that starts in {@code [from, to)}, in order of
     * position. An occurrence may end after {@code to}; text outside the span still decides token boundaries.
     */
    void collect(String text, int from, int to, List<Finding> into);

    /** Every occurrence in {@code text} (folded here), in order of position; the masker settles overlaps. */
    default List<Finding> find(String text) {
        List<Finding> found = new ArrayList<>(1);
        collect(AsciiFolding.fold(text), 0, text.length(), found);
        return found;
    }
}
