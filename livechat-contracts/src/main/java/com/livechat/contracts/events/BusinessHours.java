package com.livechat.contracts.events;

import java.util.List;

/**
 * A queue's business hours, as values: the {@code timeZone} they are read in (an IANA id such as
 * {@code Europe/Paris}), the weekly opening ranges, and the holidays (local dates, {@code 2026-12-25}) on which no
 * range starts. No business hours at all (null) means always open. The rule that reads them (open at an instant,
 * next opening) is the platform's {@code OpeningHours}.
 */
public record BusinessHours(String timeZone, List<OpeningRange> weekly, List<String> holidays) {
}
