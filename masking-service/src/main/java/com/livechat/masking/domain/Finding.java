package com.livechat.masking.domain;

/** Sensitive data found in a text: its type and its span {@code [start, end)} in Java string indices. */
public record Finding(SensitiveType type, int start, int end) {

    public Finding {
        if (type == null || start < 0 || end <= start) {
            throw new IllegalArgumentException("Invalid finding " + type + " [" + start + ", " + end + ")");
        }
    }

    public int length() {
        return end - start;
    }

    public boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
