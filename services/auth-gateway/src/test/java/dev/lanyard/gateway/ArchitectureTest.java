package dev.lanyard.gateway;

import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeJars;
import com.tngtech.archunit.core.importer.ImportOption.DoNotIncludeTests;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import dev.lanyard.testing.architecture.ServiceArchitecture;

@AnalyzeClasses(packages = "dev.lanyard.gateway", importOptions = { DoNotIncludeTests.class, DoNotIncludeJars.class })
class ArchitectureTest {

	@ArchTest
	static final ArchTests shared = ArchTests.in(ServiceArchitecture.class);

}
