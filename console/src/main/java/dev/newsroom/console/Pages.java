package dev.newsroom.console;

import dev.newsroom.console.ConsoleServer.NotFound;
import dev.newsroom.console.ConsoleServer.Response;

/** Which page answers which request. */
final class Pages {

    private static final String ARTICLES = "/articles/";
    private static final String DEAD_LETTERS = "/deadletters/";
    private static final String REPLAY = "/replay/";

    private final OverviewPage overview;
    private final ArticlePages articles;
    private final DeadLetterPages deadLetters;
    private final ReplayPages replays;

    Pages(Console console) {
        this.overview = new OverviewPage(console);
        this.articles = new ArticlePages(console);
        this.deadLetters = new DeadLetterPages(console);
        this.replays = new ReplayPages(console);
    }

    Response handle(Exchange exchange) {
        String path = exchange.path();
        boolean get = exchange.method().equals("GET") || exchange.method().equals("HEAD");
        boolean post = exchange.method().equals("POST");
        if (get && path.equals("/")) {
            return overview.page();
        }
        if (get && path.equals("/overview/live")) {
            return overview.live();
        }
        if (get && path.equals("/articles")) {
            return articles.search(exchange);
        }
        if (path.startsWith(ARTICLES) && path.endsWith("/moderate") && post) {
            return articles.moderate(path.substring(ARTICLES.length(), path.length() - "/moderate".length()),
                    exchange);
        }
        if (get && path.startsWith(ARTICLES) && path.length() > ARTICLES.length()) {
            return articles.lineage(path.substring(ARTICLES.length()), exchange);
        }
        if (get && path.equals("/deadletters")) {
            return deadLetters.list(exchange);
        }
        if (get && path.equals("/deadletters/redrive")) {
            return deadLetters.preview(exchange);
        }
        if (post && path.equals("/deadletters/redrive")) {
            return deadLetters.redrive(exchange);
        }
        if (get && path.startsWith(DEAD_LETTERS) && path.length() > DEAD_LETTERS.length()) {
            return deadLetters.show(path.substring(DEAD_LETTERS.length()));
        }
        if (get && path.equals("/replay")) {
            return replays.form(exchange);
        }
        if (get && path.equals("/replay/preview")) {
            return replays.preview(exchange);
        }
        if (post && path.equals("/replay")) {
            return replays.start(exchange);
        }
        if (post && path.startsWith(REPLAY) && path.endsWith("/resume")) {
            return replays.resume(path.substring(REPLAY.length(), path.length() - "/resume".length()));
        }
        if (get && path.startsWith(REPLAY) && path.length() > REPLAY.length()) {
            return replays.progress(path.substring(REPLAY.length()));
        }
        throw new NotFound("No page " + path);
    }
}
