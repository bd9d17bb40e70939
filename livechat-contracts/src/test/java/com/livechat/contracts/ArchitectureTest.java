package com.livechat.contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The contract is readable by anyone with a JSON library: its classes use nothing but the JDK and Jackson (no
 * framework, no Kafka client), and its packages form no cycle. (test-support's PackageCycles does the same for the
 * other modules; this module cannot depend on test-support, which depends on it.)
 */
class ArchitectureTest {

    private static final JavaClasses CONTRACTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.livechat.contracts");

    @Test
    void theContractUsesOnlyTheJdkAndJackson() {
        noClasses().should().dependOnClassesThat()
                .resideOutsideOfPackages("java..", "com.fasterxml.jackson..", "com.livechat.contracts..")
                .check(CONTRACTS);
    }

    @Test
    void noPackageCycle() {
        slices().matching("com.livechat.contracts.(**)").should().beFreeOfCycles().check(CONTRACTS);
    }
}
