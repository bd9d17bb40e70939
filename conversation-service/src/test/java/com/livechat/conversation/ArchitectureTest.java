package com.livechat.conversation;

import com.livechat.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void noPackageCycle() {
        PackageCycles.assertNone("com.livechat.conversation");
    }
}
