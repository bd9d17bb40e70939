package com.livechat.gateway.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * No package of the gateway depends, directly or through others, on a package that depends on it: each package
 * (every sub-package its own slice) can be read and changed knowing only the ones below it.
 */
class PackageCyclesTest {

    @Test
    void theGatewaysPackagesHaveNoCycle() {
        JavaClasses gateway = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.livechat.gateway");
        slices().matching("com.livechat.gateway.(**)").should().beFreeOfCycles().check(gateway);
    }
}
