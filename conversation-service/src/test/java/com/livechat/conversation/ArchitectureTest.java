package com.livechat.conversation;

import com.livechat.testsupport.architecture.PackageCycles;
import com.livechat.testsupport.architecture.PureCore;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private static final String ROOT = "com.livechat.conversation";

    @Test
    void noPackageCycle() {
        PackageCycles.assertNone(ROOT);
    }

    /** {@code domain} is the pure decision core (no I/O, no framework, no clock of its own). */
    @Test
    void theDomainIsAPureCore() {
        PureCore.assertPure(ROOT);
    }
}
