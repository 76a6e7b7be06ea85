package io.agenttracing.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import io.agenttracing.Span;
import io.agenttracing.SpanKind;
import io.agenttracing.Tracing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The trace viewer as a person sees it, in Debian's headless Chromium driven through its
 * ChromeDriver: the sample app on a random port, real chats, the page the app serves.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "agent.tracing.exporters.console.enabled=false", "sample.llm.simulated-latency=1ms",
				"agent.tracing.export.schedule-delay=10ms", "agent.tracing.limits.max-spans-per-trace=10000",
				// The page offers to add scores where the endpoint takes writes.
				"management.endpoint.traces.access=unrestricted" })
class TraceViewerBrowserTest {

	/**
	 * Where the README's screenshot is written; copied into docs/ by hand when it
	 * changes.
	 */
	static final Path SCREENSHOT = Path.of("target", "screenshots", "trace-viewer.png");

	static final String ANNOTATED_AGENT = "/api/agent/chat";

	static final String SPRING_AI_AGENT = "/api/agent/spring-ai/chat";

	private static ChromeDriver browser;

	private static WebDriverWait wait;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() {
		File chromium = new File("/usr/bin/chromium");
		File driver = new File("/usr/bin/chromedriver");
		assertThat(chromium.canExecute())
			.as("Debian's chromium at %s (apt-get install chromium chromium-driver)", chromium)
			.isTrue();
		assertThat(driver.canExecute()).as("Debian's chromedriver at %s (apt-get install chromium-driver)", driver)
			.isTrue();
		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--window-size=1400,900", "--force-device-scale-factor=1");
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(driver)
			.usingAnyFreePort()
			.build();
		browser = new ChromeDriver(service, options);
		wait = new WebDriverWait(browser, Duration.ofSeconds(15));
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theListShowsChatsAsTheyHappenAndATraceOpensAsAWaterfall() throws IOException {
		String failed = chat("ui-a", "What is (12+3)*7, and the weather in Atlantis?");
		browser.get(viewer());
		waitForRow(failed);
		// A chat made while the page is open appears without a reload.
		String second = chat("ui-a", "What is the weather in Paris?");
		WebElement secondRow = waitForRow(second);
		assertThat(secondRow.getText()).contains("ChatWorkflow.handle").contains("ui-a");
		assertThat(browser.findElement(By.cssSelector("#trace-rows tr")).getAttribute("data-trace-id"))
			.as("newest first")
			.isEqualTo(second);

		row(failed).click();
		WebElement weather = wait
			.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row[title='WeatherTool.call']")));
		WebElement agent = browser.findElement(By.cssSelector(".row[title='ResearchAgent.respond']"));
		assertThat(weather.getAttribute("data-status")).isEqualTo("ERROR");
		assertThat(weather.getAttribute("class")).contains("error");
		assertThat(depth(weather)).isEqualTo(depth(agent) + 1);
		assertThat(depth(agent)).isEqualTo(1);
		assertThat(weather.findElement(By.cssSelector(".name")).getLocation().getX())
			.isGreaterThan(agent.findElement(By.cssSelector(".name")).getLocation().getX());
		assertThat(weather.getText()).contains("TOOL").contains("ms");
		// Siblings line up: a failed span is marked, not moved.
		assertThat(spanRow("WeatherTool.call").findElement(By.cssSelector(".kind")).getLocation().getX())
			.isEqualTo(spanRow("CalculatorTool.call").findElement(By.cssSelector(".kind")).getLocation().getX());
		assertThat(browser.findElement(By.id("trace-totals")).getText()).contains("Errors\n1").contains("Tokens");

		browser.findElement(By.cssSelector(".row[data-kind='LLM']")).click();
		WebElement detail = browser.findElement(By.id("detail"));
		wait.until(ExpectedConditions.textToBePresentInElement(detail, "MESSAGES"));
		assertThat(detail.getText()).contains("SimulatedLlmClient.complete")
			.contains("Input tokens")
			.contains("Output tokens")
			.contains("Cost")
			.contains("USER")
			.contains("What is (12+3)*7, and the weather in Atlantis?");
		Files.createDirectories(SCREENSHOT.getParent());
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);

		spanRow("WeatherTool.call").click();
		wait.until(ExpectedConditions.textToBePresentInElement(detail, "No weather station in Atlantis"));
		assertThat(detail.findElement(By.cssSelector(".error-box")).getText())
			.contains("java.lang.IllegalStateException");
	}

