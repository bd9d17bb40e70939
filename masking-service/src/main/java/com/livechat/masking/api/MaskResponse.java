package com.livechat.masking.api;

import com.livechat.masking.domain.Finding;
import com.livechat.masking.domain.MaskingResult;
import com.livechat.masking.domain.SensitiveType;

import java.util.List;

/** The masked text and what was masked, with {@code [start, end)} offsets into the submitted text. */
public record MaskResponse(String text, List<FindingView> findings) {

    static MaskResponse of(MaskingResult result) {
        return new MaskResponse(result.text(), result.findings().stream().map(FindingView::of).toList());
    }

    public record FindingView(SensitiveType type, int start, int end) {

        static FindingView of(Finding finding) {
            return new FindingView(finding.type(), finding.start(), finding.end());
        }
    }
}
