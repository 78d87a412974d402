package org.quotecheck.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The domain engines are plain Java: no framework, so they can be read, tested and benchmarked on their own. */
class PureEnginesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.quotecheck");

    @Test
    void extractionVerificationAndTextEnginesImportNoFramework() {
        noClasses().that().resideInAnyPackage("org.quotecheck.claim.extraction..", "org.quotecheck.text..", "org.quotecheck.verification..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta..", "io.quarkus..", "org.hibernate..",
                        "io.vertx..", "com.fasterxml..", "org.jboss..", "io.smallrye..")
                .check(classes);
    }

    @Test
    void enginesDoNotReachIntoTheApplication() {
        noClasses().that().resideInAnyPackage("org.quotecheck.claim.extraction..", "org.quotecheck.text..", "org.quotecheck.verification..")
                .should().dependOnClassesThat().resideInAnyPackage("org.quotecheck.article..", "org.quotecheck.user..",
                        "org.quotecheck.web..", "org.quotecheck.database..")
                .check(classes);
    }
}
