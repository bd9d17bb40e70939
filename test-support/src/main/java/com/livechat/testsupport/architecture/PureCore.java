package com.livechat.testsupport.architecture;

import java.time.Clock;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The rule behind "{@code domain} is the pure decision core" in every service: fed with loaded values, it returns
 * decisions and events. No I/O (persistence, Vert.x, Mutiny), no framework (Quarkus, CDI), no clock of its own:
 * the adapters around it bring all of these, and the instant of each decision.
 */
public final class PureCore {

    private PureCore() {
    }

    /** Fails, naming every offending dependency, when a class under {@code root.domain} reaches I/O or a framework. */
    public static void assertPure(String root) {
        assertPure(root, root + ".domain");
    }

    /**
     * The same rule for a pure package that is not called {@code domain} (the gateway, cut by what it does, has one:
     * {@code supervision}, the supervisor console's figures), checked among the main classes under {@code root}.
     */
    public static void assertPure(String root, String pureCorePackage) {
        noClasses().that().resideInAPackage(pureCorePackage + "..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..", "io.smallrye.mutiny..",
                        "io.vertx..", "org.hibernate..", "io.quarkus..", "jakarta.enterprise..", "jakarta.inject..")
                .orShould().dependOnClassesThat().belongToAnyOf(Clock.class)
                .check(PackageCycles.mainClasses(root));
    }
}
