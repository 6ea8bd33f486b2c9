package dev.lanyard.e2e.audit;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.lanyard.e2e.support.Browser;
import dev.lanyard.e2e.support.Chromium;
import dev.lanyard.e2e.support.Lanyard;
import dev.lanyard.e2e.support.SharedEnsemble;
import dev.lanyard.launcher.Ensemble;
import dev.lanyard.launcher.service.LanyardService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auditors' page at the gateway's {@code /audit/}, in a real headless chromium: an
 * auditor (role from a group, as an administrator would set it up) signs in through the
 * development provider, searches the group-move journey of their own sign-ins, opens an
 * event's details and downloads the NDJSON export. A viewer's session is refused the
 * data. user-provisioning runs with the auditor group mapping for this class only.
 */
class AuditPageIT {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private static final String PROVISIONING = LanyardService.USER_PROVISIONING.serviceName();

	private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	private static final String AUDITORS = "auditors-" + SUFFIX;

	private static final String ENGINEERS = "eng-" + SUFFIX;

	private static final String OPERATIONS = "ops-" + SUFFIX;

	private static Ensemble ensemble;

	private static Lanyard lanyard;

	@BeforeAll
	static void auditorsFromAGroup() throws Exception {
		ensemble = SharedEnsemble.get();
		ensemble.restartService(PROVISIONING, Map.of("SPRING_APPLICATION_JSON", """
				{"lanyard": {"provisioning": {
				  "role-mapping": {"source": "groups", "group-roles": {"auditor": ["%s"]}}}}}
				""".formatted(AUDITORS)));
		lanyard = new Lanyard(ensemble.endpoints().gatewayUrl());
		String admin = lanyard.token(ensemble.administrator());
		for (String name : List.of(AUDITORS, ENGINEERS, OPERATIONS)) {
			lanyard.ok(admin, "POST", "/api/admin/groups", Map.of("name", name));
		}
	}

	@AfterAll
	static void defaultProvisioning() {
		if (ensemble != null) {
			ensemble.restartService(PROVISIONING, Map.of());
		}
	}

	@Test
	void auditPageWhenAuditorSearchesOpensAnEventAndExportsThenTheGroupMoveIsThereAndDownloaded() throws Exception {
		String subject = "auditor-" + SUFFIX;
		Map<String, Object> claims = new HashMap<>(Map.of("preferred_username", "audrey" + SUFFIX, "email",
				"audrey" + SUFFIX + "@example.com", "groups", List.of(AUDITORS, ENGINEERS)));
		// a first sign-in elsewhere puts her in engineering; the browser's moves her to
		// operations
		Browser earlier = new Browser(lanyard.gateway());
		assertThat(earlier.signIn("dev", subject, claims).statusCode()).isEqualTo(302);
		String userId = earlier.me().get("id").asString();
		claims.put("groups", List.of(AUDITORS, OPERATIONS));

		Path downloads = Files.createTempDirectory("lanyard-downloads-");
		ChromeDriver chromium = Chromium.start(downloads);
		try {
			WebDriverWait wait = new WebDriverWait(chromium, WAIT);
			signIn(chromium, subject, claims);
			chromium.get(lanyard.gateway() + "/audit/");
			wait.until((driver) -> driver.findElement(By.id("who")).getText().contains("(auditor)"));

			new Select(chromium.findElement(By.id("f-eventType"))).selectByVisibleText("GroupMembershipChanged");
			chromium.findElement(By.id("f-user")).sendKeys(userId);
			// the trail is filled from Kafka: search again until all four changes are in
			wait.until((driver) -> {
				driver.findElement(By.id("search-button")).click();
				sleep(500);
				return driver.findElements(By.cssSelector("#results tbody tr.event")).size() == 4;
			});
			assertThat(chromium.findElement(By.id("status")).getText()).isEqualTo("4 events.");
			assertThat(chromium.findElement(By.cssSelector("#results tbody")).getText()).contains(userId);

			WebElement toggle = chromium.findElement(By.cssSelector("#results tbody tr.event button"));
			assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("false");
			toggle.click();
			assertThat(toggle.getAttribute("aria-expanded")).isEqualTo("true");
			WebElement details = chromium.findElement(By.id(toggle.getAttribute("aria-controls")));
			assertThat(details.isDisplayed()).isTrue();
			// newest first: the move's last change
			assertThat(details.getText()).contains("groupName").contains("change").containsAnyOf(OPERATIONS, ENGINEERS);
			wait.until((driver) -> !driver.findElement(By.id("verification")).getText().equals("Checking…"));
			chromium.findElement(By.id("full-check")).click();
			wait.until(
					(driver) -> driver.findElement(By.id("full-check-outcome")).getText().startsWith("Verified: all"));

			// an auditor holding a token finds its issuance; the value never shows on the
			// page
			String token = lanyard.token(ensemble.administrator());
			wait.until((driver) -> {
				driver.findElement(By.id("lookup-token")).sendKeys(token);
				driver.findElement(By.id("lookup-button")).click();
				sleep(500);
				return driver.findElement(By.id("lookup-result")).getText().contains("1 record names this token");
			});
			assertThat(chromium.findElement(By.id("lookup-result")).getText()).contains("TokenIssued")
				.contains("client-access")
				.doesNotContain(token);
			assertThat(chromium.findElement(By.id("lookup-token")).getAttribute("value")).isEmpty();
			// the same record from the token's SHA-256, as an incident report gives it
			new Select(chromium.findElement(By.id("lookup-kind"))).selectByValue("sha256");
			chromium.findElement(By.id("lookup-token")).sendKeys(Lanyard.sha256(token).toUpperCase());
			chromium.findElement(By.id("lookup-button")).click();
			wait.until((driver) -> driver.findElement(By.id("lookup-result"))
				.getText()
				.contains("1 record names this token"));
			assertThat(chromium.findElement(By.id("lookup-result")).getText()).contains(Lanyard.sha256(token));
			wait.until((driver) -> driver.findElement(By.cssSelector("#chart svg")) != null);
			Path screenshot = Path.of("target/audit-page.png");
			Files.copy(chromium.getScreenshotAs(OutputType.FILE).toPath(), screenshot,
					StandardCopyOption.REPLACE_EXISTING);

			// every row opened: the whole move, by group name, is on the page
			List<WebElement> toggles = chromium.findElements(By.cssSelector("#results tbody tr.event button"));
			toggles.subList(1, toggles.size()).forEach(WebElement::click);
			assertThat(chromium.findElement(By.cssSelector("#results tbody")).getText()).contains("removed")
				.contains("added")
				.contains(ENGINEERS)
				.contains(OPERATIONS)
				.contains(AUDITORS);

			chromium.executeScript("document.getElementById('results-heading').scrollIntoView()");
			Files.copy(chromium.getScreenshotAs(OutputType.FILE).toPath(), Path.of("target/audit-page-details.png"),
					StandardCopyOption.REPLACE_EXISTING);

			chromium.findElement(By.id("export-ndjson")).click();
			Path file = downloads.resolve("audit-events.ndjson");
			wait.until((driver) -> Files.exists(file));
			List<String> lines = Files.readAllLines(file);
			assertThat(lines).hasSize(4);
			for (String line : lines) {
				JsonNode record = Lanyard.JSON.readTree(line);
				assertThat(record.at("/metadata/event_code").asString()).isEqualTo("GroupMembershipChanged");
				assertThat(record.at("/group/name").asString()).isIn(AUDITORS, ENGINEERS, OPERATIONS);
			}
			assertThat(lines).anySatisfy((line) -> assertThat(line).contains("removed").contains(ENGINEERS));
		}
		finally {
			chromium.quit();
		}
	}

