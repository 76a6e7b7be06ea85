package io.agenttracing;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.agenttracing");

	@Test
	void modelImportsNoSpring() {
		noClasses().that()
			.resideInAPackage("io.agenttracing")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.check(CLASSES);
	}

	@Test
	void modelDependsOnNoOtherPackageOfTheStarter() {
		noClasses().that()
			.resideInAPackage("io.agenttracing")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.agenttracing.(*)..")
			.check(CLASSES);
	}

	@Test
	void packagesHaveNoCycles() {
		slices().matching("io.agenttracing.(**)").should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void autoConfigurationsAreFinal() {
		classes().that()
			.haveSimpleNameEndingWith("AutoConfiguration")
			.should()
			.haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
			.check(CLASSES);
	}

	@Test
	void autoConfigurationsExposeNoPublicMethodsOrFields() {
		noMethods().that()
			.areDeclaredInClassesThat()
			.haveSimpleNameEndingWith("AutoConfiguration")
			.should()
			.bePublic()
			.check(CLASSES);
		noFields().that()
			.areDeclaredInClassesThat()
			.haveSimpleNameEndingWith("AutoConfiguration")
			.should()
			.bePublic()
			.check(CLASSES);
	}

	@Test
	void onlyTheAutoConfigurationKnowsAllPackages() {
		// An integration's auto-configuration lives beside the integration and orders
		// itself after the core one.
		noClasses().that()
			.resideOutsideOfPackage("io.agenttracing.autoconfigure..")
			.and()
			.haveSimpleNameNotEndingWith("AutoConfiguration")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("io.agenttracing.autoconfigure..")
			.check(CLASSES);
	}

}
