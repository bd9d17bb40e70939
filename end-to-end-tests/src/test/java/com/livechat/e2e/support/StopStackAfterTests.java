package com.livechat.e2e.support;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the services once every test class ran, instead of in a JVM shutdown hook the test runner may cut short. */
public class StopStackAfterTests implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        E2eStack.stop();
    }
}
