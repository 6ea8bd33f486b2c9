package dev.lanyard.tokenbroker;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The four rules every Lanyard service passes (issue 12); lane TESTS replaces this with
 * the shared rules.
 */
@AnalyzeClasses(packages = "dev.lanyard.tokenbroker", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

	@ArchTest
	static final ArchRule domainHasNoFrameworkTypes = noClasses().that()
		.resideInAPackage("..domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..application..", "..adapter..", "org.springframework..", "org.apache.kafka..",
				"org.apache.avro..", "dev.lanyard.events..", "com.fasterxml.jackson..", "tools.jackson..", "jakarta..",
				"java.sql..", "com.nimbusds..");

	@ArchTest
	static final ArchRule applicationHasNoAdaptersOrFrameworks = noClasses().that()
		.resideInAPackage("..application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage("..adapter..", "org.springframework..", "org.apache.kafka..", "org.apache.avro..",
				"dev.lanyard.events..", "jakarta..", "java.sql..", "com.nimbusds..");

	@ArchTest
	static final ArchRule avroStaysInMessagingAdaptersAndWiring = noClasses().that()
		.resideOutsideOfPackages("..adapter.kafka..", "dev.lanyard.tokenbroker.config..")
		.and()
		.haveSimpleNameNotEndingWith("Configuration")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.lanyard.events..");

	@ArchTest
	static final ArchRule featuresAreFreeOfCycles = slices().matching("dev.lanyard.tokenbroker.(*)..")
		.should()
		.beFreeOfCycles();

}
