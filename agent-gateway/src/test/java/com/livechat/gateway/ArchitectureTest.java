package com.livechat.gateway;

import com.livechat.testsupport.architecture.PackageCycles;
import com.livechat.testsupport.architecture.PureCore;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** Each package can be read and changed knowing only the ones below it (the map: docs/api/gateway.md). */
    @Test
    void noPackageCycle() {
        PackageCycles.assertNone("com.livechat.gateway");
    }

    /** The supervisor console's figures are computed by a pure core: no I/O, no framework, no clock of its own. */
    @Test
    void theSupervisionFiguresAreAPureCore() {
        PureCore.assertPure("com.livechat.gateway", "com.livechat.gateway.supervision");
    }
}
