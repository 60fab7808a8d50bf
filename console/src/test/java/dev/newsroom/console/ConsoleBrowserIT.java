package dev.newsroom.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.newsroom.devstack.KafkaStack;
import dev.newsroom.devstack.junit.WithKafkaStack;
import dev.newsroom.platform.ninjs.NinjsWriter;
import dev.newsroom.schemas.AuditOutcome;
import dev.newsroom.schemas.DeadLetter;
import dev.newsroom.schemas.topic.TopicId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The console in headless Chromium on a running pipeline: what an editor and an operator do, in order. The seed
 * article goes in as a newsroom system sends it; a dead letter of an earlier, buggy ingest holds the English
 * feed. Screenshots of each page go to {@link Browser#SCREENSHOTS}.
 */
@WithKafkaStack
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {

    /** Words of the seed's (derived) headline, with the hamza the writer used and without it. */
    private static final String SEED_WORDS = "التوترات الاقليمية";
    private static final String ENGLISH_HEADLINE = "U.S. soldiers and civilian killed in attack near Palmyra, Syria";
    private static final Duration FLOW = Duration.ofMinutes(2);
    private static final Duration PAGE = Duration.ofSeconds(30);

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static ConsolePipeline pipeline;
    private static ChromeDriver browser;
    private static DeadLetter letter;
    private static String withLogins;
    private static final String VIEWER_PASSWORD = "omar reads, but does not touch";
    private static final String EDITOR_PASSWORD = "layla holds and kills stories";

    @BeforeAll
    static void start(KafkaStack stack) throws Exception {
        browser = Browser.start();
        Path dir = Files.createTempDirectory("console-it");
        pipeline = new ConsolePipeline(stack, dir);
        pipeline.produce(ConsolePipeline.SEED, "text/plain; charset=utf-8");
        letter = pipeline.deadLetterFor(ConsolePipeline.ENGLISH_FEED, "application/atom+xml",
                "Parser bug: Atom entries with XHTML content rejected (fixed in ingest 1.4.2)");
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (pipeline != null) {
            pipeline.close();
        }
    }

    @Test
    @Order(1)
    void theOverviewShowsEachStageItsTopicsDeadLettersAndTheRegistry() {
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            browser.get(pipeline.url("/"));
            String page = text("main");
            assertThat(page).contains("Pipeline overview", "ingest", "enrich", "publish",
                    pipeline.applicationIdPrefix() + "enrich", pipeline.name(TopicId.RAW),
                    "1 dead letters", "Parser bug: Atom entries with XHTML content rejected");
            assertThat(page).contains(pipeline.name(TopicId.ARTICLES) + "-value");
            assertThat(text("#outlets-h ~ table")).contains("all", "feed", "ok");
        });
    }

    @Test
    @Order(2)
    void anEditorFindsTheSeedByArabicHeadlineWordsAndSeesItsWholeLineage() {
        browser.get(pipeline.url("/articles"));
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            WebElement search = browser.findElement(By.id("q"));
            search.clear();
            search.sendKeys(SEED_WORDS, Keys.ENTER);
            assertThat(browser.findElements(By.cssSelector("ol.results a.headline"))).hasSize(1);
        });
        WebElement result = browser.findElement(By.cssSelector("ol.results a.headline"));
        assertThat(result.getAttribute("dir")).isEqualTo("rtl");
        assertThat(result.getAttribute("lang")).isEqualTo("ar");
        Browser.screenshot(browser, "articles");

        // Keyboard only: focus the result and follow it with Enter.
        result.sendKeys(Keys.ENTER);
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(text("#deliveries")).contains("wire (kafka)", "article.published", "DELIVERED");
        });
        WebElement headline = browser.findElement(By.cssSelector("h1.article-headline"));
        assertThat(headline.getAttribute("dir")).isEqualTo("rtl");
        assertThat(headline.getAttribute("lang")).isEqualTo("ar");
        assertThat(headline.getText()).contains("التوترات");
        assertThat(text("#raw")).contains(pipeline.name(TopicId.RAW),
                ConsolePipeline.SEED, ConsolePipeline.SOURCE, "text/plain");
        assertThat(text("#versions")).contains("Version 1", "first version");
        assertThat(text(".entity-group.people")).contains("Donald Trump", "Tom Barrack", "Elias Hanna");
        assertThat(text(".entity-group.places")).contains("Palmyra", "Homs", "Damascus");
        assertThat(text(".entity-group.organisations")).contains("Islamic State");
        assertThat(browser.findElements(By.cssSelector(".entity-group.people a.entity-id"))).isNotEmpty();
        assertThat(text(".sections")).contains("conflict, war and peace", "medtop:16000000", "politics");
        assertThat(text("#published")).contains("usable");
        Browser.screenshot(browser, "article");
    }

    @Test
    @Order(3)
    void anOperatorPreviewsAndReDrivesTheDeadLetterAndItsArticlesFlow() {
        browser.get(pipeline.url("/deadletters?stage=INGEST"));
        assertThat(text("main")).contains("Dead letters 1–1 matching the filter", letter.getId(), "Parser bug");
        Browser.screenshot(browser, "deadletters");

        browser.findElement(By.linkText(letter.getId())).click();
        assertPage("main", "Parser bug: Atom entries with XHTML content rejected",
                "java.lang.IllegalStateException", ConsolePipeline.ENGLISH_FEED, "re-driven".substring(0, 2));
        assertThat(text("pre.payload")).contains(ENGLISH_HEADLINE);
        Browser.screenshot(browser, "deadletter");

        browser.get(pipeline.url("/deadletters?stage=INGEST"));
        browser.findElement(By.cssSelector("input[name=id]")).click();
        browser.findElement(By.id("preview-chosen")).click();
        assertPage("h1", "dry run");
        assertPage("main", "would be sent back", letter.getId(), pipeline.name(TopicId.RAW));
        Browser.screenshot(browser, "redrive-preview");

        browser.findElement(By.id("confirm-redrive")).click();
        assertPage("main", "1 dead letters re-driven", letter.getId());
        Browser.screenshot(browser, "redrive-done");

        await().atMost(FLOW).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            browser.get(pipeline.url("/articles?q=soldiers+palmyra"));
            assertThat(text("ol.results")).contains(ENGLISH_HEADLINE);
        });
        browser.get(pipeline.url("/deadletters"));
        assertThat(text("table.letters")).contains("ago");
    }

    @Test
    @Order(4)
    void anEditorKillsTheSeedAndItLeavesTheFeed() throws Exception {
        browser.get(pipeline.url("/articles?q=" + SEED_WORDS.replace(' ', '+')));
        browser.findElement(By.cssSelector("ol.results a.headline")).click();
        String articleUrl = browser.getCurrentUrl();
        String articleUri = NinjsWriter.uriFor(text("p.meta code"));
        await().atMost(FLOW).until(() -> pipeline.feed().contains(articleUri));

        browser.findElement(By.cssSelector("input[name=action][value=kill]")).click();
        browser.findElement(By.id("reason")).sendKeys("Legal: the casualty figures could not be confirmed");
        browser.findElement(By.id("moderate-send")).click();
        assertPage(".flash", "applied", "canceled");
        assertThat(browser.getCurrentUrl()).startsWith(articleUrl);
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(text("#published")).contains("canceled", "KILLED");
        });
        Browser.screenshot(browser, "article-killed");
        await().atMost(FLOW).until(() -> !pipeline.feed().contains(articleUri));

        // The overview after everything above: receipts from the Kafka outlet, the re-driven letter's articles.
        browser.get(pipeline.url("/"));
        assertThat(text("#outlets-h ~ table")).contains("wire", "kafka", "all", "feed");
        Browser.screenshot(browser, "overview");
    }

    @Test
    @Order(5)
    void anOperatorDryRunsAReplayThenRunsItToTheEnd() {
        String target = pipeline.createTopic("articles-replayed");
        browser.get(pipeline.url("/replay"));
        new Select(browser.findElement(By.id("fromTopic")))
                .selectByVisibleText(pipeline.name(TopicId.ARTICLES));
        browser.findElement(By.id("from")).sendKeys("1h");
        browser.findElement(By.id("toTopic")).sendKeys(target);
        browser.findElement(By.id("replay-dry-run")).click();
        String planned = assertPage("#survey-h + p", " records would be copied from ");
        assertThat(planned).matches("[1-9][0-9]* records would be copied from .*");
        String records = planned.substring(0, planned.indexOf(' '));
        Browser.screenshot(browser, "replay-preview");

        browser.findElement(By.id("replay-start")).click();
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(text(".flash")).isEqualTo("Complete: " + records + " records copied by this run.");
        });
        assertThat(text("table.grid")).contains("100%");
        Browser.screenshot(browser, "replay-progress");
    }

    @Test
    @Order(6)
    void anOperatorReprocessesEnrichOverTheLastHour() {
        browser.get(pipeline.url("/replay"));
        new Select(browser.findElement(By.id("stage"))).selectByValue("enrich");
        browser.findElement(By.id("reprocess-from")).sendKeys("1h");
        browser.findElement(By.id("reprocess-dry-run")).click();
        String articles = pipeline.name(TopicId.ARTICLES);
        String planned = assertPage("#survey-h + p", " records would be copied from ");
        assertThat(planned).matches("[1-9][0-9]* records would be copied from " + Pattern.quote(
                articles + " to " + articles) + "\\.");
        String records = planned.substring(0, planned.indexOf(' '));

        browser.findElement(By.id("replay-start")).click();
        assertThat(assertPage("h1", "Replay reprocess-enrich-")).startsWith("Replay reprocess-enrich-");
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.navigate().refresh();
            assertThat(text(".flash")).isEqualTo("Complete: " + records + " records copied by this run.");
        });
    }

    @Test
    @Order(7)
    void aStateChangingRequestWithoutTheConsolesTokenIsRefused() throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url("/deadletters/redrive")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("id=" + letter.getId() + "&again=1")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("did not come from the console");
    }

    @Test
    @Order(8)
    void aRequestForAnotherHostIsRefusedSoThatDnsRebindingFindsNothing() throws Exception {
        URI console = URI.create(pipeline.url("/"));
        try (Socket socket = new Socket("127.0.0.1", console.getPort())) {
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: rebound.example:" + console.getPort()
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();

            assertThat(statusLine).startsWith("HTTP/1.1 421");
        }
    }

    @Test
    @Order(9)
    void mistakesAreAnsweredWithTheirReasonAndStatus() throws Exception {
        HttpResponse<String> missing = get("/articles/no-such-article");
        HttpResponse<String> badRegex = get("/deadletters?reason=%28unclosed");
        HttpResponse<String> noPage = get("/nowhere");

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("No article &#39;no-such-article&#39;");
        assertThat(badRegex.statusCode()).isEqualTo(400);
        assertThat(badRegex.body()).contains("Reason is not a regular expression");
        assertThat(noPage.statusCode()).isEqualTo(404);
    }

    @Test
    @Order(10)
    void aConsoleWithLoginsAsksForOneFirstAndRefusesAWrongPassword() throws Exception {
        Path users = Files.writeString(Files.createTempFile("console-users", ".txt"), String.join("\n",
                "# name:role:password-hash, as newsroom console user NAME ROLE prints them",
                "omar:viewer:" + PasswordHash.hash(VIEWER_PASSWORD.toCharArray()),
                "layla:editor:" + PasswordHash.hash(EDITOR_PASSWORD.toCharArray())) + "\n");
        // 127.0.0.2: another address than the console above; a login is required because there is a users file.
        withLogins = pipeline.startWithLogins("127.0.0.2", users);

        browser.get(withLogins + "/deadletters");
        assertPage("h1", "Log in");
        assertThat(browser.getCurrentUrl()).contains("/login?next=%2Fdeadletters");
        assertThat(browser.findElements(By.cssSelector("nav[aria-label=Console]"))).isEmpty();
        Browser.screenshot(browser, "login");

        logIn("omar", "not his password");
        assertPage(".flash", "Wrong name or password.");
        Browser.screenshot(browser, "login-refused");
        await().atMost(PAGE).untilAsserted(() -> assertThat(pipeline.audit()).anySatisfy(audit -> {
            assertThat(audit.getUser()).isEqualTo("omar");
            assertThat(audit.getAction()).isEqualTo("login");
            assertThat(audit.getOutcome()).isEqualTo(AuditOutcome.REFUSED);
            assertThat(audit.getRemoteAddress()).isEqualTo("127.0.0.1");
        }));

        logIn("omar", VIEWER_PASSWORD);
        assertPage("h1", "Dead letters");
        assertThat(text("#whoami")).isEqualTo("omar (viewer)");
        Cookie session = browser.manage().getCookieNamed(Sessions.COOKIE);
        assertThat(session.isHttpOnly()).isTrue();
        assertThat(session.isSecure()).isTrue();
        assertThat(session.getSameSite()).isEqualTo("Strict");
    }

    @Test
    @Order(11)
    void aViewerReadsTheArticleButMayNotModerateIt() throws Exception {
        String article = englishArticle();
        assertThat(browser.findElements(By.id("moderate-send"))).isEmpty();
        assertThat(text("#moderate-refused")).contains("needs the editor or operator role", "omar is a viewer");

        // The form is not shown; sent anyway, with the viewer's session and its token, it is refused and audited.
        String csrf = browser.findElement(By.cssSelector("form.who input[name=_csrf]")).getAttribute("value");
        HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(withLogins
                        + ArticlePages.link(article) + "/moderate"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", Sessions.COOKIE + "=" + browser.manage().getCookieNamed(Sessions.COOKIE).getValue())
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&action=kill&reason=mine")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("moderate:kill needs the editor role");
        await().atMost(PAGE).untilAsserted(() -> assertThat(pipeline.audit()).anySatisfy(audit -> {
            assertThat(audit.getUser()).isEqualTo("omar");
            assertThat(audit.getRole()).isEqualTo("viewer");
            assertThat(audit.getAction()).isEqualTo("moderate:kill");
            assertThat(audit.getTarget()).isEqualTo(article);
            assertThat(audit.getOutcome()).isEqualTo(AuditOutcome.REFUSED);
        }));

        browser.findElement(By.id("logout")).click();
        assertPage("h1", "Log in");
        browser.get(withLogins + "/");
        assertPage("h1", "Log in");
    }

    @Test
    @Order(12)
    void anEditorsModerationIsAuditedWithWhoWhatWhenTargetAndOutcome() throws Exception {
        Instant before = Instant.now();
        browser.get(withLogins + "/");
        logIn("layla", EDITOR_PASSWORD);
        assertPage("#whoami", "layla (editor)");
        String article = englishArticle();

        browser.findElement(By.cssSelector("input[name=action][value=hold]")).click();
        browser.findElement(By.id("reason")).sendKeys("Legal: waiting for the ministry's confirmation");
        browser.findElement(By.id("moderate-send")).click();
        assertPage(".flash", "applied");

        await().atMost(PAGE).untilAsserted(() -> assertThat(pipeline.audit()).anySatisfy(audit -> {
            assertThat(audit.getUser()).isEqualTo("layla");
            assertThat(audit.getRole()).isEqualTo("editor");
            assertThat(audit.getAction()).isEqualTo("moderate:hold");
            assertThat(audit.getTarget()).isEqualTo(article);
            assertThat(audit.getOutcome()).isEqualTo(AuditOutcome.OK);
            assertThat(audit.getDetail()).contains("applied");
            assertThat(audit.getAt()).isBetween(before, Instant.now());
        }));
        assertThat(pipeline.audit()).anySatisfy(audit -> {
            assertThat(audit.getUser()).isEqualTo("layla");
            assertThat(audit.getAction()).isEqualTo("login");
            assertThat(audit.getOutcome()).isEqualTo(AuditOutcome.OK);
        });
    }

    private static void logIn(String name, String password) {
        WebElement field = browser.findElement(By.id("name"));
        field.clear();
        field.sendKeys(name);
        browser.findElement(By.id("password")).sendKeys(password, Keys.ENTER);
    }

    /** Opens the English article (re-driven above) and returns its id; this console reads the topics first. */
    private static String englishArticle() {
        await().atMost(FLOW).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            browser.get(withLogins + "/articles?q=soldiers+palmyra");
            assertThat(browser.findElements(By.cssSelector("ol.results a.headline"))).isNotEmpty();
        });
        browser.findElement(By.cssSelector("ol.results a.headline")).click();
        assertPage("h1.article-headline", "soldiers");
        return text("p.meta code");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(pipeline.url(path))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String text(String css) {
        try {
            List<WebElement> found = browser.findElements(By.cssSelector(css));
            return found.isEmpty() ? "" : found.get(0).getText();
        } catch (StaleElementReferenceException e) {
            return "";
        }
    }

    /**
     * Waits until the element says every expected text and returns what it says: right after a click the browser
     * may still show the page before, or be replacing it.
     */
    private static String assertPage(String css, String... expected) {
        await().atMost(PAGE).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(text(css)).contains(expected));
        return text(css);
    }
}
