package com.livechat.gateway;

import com.livechat.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    /** Each package can be read and changed knowing only the ones below it (the map: docs/api/gateway.md). */
    @Test
    void noPackageCycle() {
        PackageCycles.assertNone("com.livechat.gateway");
    }
}
