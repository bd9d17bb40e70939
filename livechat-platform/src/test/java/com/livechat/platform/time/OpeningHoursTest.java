package com.livechat.platform.time;

import com.livechat.contracts.events.BusinessHours;
import com.livechat.contracts.events.OpeningRange;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpeningHoursTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    /** Monday to Friday 09:00-17:00 in Paris, Christmas off. */
    private static final BusinessHours OFFICE = new BusinessHours("Europe/Paris", List.of(
            range("MONDAY", "09:00", "17:00"), range("TUESDAY", "09:00", "17:00"), range("WEDNESDAY", "09:00", "17:00"),
            range("THURSDAY", "09:00", "17:00"), range("FRIDAY", "09:00", "17:00")), List.of("2026-12-25"));

    private static OpeningRange range(String day, String opens, String closes) {
        return new OpeningRange(day, opens, closes);
    }

    private static Instant paris(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant();
    }

    @Test
    void withoutHoursAQueueIsAlwaysOpenAndHasNoOpening() {
        assertTrue(OpeningHours.isOpen(null, Instant.parse("2026-12-25T03:00:00Z")));
        assertEquals(Optional.empty(), OpeningHours.nextOpening(null, Instant.parse("2026-12-25T03:00:00Z")));
        assertEquals(Optional.empty(), OpeningHours.openSince(null, Instant.parse("2026-12-25T03:00:00Z")));
    }

    @Test
    void openFromTheOpeningIncludedToTheClosingExcludedInTheQueuesZone() {
        // Thursday 2026-12-03
        assertFalse(OpeningHours.isOpen(OFFICE, paris("2026-12-03T08:59:59")));
        assertTrue(OpeningHours.isOpen(OFFICE, paris("2026-12-03T09:00:00")));
        assertTrue(OpeningHours.isOpen(OFFICE, paris("2026-12-03T16:59:59")));
        assertFalse(OpeningHours.isOpen(OFFICE, paris("2026-12-03T17:00:00")));
        // 09:30 in Paris is 08:30 UTC in winter: read in the queue's zone, not UTC.
        assertTrue(OpeningHours.isOpen(OFFICE, Instant.parse("2026-12-03T08:30:00Z")));
        assertFalse(OpeningHours.isOpen(OFFICE, Instant.parse("2026-12-03T16:30:00Z")));
    }

    @Test
    void closedOnDaysWithoutARangeAndOnHolidays() {
        assertFalse(OpeningHours.isOpen(OFFICE, paris("2026-12-05T12:00:00")), "Saturday");
        assertFalse(OpeningHours.isOpen(OFFICE, paris("2026-12-25T12:00:00")), "Christmas, a Friday");
        assertTrue(OpeningHours.isOpen(OFFICE, paris("2026-12-24T12:00:00")));
    }

    @Test
    void theNextOpeningSkipsTheWeekEndAndHolidays() {
        // Thursday 24 at 18:00: Friday 25 is a holiday, then the week-end: Monday 28 at 09:00.
        assertEquals(Optional.of(paris("2026-12-28T09:00:00")), OpeningHours.nextOpening(OFFICE,
                paris("2026-12-24T18:00:00")));
        assertEquals(Optional.of(paris("2026-12-03T09:00:00")), OpeningHours.nextOpening(OFFICE,
                paris("2026-12-03T07:00:00")));
        assertEquals(Optional.empty(), OpeningHours.nextOpening(OFFICE, paris("2026-12-03T10:00:00")), "open now");
    }

    @Test
    void anOvernightRangeRunsIntoTheNextDayEvenAHoliday() {
        BusinessHours night = new BusinessHours("Europe/Paris", List.of(range("FRIDAY", "22:00", "06:00")),
                List.of("2026-12-05"));
        assertTrue(OpeningHours.isOpen(night, paris("2026-12-04T23:30:00")));
        assertTrue(OpeningHours.isOpen(night, paris("2026-12-05T05:59:00")), "Saturday, a holiday, still open");
        assertFalse(OpeningHours.isOpen(night, paris("2026-12-05T06:00:00")));
        assertEquals(Optional.of(paris("2026-12-04T22:00:00")), OpeningHours.openSince(night,
                paris("2026-12-05T03:00:00")));
        // A holiday on the Friday: that night stays closed.
        BusinessHours fridayOff = new BusinessHours("Europe/Paris", night.weekly(), List.of("2026-12-04"));
        assertFalse(OpeningHours.isOpen(fridayOff, paris("2026-12-04T23:30:00")));
        assertEquals(Optional.of(paris("2026-12-11T22:00:00")), OpeningHours.nextOpening(fridayOff,
                paris("2026-12-04T23:30:00")));
    }

    @Test
    void midnightToMidnightIsTheWholeDayAndTouchingRangesAreOnePeriod() {
        BusinessHours weekend = new BusinessHours("UTC", List.of(range("SATURDAY", "00:00", "00:00"),
                range("SUNDAY", "00:00", "00:00")), List.of());
        Instant sundayNoon = Instant.parse("2026-12-06T12:00:00Z");
        assertTrue(OpeningHours.isOpen(weekend, sundayNoon));
        assertEquals(Optional.of(Instant.parse("2026-12-05T00:00:00Z")), OpeningHours.openSince(weekend, sundayNoon),
                "opened on Saturday, not again at midnight");
        assertFalse(OpeningHours.isOpen(weekend, Instant.parse("2026-12-07T00:00:00Z")));
    }

    @Test
    void whenClocksGoForwardASkippedOpeningMovesToTheEndOfTheGap() {
        // Paris, Sunday 2027-03-28: 02:00 becomes 03:00.
        BusinessHours early = new BusinessHours("Europe/Paris", List.of(range("SUNDAY", "02:30", "04:00")), List.of());
        assertEquals(Optional.of(Instant.parse("2027-03-28T01:30:00Z")), OpeningHours.nextOpening(early,
                Instant.parse("2027-03-27T12:00:00Z")), "02:30 does not exist: opens at 03:30 CEST");
        assertTrue(OpeningHours.isOpen(early, Instant.parse("2027-03-28T01:45:00Z")));
        assertFalse(OpeningHours.isOpen(early, Instant.parse("2027-03-28T02:00:00Z")), "04:00 CEST");
    }

    @Test
    void whenClocksGoBackARangeLastsAnHourLongerInRealTime() {
        // Paris, Sunday 2026-10-25: 03:00 CEST becomes 02:00 CET. 00:00-06:00 local lasts 7 hours.
        BusinessHours range = new BusinessHours("Europe/Paris", List.of(range("SUNDAY", "00:00", "06:00")), List.of());
        assertTrue(OpeningHours.isOpen(range, Instant.parse("2026-10-24T22:00:00Z")), "00:00 CEST");
        assertTrue(OpeningHours.isOpen(range, Instant.parse("2026-10-25T04:59:00Z")), "05:59 CET");
        assertFalse(OpeningHours.isOpen(range, Instant.parse("2026-10-25T05:00:00Z")), "06:00 CET");
    }

    @Test
    void theSameInstantIsOpenInOneZoneAndClosedInAnother() {
        Instant at = Instant.parse("2026-12-03T20:00:00Z");
        BusinessHours montreal = new BusinessHours("America/Montreal", OFFICE.weekly(), List.of());
        assertTrue(OpeningHours.isOpen(montreal, at), "15:00 in Montreal");
        assertFalse(OpeningHours.isOpen(OFFICE, at), "21:00 in Paris");
    }

    @Test
    void noRangeAtAllIsNeverOpenAndHasNoNextOpening() {
        BusinessHours never = new BusinessHours("UTC", List.of(), List.of());
        assertFalse(OpeningHours.isOpen(never, Instant.parse("2026-12-03T12:00:00Z")));
        assertEquals(Optional.empty(), OpeningHours.nextOpening(never, Instant.parse("2026-12-03T12:00:00Z")));
    }

    @Test
    void checkNamesWhatIsWrong() {
        assertEquals(Optional.empty(), OpeningHours.check(OFFICE));
        assertEquals(Optional.empty(), OpeningHours.check(null));
        assertTrue(OpeningHours.check(new BusinessHours("Mars/Olympus", List.of(), List.of())).orElseThrow()
                .contains("Mars/Olympus"));
        assertTrue(OpeningHours.check(new BusinessHours(null, List.of(), List.of())).isPresent());
        assertTrue(OpeningHours.check(new BusinessHours("UTC", List.of(range("FUNDAY", "09:00", "10:00")), List.of()))
                .orElseThrow().contains("FUNDAY"));
        assertTrue(OpeningHours.check(new BusinessHours("UTC", List.of(range("MONDAY", "24:00", "10:00")), List.of()))
                .orElseThrow().contains("24:00"));
        assertTrue(OpeningHours.check(new BusinessHours("UTC", List.of(range("MONDAY", "9:00", "10:00")), List.of()))
                .isPresent());
        assertTrue(OpeningHours.check(new BusinessHours("UTC", List.of(), List.of("2026-02-30"))).orElseThrow()
                .contains("2026-02-30"));
        assertTrue(OpeningHours.check(new BusinessHours("UTC", java.util.Collections.nCopies(29,
                range("MONDAY", "09:00", "10:00")), List.of())).isPresent());
    }
}
