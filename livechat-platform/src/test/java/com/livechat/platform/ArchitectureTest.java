package com.livechat.platform;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * No package cycle in the platform. (test-support's PackageCycles does the same for the services; this module cannot
 * depend on test-support, which depends on it.)
 */
class ArchitectureTest {

    @Test
    void noPackageCycle() {
        slices().matching("com.livechat.platform.(**)").should().beFreeOfCycles().check(new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.livechat.platform"));
    }
}
