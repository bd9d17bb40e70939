package com.livechat.masking;

import com.livechat.testsupport.architecture.PackageCycles;
import com.livechat.testsupport.architecture.PureCore;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /**
     * {@code domain} is the pure core (detectors, masker, policy values), {@code policy} keeps the policy in force
     * and its audit trail in the database, {@code config}, {@code messaging} and {@code api} adapt them: no way back.
     */
    @Test
    void noPackageCycle() {
        PackageCycles.assertNone("com.livechat.masking");
    }

    /** {@code domain} is the pure decision core (no I/O, no framework, no clock of its own). */
    @Test
    void theDomainIsAPureCore() {
        PureCore.assertPure("com.livechat.masking");
    }
}