	@Test
	void auditApiWhenViewersSessionThenForbiddenAndAuditorsOnlyFromTheirOwnPages() throws Exception {
		Browser viewer = new Browser(lanyard.gateway());
		assertThat(viewer
			.signIn("dev", "viewer-" + SUFFIX,
					Map.of("preferred_username", "vic" + SUFFIX, "groups", List.of(ENGINEERS)))
			.statusCode()).isEqualTo(302);
		assertThat(viewer.me().get("role").asString()).isEqualTo("viewer");
		HttpResponse<String> refused = viewer.send("GET", "/api/audit/events",
				Map.of("Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "cors"));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
		assertThat(refused.body()).contains("auditor role");
		// the page itself loads for any signed-in person; its data does not
		assertThat(viewer.get("/audit/").statusCode()).isEqualTo(200);

		Browser auditor = new Browser(lanyard.gateway());
		assertThat(auditor
			.signIn("dev", "auditor2-" + SUFFIX,
					Map.of("preferred_username", "aud" + SUFFIX, "groups", List.of(AUDITORS)))
			.statusCode()).isEqualTo(302);
		HttpResponse<String> own = auditor.send("GET", "/api/audit/events?limit=1",
				Map.of("Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "cors"));
		assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
		assertThat(auditor.send("GET", "/api/audit/events", Map.of("Sec-Fetch-Site", "same-site")).statusCode())
			.isEqualTo(403);
		assertThat(auditor.send("POST", "/api/audit/lookup", Map.of("Sec-Fetch-Site", "same-origin")).statusCode())
			.as("no CSRF token")
			.isEqualTo(403);

		HttpResponse<String> anonymous = new Browser(lanyard.gateway()).get("/audit/");
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.body()).contains("Sign in").contains("/login/dev");
	}

	/** Through the development provider's own login form, as a person would. */
	private static void signIn(ChromeDriver chromium, String subject, Map<String, Object> claims) throws Exception {
		chromium.get(lanyard.gateway() + "/login/dev");
		WebElement username = new WebDriverWait(chromium, WAIT)
			.until((driver) -> driver.findElement(By.name("username")));
		username.clear();
		username.sendKeys(subject);
		WebElement claimsField = chromium.findElement(By.name("claims"));
		claimsField.clear();
		claimsField.sendKeys(Lanyard.JSON.writeValueAsString(claims));
		username.submit();
		new WebDriverWait(chromium, WAIT).until((driver) -> driver.getCurrentUrl().startsWith(lanyard.gateway()));
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
