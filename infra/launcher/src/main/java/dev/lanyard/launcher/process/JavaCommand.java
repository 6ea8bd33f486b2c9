package dev.lanyard.launcher.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a child JVM. Child JVMs run on the launcher's own JDK with a small
 * heap and the serial collector: several of them share two cores.
 */
public final class JavaCommand {

	private final List<String> options = new ArrayList<>();

	private final List<String> arguments = new ArrayList<>();

	private String classpath;

	private String mainClass;

	private Path jar;

	private JavaCommand(String maxHeap) {
		this.options.add("-Xmx" + maxHeap);
		this.options.add("-XX:+UseSerialGC");
		this.options.add("-Djava.awt.headless=true");
	}

	/** A JVM limited to the given heap, e.g. {@code 256m}. */
	public static JavaCommand withHeap(String maxHeap) {
		if (maxHeap == null || !maxHeap.matches("\\d+[mMgG]")) {
			throw new IllegalArgumentException("maxHeap must look like 256m: " + maxHeap);
		}
		return new JavaCommand(maxHeap);
	}

	/** The java executable of the JDK this JVM runs on. */
	public static Path javaExecutable() {
		Path java = Path.of(System.getProperty("java.home"), "bin", "java");
		if (!Files.isExecutable(java)) {
			throw new IllegalStateException("No java executable at " + java);
		}
		return java;
	}

	public JavaCommand option(String option) {
		this.options.add(option);
		return this;
	}

	public JavaCommand systemProperty(String name, String value) {
		return option("-D" + name + "=" + value);
	}

	/** Runs {@code mainClass} from every jar in {@code directory}. */
	public JavaCommand mainClass(Path directory, String mainClass) {
		this.classpath = directory.resolve("*").toString();
		this.mainClass = mainClass;
		return this;
	}

	public JavaCommand jar(Path jar) {
		this.jar = jar;
		return this;
	}

	public JavaCommand argument(String argument) {
		this.arguments.add(argument);
		return this;
	}

	public List<String> toList() {
		if (this.jar == null && this.mainClass == null) {
			throw new IllegalStateException("Either a jar or a main class must be set");
		}
		List<String> command = new ArrayList<>();
		command.add(javaExecutable().toString());
		command.addAll(this.options);
		if (this.jar != null) {
			command.add("-jar");
			command.add(this.jar.toString());
		}
		else {
			command.add("-cp");
			command.add(this.classpath);
			command.add(this.mainClass);
		}
		command.addAll(this.arguments);
		return List.copyOf(command);
	}

}
