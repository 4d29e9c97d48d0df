package uk.org.throughthegate.structure;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The feature packages depend on each other one way only: a new engineer can read a package
 * knowing only the ones below it (journey reads access and standards; rotl and notification read
 * journey; nothing reads back up).
 */
class PackagesTest {

    static final JavaClasses MAIN = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("uk.org.throughthegate");

    @Test
    void featurePackagesHaveNoCycles() {
        slices().matching("uk.org.throughthegate.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    /** Within a feature too: journey/entry and journey/change read journey/, never the other way round. */
    @Test
    void everyPackageHasNoCycles() {
        slices().matching("uk.org.throughthegate.(**)").should().beFreeOfCycles().check(MAIN);
    }
}
