package dev.lanyard.integrations;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeJars;
import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import com.tngtech.archunit.lang.ArchRule;
import dev.lanyard.testing.architecture.ServiceArchitecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "dev.lanyard.integrations",
		importOptions = { DoNotIncludeTests.class, DoNotIncludeJars.class })
class ArchitectureTest {

	@ArchTest
	static final ArchTests shared = ArchTests.in(ServiceArchitecture.class);

	/** Calls to administrator-named endpoints go through the vetted HTTP adapter only. */
	@ArchTest
	static final ArchRule innerRingsUseNoHttpClient = noClasses().that()
		.resideInAnyPackage("..domain..", "..application..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("java.net.http..");

}