	@Test
	void aSpringAiChatShowsItsConversationAndToolCalls() {
		String traceId = chatWith(SPRING_AI_AGENT,
				java.util.Map.of("sessionId", "ui-ai", "message", "What is the weather in Paris?"));
		browser.get(viewer() + "#/trace/" + traceId);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row[title='weather']")));
		List<WebElement> models = browser.findElements(By.cssSelector(".row[data-kind='LLM']"));
		assertThat(models).hasSize(2);
		models.get(1).click();
		WebElement detail = browser.findElement(By.id("detail"));
		wait.until(ExpectedConditions.textToBePresentInElement(detail, "MESSAGES"));
		assertThat(detail.getText()).contains("SYSTEM")
			.contains("You are a helpful assistant")
			.contains("calls weather")
			.contains("TOOL · weather")
			.contains("ASSISTANT");
	}

	@Test
	void theListShowsWhoEachTraceServedAndFiltersByUserAndTag() {
		String ana = chatWith(ANNOTATED_AGENT,
				java.util.Map.of("sessionId", "ui-u1", "message", "What is 1+1?", "userId", "ana"));
		String bo = chatWith(SPRING_AI_AGENT,
				java.util.Map.of("sessionId", "ui-u2", "message", "What is 2+2?", "userId", "bo"));
		browser.get(viewer());
		assertThat(waitForRow(ana).getText()).contains("ana").contains("annotated-agent");
		assertThat(waitForRow(bo).getText()).contains("bo").contains("spring-ai-agent");

		browser.findElement(By.id("filter-user")).sendKeys("ana");
		wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("tr[data-trace-id='" + bo + "']")));
		assertThat(browser.findElements(By.cssSelector("#trace-rows tr")))
			.allSatisfy((row) -> assertThat(row.getText()).contains("ana"));
		assertThat(browser.getCurrentUrl()).contains("user=ana");

		browser.get(viewer() + "#/?tag=spring-ai-agent");
		waitForRow(bo);
		assertThat(browser.findElements(By.cssSelector("#trace-rows tr")))
			.allSatisfy((row) -> assertThat(row.getText()).contains("spring-ai-agent"));
		row(bo).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trace-who"), "user bo"));
	}

	@Test
	void olderTracesLoadPageByPage() {
		String oldest = null;
		String newest = null;
		for (int i = 0; i < 205; i++) {
			try (Span run = Tracing.startSpan("PagingProbe.run " + i, SpanKind.INTERNAL)) {
				oldest = (oldest == null) ? run.traceId() : oldest;
				newest = run.traceId();
			}
		}
		awaitStored(oldest);
		awaitStored(newest);
		browser.get(viewer() + "#/?q=PagingProbe");
		waitForRow(newest);
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#trace-rows tr"), 200));
		assertThat(browser.findElements(By.cssSelector("tr[data-trace-id='" + oldest + "']"))).isEmpty();

		browser.findElement(By.id("list-older")).click();
		waitForRow(oldest);
		assertThat(browser.findElements(By.cssSelector("#trace-rows tr"))).hasSize(205);
		assertThat(browser.findElement(By.id("list-older")).isDisplayed()).isFalse();
	}

	@Test
	void feedbackFromTheChatApiAndFromThePageShowsOnTheTrace() {
		String traceId = chat("ui-feedback", "What is 3*5?");
		awaitStored(traceId);
		Http.Response feedback = new Http(this.port).postJson("/api/agent/feedback",
				java.util.Map.of("traceId", traceId, "helpful", false, "comment", "too terse"));
		assertThat(feedback.status()).isEqualTo(200);
		browser.get(viewer() + "#/?score="
				+ java.net.URLEncoder.encode("helpful=false", java.nio.charset.StandardCharsets.UTF_8));
		wait.until(ExpectedConditions.presenceOfElementLocated(
				By.cssSelector("tr[data-trace-id='" + traceId + "'] .score[data-score='helpful']")));

		browser.get(viewer() + "#/trace/" + traceId);
		WebElement scores = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("trace-scores")));
		wait.until(ExpectedConditions.textToBePresentInElement(scores, "helpful 👎 no"));
		browser.findElement(By.id("score-name")).sendKeys("accuracy");
		browser.findElement(By.id("score-value")).sendKeys("0.75");
		browser.findElement(By.id("score-save")).click();
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trace-scores"), "accuracy 0.75"));
		assertThat(Http.JSON.readTree(awaitStored(traceId)).get("scores").findValuesAsString("source"))
			.containsExactly("USER_FEEDBACK", "USER_FEEDBACK");
	}

	@Test
	void theSessionViewShowsEveryChatOfTheSessionInOrder() {
		String first = chat("ui-s", "What is 2*21?");
		String second = chat("ui-s", "And the weather in Rome?");
		awaitStored(second);
		browser.get(viewer() + "#/session/ui-s");
		wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#session-turns .turn"), 2));
		List<WebElement> turns = browser.findElements(By.cssSelector("#session-turns .turn"));
		assertThat(turns).extracting((turn) -> turn.getAttribute("data-trace-id")).containsExactly(first, second);
		assertThat(turns.get(0).getText()).contains("What is 2*21?").contains("2*21 = 42");
		assertThat(turns.get(1).getText()).contains("And the weather in Rome?");
		assertThat(browser.findElement(By.id("session-totals")).getText()).contains("Turns\n2");

		// The second turn links the first: the link opens it.
		browser.get(viewer() + "#/trace/" + second);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row[title='ChatWorkflow.handle']")))
			.click();
		WebElement link = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#detail .links a")));
		assertThat(link.getText()).contains(first);
		link.click();
		wait.until(ExpectedConditions.urlContains(first));
		wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("trace-title"), "ChatWorkflow.handle"));
		assertThat(browser.getCurrentUrl()).contains("#/trace/" + first);
	}

	@Test
	void textFromATraceIsShownAsTextAndNeverRuns() {
		String message = "<img src=x onerror=alert(1)><script>alert(2)</script>";
		String traceId = chat("ui-x", message);
		browser.get(viewer() + "#/?session=ui-x");
		waitForRow(traceId);
		row(traceId).click();
		WebElement detail = browser.findElement(By.id("detail"));
		wait.until(ExpectedConditions.textToBePresentInElement(detail, "onerror"));
		assertThat(detail.getText()).contains("<img src=x onerror=alert(1)>").contains("<script>alert(2)</script>");
		assertThat(browser.findElements(By.cssSelector("body img, body script:not([src])"))).isEmpty();
		assertThatExceptionOfType(NoAlertPresentException.class).isThrownBy(() -> browser.switchTo().alert());
		Http.Response page = new Http(this.port).get("/actuator/traces/ui/");
		assertThat(page.status()).isEqualTo(200);
	}

	@Test
	void aTraceOfFiveThousandSpansRendersOnlyTheRowsInView() {
		String traceId;
		try (Span root = Tracing.startSpan("BigAgent.run", SpanKind.AGENT)) {
			traceId = root.traceId();
			for (int step = 0; step < 999; step++) {
				try (Span parent = Tracing.startSpan("Step.run " + step, SpanKind.WORKFLOW)) {
					for (int call = 0; call < 4; call++) {
						Tracing.startSpan("Tool.call " + step + "." + call, SpanKind.TOOL).close();
					}
				}
			}
		}
		awaitStored(traceId);
		long started = System.nanoTime();
		browser.get(viewer() + "#/trace/" + traceId);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".row[title='BigAgent.run']")));
		long openedMillis = (System.nanoTime() - started) / 1_000_000;
		assertThat(browser.findElement(By.id("trace-totals")).getText()).contains("Spans\n4996");
		assertThat(browser.findElements(By.cssSelector(".row"))).hasSizeLessThan(100);

		WebElement waterfall = browser.findElement(By.id("waterfall"));
		((JavascriptExecutor) browser).executeScript("arguments[0].scrollTop = arguments[0].scrollHeight", waterfall);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".row[title='Tool.call 998.3']")));
		assertThat(browser.findElements(By.cssSelector(".row"))).hasSizeLessThan(100);

		waterfall.sendKeys(Keys.HOME);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".row.selected[title='BigAgent.run']")));
		waterfall.sendKeys(Keys.ARROW_DOWN);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".row.selected[title='Step.run 0']")));
		waterfall.sendKeys(Keys.ARROW_LEFT);
		// Collapsed: the next row down is the next step, not its first tool.
		waterfall.sendKeys(Keys.ARROW_DOWN);
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".row.selected[title='Step.run 1']")));
		assertThat(browser.getCurrentUrl()).contains("#/trace/" + traceId + "/span/");
		System.out.println("Trace viewer opened a trace of 4996 spans in " + openedMillis + " ms");
	}

	@Test
	void aSpanHasALinkOfItsOwnAndTheTraceDownloadsAsJson() {
		String traceId = chat("ui-d", "What is 6*7?");
		String spanId = null;
		for (var span : Http.JSON.readTree(awaitStored(traceId)).get("spans")) {
			if (span.get("name").asString().equals("CalculatorTool.call")) {
				spanId = span.get("spanId").asString();
			}
		}
		assertThat(spanId).isNotNull();
		browser.get(viewer() + "#/trace/" + traceId + "/span/" + spanId);
		WebElement detail = browser.findElement(By.id("detail"));
		wait.until(ExpectedConditions.textToBePresentInElement(detail, "CalculatorTool.call"));
		assertThat(browser.findElement(By.cssSelector(".row.selected")).getAttribute("data-span-id")).isEqualTo(spanId);
		WebElement download = browser.findElement(By.id("trace-download"));
		assertThat(download.getAttribute("download")).isEqualTo("trace-" + traceId + ".json");
		assertThat(download.getAttribute("href")).startsWith("blob:");
	}

	private String viewer() {
		return "http://127.0.0.1:" + this.port + "/actuator/traces/ui/";
	}

	private String chat(String sessionId, String message) {
		return chatWith(ANNOTATED_AGENT, java.util.Map.of("sessionId", sessionId, "message", message));
	}

	/** Chats with one of the sample's agents; returns the id of the chat's trace. */
	private String chatWith(String agent, java.util.Map<String, String> request) {
		Http.Response response = new Http(this.port).postJson(agent, request);
		assertThat(response.status()).isEqualTo(200);
		return response.json().get("traceId").asString();
	}

	private String awaitStored(String traceId) {
		return org.awaitility.Awaitility.await()
			.until(() -> new Http(this.port).get("/actuator/traces/" + traceId), (response) -> response.status() == 200)
			.body();
	}

	private static WebElement waitForRow(String traceId) {
		return wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#trace-rows tr[data-trace-id='" + traceId + "']")));
	}

	private static WebElement row(String traceId) {
		return browser.findElement(By.cssSelector("#trace-rows tr[data-trace-id='" + traceId + "']"));
	}

	/** The row of a span as it is now: rows are rendered again as the selection moves. */
	private static WebElement spanRow(String name) {
		return browser.findElement(By.cssSelector(".row[title='" + name + "']"));
	}

	private static int depth(WebElement row) {
		return Integer.parseInt(row.getAttribute("data-depth"));
	}

}
