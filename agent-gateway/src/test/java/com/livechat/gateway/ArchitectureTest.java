package com.livechat.gateway;

import com.livechat.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    @Disabled("cycles api→domain→messaging→api, domain↔messaging and config↔domain (AdminAccountBootstrap), "
            + "removed by the gateway restructuring (issue 12)")
    void noPackageCycle() {
        PackageCycles.assertNone("com.livechat.gateway");
    }
}
