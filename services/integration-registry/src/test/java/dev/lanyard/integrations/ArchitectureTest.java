package dev.lanyard.integrations;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("dev.lanyard.integrations");

	@Test
	void domainWhenImportedThenUsesNoFrameworkTypes() {
		noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.apache.avro..",
					"dev.lanyard.events..", "tools.jackson..", "com.fasterxml..", "jakarta..", "java.sql..",
					"java.net.http..", "..application..", "..adapter..")
			.check(CLASSES);
	}

	@Test
	void applicationWhenImportedThenUsesNoAdapterOrFrameworkTypes() {
		noClasses().that()
			.resideInAPackage("..application..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..adapter..", "org.springframework..", "org.apache.kafka..", "org.apache.avro..",
					"dev.lanyard.events..", "jakarta..", "java.sql..", "java.net.http..")
			.check(CLASSES);
	}

	@Test
	void generatedEventsWhenImportedThenOnlyInMessagingAdapterAndItsWiring() {
		noClasses().that()
			.resideOutsideOfPackages("..adapter.kafka..", "dev.lanyard.integrations.config..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.lanyard.events..")
			.check(CLASSES);
	}

}
