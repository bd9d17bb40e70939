package com.livechat.platform.time;

import com.livechat.contracts.events.BusinessHours;
import com.livechat.contracts.events.OpeningRange;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one rule of a queue's business hours ({@link BusinessHours}), pure: used by routing (offer a queue's chats
 * only while it is open, count its maximum wait only from the opening) and by the gateway (a closed queue takes
 * messages instead of chats). No business hours (null) means always open.
 * <p>
 * A weekly range opens on its day at {@code opens} in the queue's time zone and closes at {@code closes} the same day,
 * or the next day when {@code closes} is at or before {@code opens} (overnight; {@code 00:00}-{@code 00:00} is the
 * whole day). A holiday (a local date) starts no range; a range that started the day before runs on into it.
 * Local times that do not exist (the hour skipped when clocks go forward) are moved forward by the gap; a local time
 * that exists twice (clocks go back) is its first occurrence. Ranges that overlap or touch form one open period.
 */
public final class OpeningHours {

    /** Most weekly ranges and holidays a schedule may hold. */
    public static final int MAX_RANGES = 28;
    public static final int MAX_HOLIDAYS = 400;
    /** How far {@link #nextOpening} looks ahead. */
    static final int LOOK_AHEAD_DAYS = 800;
    /** How far back an open period is followed to find where it began. */
    private static final int LOOK_BACK_DAYS = 8;

    private OpeningHours() {
    }

    /** An open period, from {@code opens} (inclusive) to {@code closes} (exclusive). */
    public record Period(Instant opens, Instant closes) {
        boolean contains(Instant at) {
            return !at.isBefore(opens) && at.isBefore(closes);
        }
    }

    /** Whether the queue with these hours is open at {@code at} (always, without hours). */
    public static boolean isOpen(BusinessHours hours, Instant at) {
        return hours == null || currentPeriod(hours, at).isPresent();
    }

    /**
     * When the open period containing {@code at} began (looked for up to 8 days back); empty when closed at
     * {@code at}. Without hours, empty as well: an always-open queue has no opening.
     */
    public static Optional<Instant> openSince(BusinessHours hours, Instant at) {
        return hours == null ? Optional.empty() : currentPeriod(hours, at).map(Period::opens);
    }

    /**
     * The next instant after {@code at} at which a closed queue opens; empty when it is open at {@code at}, has no
     * hours, or opens on none of the next 800 days.
     */
    public static Optional<Instant> nextOpening(BusinessHours hours, Instant at) {
        if (hours == null || currentPeriod(hours, at).isPresent()) {
            return Optional.empty();
        }
        return periods(hours, at, 0, LOOK_AHEAD_DAYS).stream().map(Period::opens).filter(opens -> opens.isAfter(at))
                .findFirst();
    }

    /** Why these hours cannot be used (unknown zone, bad day or time, bad date, too many), empty when valid. */
    public static Optional<String> check(BusinessHours hours) {
        if (hours == null) {
            return Optional.empty();
        }
        try {
            if (hours.timeZone() == null || hours.timeZone().isBlank()) {
                return Optional.of("Business hours need a time zone (such as Europe/Paris).");
            }
            ZoneId.of(hours.timeZone());
        } catch (DateTimeException e) {
            return Optional.of("Unknown time zone '" + hours.timeZone() + "'.");
        }
        List<OpeningRange> weekly = hours.weekly() == null ? List.of() : hours.weekly();
        if (weekly.size() > MAX_RANGES) {
            return Optional.of("At most " + MAX_RANGES + " weekly ranges.");
        }
        for (OpeningRange range : weekly) {
            if (range == null || range.day() == null || range.opens() == null || range.closes() == null) {
                return Optional.of("Each weekly range needs a day, an opening and a closing time.");
            }
            try {
                DayOfWeek.valueOf(range.day());
            } catch (IllegalArgumentException e) {
                return Optional.of("Unknown day '" + range.day() + "' (MONDAY to SUNDAY).");
            }
            Optional<String> time = checkTime(range.opens()).or(() -> checkTime(range.closes()));
            if (time.isPresent()) {
                return time;
            }
        }
        List<String> holidays = hours.holidays() == null ? List.of() : hours.holidays();
        if (holidays.size() > MAX_HOLIDAYS) {
            return Optional.of("At most " + MAX_HOLIDAYS + " holidays.");
        }
        for (String holiday : holidays) {
            try {
                LocalDate.parse(holiday == null ? "" : holiday);
            } catch (DateTimeParseException e) {
                return Optional.of("A holiday is a date YYYY-MM-DD; '" + holiday + "' is not.");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> checkTime(String time) {
        if (!time.matches("\\d{2}:\\d{2}")) {
            return Optional.of("A time is HH:mm (00:00 to 23:59); '" + time + "' is not.");
        }
        try {
            LocalTime.parse(time);
            return Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.of("A time is HH:mm (00:00 to 23:59); '" + time + "' is not.");
        }
    }

    private static Optional<Period> currentPeriod(BusinessHours hours, Instant at) {
        return periods(hours, at, LOOK_BACK_DAYS, 1).stream().filter(period -> period.contains(at)).findFirst();
    }

    /**
     * The open periods of the ranges starting from {@code daysBack} days before {@code at}'s local date to
     * {@code daysAhead} days after it, in order, overlapping or touching ones merged.
     */
    static List<Period> periods(BusinessHours hours, Instant at, int daysBack, int daysAhead) {
        ZoneId zone = ZoneId.of(hours.timeZone());
        LocalDate today = at.atZone(zone).toLocalDate();
        Set<LocalDate> holidays = new HashSet<>();
        if (hours.holidays() != null) {
            hours.holidays().forEach(holiday -> holidays.add(LocalDate.parse(holiday)));
        }
        List<Period> ranges = new ArrayList<>();
        List<OpeningRange> weekly = hours.weekly() == null ? List.of() : hours.weekly();
        for (LocalDate day = today.minusDays(daysBack); !day.isAfter(today.plusDays(daysAhead)); day = day.plusDays(1)) {
            if (holidays.contains(day)) {
                continue;
            }
            for (OpeningRange range : weekly) {
                if (DayOfWeek.valueOf(range.day()) != day.getDayOfWeek()) {
                    continue;
                }
                LocalTime opens = LocalTime.parse(range.opens());
                LocalTime closes = LocalTime.parse(range.closes());
                LocalDate closingDay = closes.isAfter(opens) ? day : day.plusDays(1);
                Instant from = ZonedDateTime.of(day, opens, zone).toInstant();
                Instant to = ZonedDateTime.of(closingDay, closes, zone).toInstant();
                if (to.isAfter(from)) {
                    ranges.add(new Period(from, to));
                }
            }
        }
        ranges.sort(Comparator.comparing(Period::opens));
        List<Period> merged = new ArrayList<>();
        for (Period range : ranges) {
            Period last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !range.opens().isAfter(last.closes())) {
                if (range.closes().isAfter(last.closes())) {
                    merged.set(merged.size() - 1, new Period(last.opens(), range.closes()));
                }
            } else {
                merged.add(range);
            }
        }
        return merged;
    }
}
