package com.livechat.testsupport.contract;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Collects the {@link KafkaContract} violations of the records a background reader sees, so the test thread fails
 * with them ({@link #assertNone()}) instead of the reader thread dying and the test waiting in vain.
 */
public final class ContractWatch {

    private final List<String> violations = new CopyOnWriteArrayList<>();

    /** Checks {@code value} read from {@code topic}, when the contract lists that topic's records. */
    public void check(String topic, String value) {
        if (value != null && KafkaContract.describes(topic)) {
            violations.addAll(KafkaContract.violations(topic, value));
        }
    }

    public void assertNone() {
        if (!violations.isEmpty()) {
            throw new AssertionError("Records the service produced break the Kafka contract "
                    + "(contracts/asyncapi-kafka.yaml):\n" + String.join("\n", violations));
        }
    }
}
