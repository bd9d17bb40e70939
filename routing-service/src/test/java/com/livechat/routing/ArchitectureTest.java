package com.livechat.routing;

import com.livechat.testsupport.architecture.PackageCycles;
import com.livechat.testsupport.architecture.PureCore;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void noPackageCycle() {
        PackageCycles.assertNone("com.livechat.routing");
    }

    /** {@code domain} is the pure decision core (no I/O, no framework, no clock of its own). */
    @Test
    void theDomainIsAPureCore() {
        PureCore.assertPure("com.livechat.routing");
    }
}
