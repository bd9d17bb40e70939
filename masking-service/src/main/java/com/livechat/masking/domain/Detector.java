package com.livechat.masking.domain;

import java.util.List;

/** Finds one kind of sensitive data in a text. Implementations are stateless and thread-safe. */
public interface Detector {

    /** Every occurrence in {@code text}, in order, without overlaps between them. */
    List<Finding> find(String text);
}
