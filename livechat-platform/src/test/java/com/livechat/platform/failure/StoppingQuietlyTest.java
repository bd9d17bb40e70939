package com.livechat.platform.failure;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletionException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoppingQuietlyTest {

    private final StoppingQuietly filter = new StoppingQuietly();

    @Test
    void aRecordLeftUndecidedAtShutdownBecomesOneInfoLineWithoutStackTrace() {
        LogRecord record = new LogRecord(Level.SEVERE, "SRMSG00200: The method %s has thrown an exception");
        record.setThrown(new CompletionException(new UntilDecided.StoppedBeforeDecided("conversation command c-1", null)));

        assertTrue(filter.isLoggable(record));
        assertEquals(Level.INFO, record.getLevel());
        assertNull(record.getThrown());
        assertTrue(record.getMessage().contains("conversation command c-1 is left undecided"), record.getMessage());
    }

    @Test
    void aFailStopNackWhileTheServiceStopsBecomesInfo() {
        LogRecord record = new LogRecord(Level.SEVERE,
                "SRMSG18203: A message sent to channel `%s` has been nacked, fail-stop");
        assertTrue(filter.isLoggable(record, true));
        assertEquals(Level.INFO, record.getLevel());
    }

    @Test
    void aFailStopNackWhileRunningStaysAnError() {
        LogRecord record = new LogRecord(Level.SEVERE,
                "SRMSG18203: A message sent to channel `%s` has been nacked, fail-stop");
        assertTrue(filter.isLoggable(record, false));
        assertEquals(Level.SEVERE, record.getLevel());
    }

    @Test
    void anyOtherErrorPassesUnchanged() {
        IllegalStateException bug = new IllegalStateException("a real failure");
        LogRecord record = new LogRecord(Level.SEVERE, "SRMSG00200: The method %s has thrown an exception");
        record.setThrown(bug);

        assertTrue(filter.isLoggable(record));
        assertEquals(Level.SEVERE, record.getLevel());
        assertSame(bug, record.getThrown());
    }

    @Test
    void aRecordWithoutFailurePassesUnchanged() {
        LogRecord record = new LogRecord(Level.WARNING, "plain warning");
        assertTrue(filter.isLoggable(record));
        assertEquals(Level.WARNING, record.getLevel());
        assertEquals("plain warning", record.getMessage());
    }
}
