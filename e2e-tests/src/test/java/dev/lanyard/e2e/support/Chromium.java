package dev.lanyard.e2e.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium and chromedriver, headless, for the tests of Lanyard's pages. The
 * machine is offline: every flag that would make the browser call home is off. When the
 * packages are missing the test is skipped with a message saying how to install them
 * ({@code bin/lanyard test} installs them when it runs as root).
 */
public final class Chromium {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	/**
	 * A fresh headless browser (its own profile) at 1280×800 that saves downloads in
	 * {@code downloads}; skips the calling test when chromium is not installed.
	 */
	public static ChromeDriver start(Path downloads) throws IOException {
		Assumptions.assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
				"chromium and chromedriver are not installed, so the browser test is skipped; install them with "
						+ "`apt-get install -y --no-install-recommends chromium chromium-driver` "
						+ "(bin/lanyard test does it when run as root)");
		Path profile = Files.createTempDirectory("lanyard-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(BROWSER.toFile());
		options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--disable-dev-shm-usage", "--window-size=1280,800", "--user-data-dir=" + profile);
		options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
				"download.prompt_for_download", false, "safebrowsing.enabled", false));
		options.setExperimentalOption("excludeSwitches", List.of("enable-automation"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.withLogFile(new File("target/chromedriver.log"))
			.build();
		return new ChromeDriver(service, options);
	}

}
