package com.livechat.masking.domain;

import java.util.List;

/** The masked text and what was masked in it, with spans in the original text, in order. */
public record MaskingResult(String text, List<Finding> findings) {
}
