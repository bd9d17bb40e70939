package com.livechat.testsupport.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The package-cycle check of every module (ArchUnit): each package under a module's root is a slice, and no slice
 * may depend on another that depends back on it, directly or through others. Only the module's main classes count.
 */
public final class PackageCycles {

    private PackageCycles() {
    }

    /** Fails, naming each cycle and the dependencies that make it, when packages under {@code root} form one. */
    public static void assertNone(String root) {
        slices().matching(root + ".(**)").should().beFreeOfCycles().check(mainClasses(root));
    }

    /** The main (not test) classes of the packages under {@code root}. */
    public static JavaClasses mainClasses(String root) {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
        if (classes.isEmpty()) {
            throw new AssertionError("No classes under " + root + " on the class path");
        }
        return classes;
    }
}
