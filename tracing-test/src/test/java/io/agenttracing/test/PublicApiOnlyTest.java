package io.agenttracing.test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The test kit is written against the starter's public API only, as a user's own test
 * support would be.
 */
class PublicApiOnlyTest {

	@Test
	void theTestKitUsesNoInternalType() {
		JavaClasses kit = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("io.agenttracing.test");
		noClasses().should().dependOnClassesThat().resideInAPackage("io.agenttracing.internal..").check(kit);
	}

}
