package dev.lanyard.provisioning;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
		.importPackages("dev.lanyard.provisioning");

	@Test
	void domainWhenImportedThenUsesNoFrameworkTypes() {
		noClasses().that()
			.resideInAPackage("..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..application..", "..adapter..", "org.springframework..", "org.apache.kafka..",
					"org.apache.avro..", "dev.lanyard.events..", "tools.jackson..", "com.fasterxml..", "jakarta..",
					"java.sql..")
			.check(CLASSES);
	}

	@Test
	void applicationWhenImportedThenUsesNoAdapterOrFrameworkTypes() {
		noClasses().that()
			.resideInAPackage("..application..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..adapter..", "org.springframework..", "org.apache.kafka..", "org.apache.avro..",
					"dev.lanyard.events..", "jakarta..", "java.sql..")
			.check(CLASSES);
	}

	@Test
	void generatedEventsWhenImportedThenOnlyInMessagingAdaptersAndTheirWiring() {
		noClasses().that()
			.resideOutsideOfPackages("..adapter.kafka..", "dev.lanyard.provisioning.config..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("dev.lanyard.events..")
			.check(CLASSES);
	}

}
