package dev.lanyard.tokenbroker;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.lanyard.tokenbroker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainHasNoFrameworkTypes = noClasses().that()
		.resideInAPackage("..domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("org.springframework..", "org.apache.kafka..", "org.apache.avro..", "dev.lanyard.events..",
				"jakarta..", "com.nimbusds..", "tools.jackson..");

	@ArchTest
	static final ArchRule applicationDoesNotKnowAdapters = noClasses().that()
		.resideInAPackage("..application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..adapter..", "org.apache.kafka..", "dev.lanyard.events..", "jakarta.servlet..");

	@ArchTest
	static final ArchRule avroStaysInMessagingAdapters = noClasses().that()
		.resideOutsideOfPackages("..adapter.kafka..", "dev.lanyard.tokenbroker.config..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.lanyard.events..");

}
