package com.livechat.testsupport.faults;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The fault suite's bookkeeping: what counts as delivered, lost, duplicated, out of order, recovered. */
class MessageLedgerTest {

    private final MessageLedger ledger = new MessageLedger();

    MessageLedgerTest() {
        ledger.participant("c1", "customer");
        ledger.participant("c1", "agent");
        ledger.window("fault");
    }

    @Test
    void aMessageIsDeliveredOnlyWhenEveryParticipantSawItAndLostOtherwise() {
        ledger.attempt("aa", "c1", 1000);
        ledger.acked("aa");
        ledger.attempt("bb", "c1", 1100);
        ledger.acked("bb");
        ledger.frame("customer", "c1", 5, "m1", "aa", 1200);
        ledger.frame("agent", "c1", 5, "m1", "aa", 1300);
        ledger.frame("customer", "c1", 6, "m2", "bb", 1400);
        ledger.attempt("cc", "c1", 1500); // never acknowledged nor seen: refused, not sent

        MessageLedger.Figures figures = ledger.figures("fault", 1);
        assertEquals(2, figures.sent());
        assertEquals(1, figures.delivered());
        assertEquals(1, figures.lost());
        assertEquals(1, ledger.outstanding());
    }

    @Test
    void theSameMessageIdOrTextShownTwiceIsADuplicateAndALowerSeqIsOutOfOrder() {
        ledger.attempt("aa", "c1", 1000);
        ledger.frame("agent", "c1", 7, "m1", "aa", 1100);
        ledger.frame("agent", "c1", 7, "m1", "aa", 1200); // replayed twice
        ledger.frame("agent", "c1", 9, "m3", "aa", 1300); // the resend stored a second time
        ledger.frame("agent", "c1", 8, "m2", null, 1400); // after 9
        ledger.frame("agent", "c1", 10, null, null, 1500);
        ledger.frame("agent", "c1", 10, null, null, 1600); // a non-message frame twice

        MessageLedger.Figures figures = ledger.figures("fault", 1);
        assertEquals(3, figures.duplicated());
        assertEquals(1, figures.outOfOrder());
        assertEquals(10, ledger.lastSeq("agent", "c1"));
    }

    @Test
    void recoveryIsWhenAMessageSentAfterTheFaultReachedEveryoneInEveryChat() {
        ledger.participant("c2", "customer2");
        ledger.participant("c2", "agent");
        ledger.attempt("old", "c1", 900); // before the fault: does not count
        ledger.frame("customer", "c1", 1, "m0", "old", 1000);
        ledger.frame("agent", "c1", 1, "m0", "old", 1000);
        ledger.attempt("aa", "c1", 1000);
        ledger.frame("customer", "c1", 2, "m1", "aa", 2000);
        ledger.frame("agent", "c1", 2, "m1", "aa", 3500);
        assertNull(ledger.recoverySeconds(Set.of("c1", "c2"), 1000), "c2 has not flowed again");

        ledger.attempt("bb", "c2", 1200);
        ledger.frame("customer2", "c2", 2, "m2", "bb", 2500);
        ledger.frame("agent", "c2", 2, "m2", "bb", 3000);
        assertEquals(2.5, ledger.recoverySeconds(Set.of("c1", "c2"), 1000));
    }
}
