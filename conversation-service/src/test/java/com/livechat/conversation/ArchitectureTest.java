package com.livechat.conversation;

import com.livechat.testsupport.architecture.PackageCycles;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private static final String ROOT = "com.livechat.conversation";

    @Test
    void noPackageCycle() {
        PackageCycles.assertNone(ROOT);
    }

    /**
     * {@code domain} is the pure decision core: fed with loaded values, it returns decisions and events. No I/O
     * (persistence, Vert.x, Mutiny), no framework (Quarkus, CDI), no clock of its own: the adapters around it bring
     * all of these, and the instant of each decision.
     */
    @Test
    void theDomainIsAPureCore() {
        noClasses().that().resideInAPackage(ROOT + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "io.smallrye.mutiny..",
                        "io.vertx..", "org.hibernate..", "io.quarkus..", "jakarta.enterprise..", "jakarta.inject..")
                .orShould().dependOnClassesThat().belongToAnyOf(Clock.class)
                .check(PackageCycles.mainClasses(ROOT));
    }
}
