package com.livechat.masking.domain;

import java.util.List;

/** Finds one kind of sensitive data in a text. Implementations are stateless and thread-safe. */
public interface Detector {

    /** Every occurrence in {@code text}, in order of position; the masker settles overlaps between detectors. */
    List<Finding> find(String text);
}
