package io.agenttracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

class ArchitectureTest {

	/**
	 * Implementation packages: they may change without notice, so the API never shows
	 * them.
	 */
	private static final String INTERNAL = "io.agenttracing.internal..";

	/** The engine: tracer, trace and span that record, limits, ids, clock, expiry. */
	private static final String ENGINE = "io.agenttracing.internal.trace";

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
	void theApiDependsOnNoOtherPackageOfTheStarter() {
		// The API is implemented by the engine; it never reaches down to it.
		classes().that()
			.resideInAPackage("io.agenttracing")
			.should()
			.onlyDependOnClassesThat(JavaClass.Predicates.resideOutsideOfPackage("io.agenttracing..")
				.or(JavaClass.Predicates.resideInAPackage("io.agenttracing")))
			.check(CLASSES);
	}

	@Test
	void theEngineDependsOnlyOnTheApi() {
		// Interception, propagation, the pipeline and the exporters sit above the engine;
		// the rate-limited log is a leaf that depends on nothing of the starter.
		classes().that()
			.resideInAPackage(ENGINE)
			.should()
			.onlyDependOnClassesThat(JavaClass.Predicates.resideOutsideOfPackage("io.agenttracing..")
				.or(JavaClass.Predicates.resideInAnyPackage("io.agenttracing", ENGINE,
						"io.agenttracing.internal.support")))
			.check(CLASSES);
	}

	@Test
	void atMostThirtyPublicTypesOutsideInternal() {
		List<String> publicTypes = CLASSES.stream()
			.filter((type) -> type.isTopLevelClass() && type.getModifiers().contains(JavaModifier.PUBLIC))
			.filter((type) -> !isInternal(type))
			.map(JavaClass::getName)
			.sorted()
			.toList();
		assertThat(publicTypes).as("public types outside internal").hasSizeLessThanOrEqualTo(30);
	}

	@Test
	void noMainSourceFileIsLongerThanFourHundredLines() throws IOException {
		// The properties class is one JavaBean per group by design; everything else
		// splits
		// by role.
		Path sources = Path.of("src/main/java");
		List<String> tooLong;
		try (Stream<Path> files = Files.walk(sources)) {
			tooLong = files.filter((file) -> file.toString().endsWith(".java"))
				.filter((file) -> !file.endsWith("TracingProperties.java"))
				.filter((file) -> lineCount(file) > 400)
				.map((file) -> sources.relativize(file) + " (" + lineCount(file) + " lines)")
				.toList();
		}
		assertThat(tooLong).as("main source files over 400 lines").isEmpty();
	}

	private static long lineCount(Path file) {
		try (Stream<String> lines = Files.lines(file)) {
			return lines.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void thePublicApiExposesNoInternalType() {
		publicApiExposesNoTypeFrom(INTERNAL);
		classes().that()
			.arePublic()
			.and()
			.resideOutsideOfPackage(INTERNAL)
			.should(extendNoInternalType())
			.check(CLASSES);
	}

	@Test
	void thePublicApiExposesNoOpenTelemetryType() {
		// The OTLP exporter is built on OpenTelemetry's, but its settings are ours: a
		// user configures it without OpenTelemetry's types, and they may change under us.
		publicApiExposesNoTypeFrom("io.opentelemetry..");
	}

	/**
	 * Fails when a public method, constructor or field of a public type outside
	 * {@code internal} takes, returns or holds a type from {@code packages}.
	 */
	private static void publicApiExposesNoTypeFrom(String packages) {
		codeUnits().that()
			.arePublic()
			.and()
			.areDeclaredInClassesThat()
			.arePublic()
			.and()
			.areDeclaredInClassesThat()
			.resideOutsideOfPackage(INTERNAL)
			.should(exposeNoTypeOf(packages, JavaClass.Predicates.resideInAPackage(packages)))
			.check(CLASSES);
		fields().that()
			.arePublic()
			.and()
			.areDeclaredInClassesThat()
			.resideOutsideOfPackage(INTERNAL)
			.should()
			.notHaveRawType(JavaClass.Predicates.resideInAPackage(packages))
			.check(CLASSES);
	}

	private static boolean isInternal(JavaClass type) {
		return type.getPackageName().startsWith("io.agenttracing.internal");
	}

	private static ArchCondition<JavaCodeUnit> exposeNoTypeOf(String packages, DescribedPredicate<JavaClass> excluded) {
		return new ArchCondition<>("take and return no type of " + packages) {
			@Override
			public void check(JavaCodeUnit codeUnit, ConditionEvents events) {
				List<JavaClass> types = new ArrayList<>(codeUnit.getRawParameterTypes());
				types.add(codeUnit.getRawReturnType());
				for (JavaClass type : types) {
					if (excluded.test(type)) {
						events.add(SimpleConditionEvent.violated(codeUnit,
								codeUnit.getFullName() + " exposes " + type.getName()));
					}
				}
			}
		};
	}

	private static ArchCondition<JavaClass> extendNoInternalType() {
		return new ArchCondition<>("extend or implement no type of an internal package") {
			@Override
			public void check(JavaClass javaClass, ConditionEvents events) {
				List<JavaClass> supertypes = new ArrayList<>(javaClass.getRawInterfaces());
				javaClass.getRawSuperclass().ifPresent(supertypes::add);
				for (JavaClass type : supertypes) {
					if (isInternal(type)) {
						events.add(SimpleConditionEvent.violated(javaClass,
								javaClass.getName() + " extends " + type.getName()));
					}
				}
			}
		};
	}

	@Test
	void packagesHaveNoCycles() {
		// One slice per package, the root package (the API) included.
		slices().assignedFrom(new SliceAssignment() {

			@Override
			public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
				return javaClass.getPackageName().startsWith("io.agenttracing")
						? SliceIdentifier.of(javaClass.getPackageName()) : SliceIdentifier.ignore();
			}

			@Override
			public String getDescription() {
				return "every package of the starter";
			}

		}).should().beFreeOfCycles().check(CLASSES);
	}

	@Test
	void autoConfigurationsAreFinal() {
		classes().that()
			.haveSimpleNameEndingWith("AutoConfiguration")
			.should()
			.haveModifier(JavaModifier.FINAL)
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
