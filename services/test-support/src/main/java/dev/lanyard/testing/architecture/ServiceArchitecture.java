package dev.lanyard.testing.architecture;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The layering every Lanyard service keeps: a plain domain, an application ring that
 * knows no adapters or frameworks, generated Avro events only at the messaging edge, and
 * top-level packages without cycles. A service runs them all with
 * {@code @ArchTest static final ArchTests shared = ArchTests.in(ServiceArchitecture.class)}
 * in a class annotated {@code @AnalyzeClasses(packages = "dev.lanyard.<service>",
 * importOptions = { DoNotIncludeTests.class, DoNotIncludeJars.class })}. The rules name
 * no service: which classes they judge is the importing test's choice.
 */
public final class ServiceArchitecture {

	/** Frameworks and transports neither inner ring may see. */
	private static final String[] FRAMEWORKS = { "org.springframework..", "org.apache.kafka..", "org.apache.avro..",
			"dev.lanyard.events..", "jakarta..", "java.sql..", "com.nimbusds.." };

	@ArchTest
	public static final ArchRule domainDependsOnNoOuterRingOrFramework = noClasses().that()
		.resideInAPackage("..domain..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(with(FRAMEWORKS, "..application..", "..adapter..", "tools.jackson..", "com.fasterxml.."))
		.because("the domain is plain Java: business rules testable without any framework");

	@ArchTest
	public static final ArchRule applicationDependsOnNoAdapterOrFramework = noClasses().that()
		.resideInAPackage("..application..")
		.should()
		.dependOnClassesThat()
		.resideInAnyPackage(with(FRAMEWORKS, "..adapter.."))
		.because("use cases reach the outside world only through ports that adapters implement");

	@ArchTest
	public static final ArchRule generatedEventsOnlyInMessagingAdaptersAndWiring = noClasses().that()
		.resideOutsideOfPackages("..adapter.kafka..", "..config..")
		.should()
		.dependOnClassesThat()
		.resideInAPackage("dev.lanyard.events..")
		.because("generated Avro classes are mapped to the service's own records at the messaging edge");

	@ArchTest
	public static final ArchRule topLevelPackagesFreeOfCycles = slices().matching("dev.lanyard.*.(*)..")
		.should()
		.beFreeOfCycles()
		.because("a feature that needs another's internals and is needed back cannot change alone");

	private ServiceArchitecture() {
	}

	private static String[] with(String[] base, String... more) {
		String[] all = new String[base.length + more.length];
		System.arraycopy(base, 0, all, 0, base.length);
		System.arraycopy(more, 0, all, base.length, more.length);
		return all;
	}

}
