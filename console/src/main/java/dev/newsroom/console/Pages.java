package dev.newsroom.console;

import dev.newsroom.console.ConsoleServer.NotFound;
import dev.newsroom.console.ConsoleServer.Response;
import dev.newsroom.schemas.AuditOutcome;
import java.util.function.Supplier;

/**
 * Which page answers which request, and who may send what changes the pipeline: editors moderate, operators also
 * re-drive and replay. Each of those is audited, refused or not.
 */
final class Pages {

    private static final String ARTICLES = "/articles/";
    private static final String DEAD_LETTERS = "/deadletters/";
    private static final String REPLAY = "/replay/";

    private final OverviewPage overview;
    private final ArticlePages articles;
    private final DeadLetterPages deadLetters;
    private final ReplayPages replays;
    private final Console console;

    Pages(Console console) {
        this.console = console;
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
            String id = path.substring(ARTICLES.length(), path.length() - "/moderate".length());
            return audited(exchange, Role.EDITOR, "moderate:" + exchange.parameter("action"), id,
                    () -> articles.moderate(id, exchange));
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
            return audited(exchange, Role.OPERATOR, "redrive", exchange.parameters("id").size() + " dead letters: "
                    + String.join(", ", exchange.parameters("id")), () -> deadLetters.redrive(exchange));
        }
        if (get && path.startsWith(DEAD_LETTERS) && path.length() > DEAD_LETTERS.length()) {
            return deadLetters.show(path.substring(DEAD_LETTERS.length()), exchange);
        }
        if (get && path.equals("/replay")) {
            return replays.form(exchange);
        }
        if (get && path.equals("/replay/preview")) {
            return replays.preview(exchange);
        }
        if (post && path.equals("/replay")) {
            String stage = exchange.parameter("stage");
            return audited(exchange, Role.OPERATOR, stage == null ? "replay" : "reprocess",
                    exchange.parameter("id") + (stage == null ? ": " + exchange.parameter("fromTopic") + " to "
                            + exchange.parameter("toTopic") : ": stage " + stage), () -> replays.start(exchange));
        }
        if (post && path.startsWith(REPLAY) && path.endsWith("/resume")) {
            String id = path.substring(REPLAY.length(), path.length() - "/resume".length());
            return audited(exchange, Role.OPERATOR, "replay-resume", id, () -> replays.resume(id));
        }
        if (get && path.startsWith(REPLAY) && path.length() > REPLAY.length()) {
            return replays.progress(path.substring(REPLAY.length()));
        }
        throw new NotFound("No page " + path);
    }

    /** The action when the user's role allows it, audited with its outcome; refused (403, audited) when not. */
    private Response audited(Exchange exchange, Role needed, String action, String target,
                             Supplier<Audit.Result> work) {
        User user = exchange.user();
        Audit audit = console.audit();
        if (!user.role().allows(needed)) {
            String why = action + " needs the " + needed.label() + " role; " + user.name() + "'s role is "
                    + user.role().label();
            audit.record(user, action, target, AuditOutcome.REFUSED, why, exchange.remoteAddress());
            return ConsoleServer.error(403, "Not allowed: " + why + ".");
        }
        Audit.Result result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            audit.record(user, action, target, AuditOutcome.FAILED, e.getMessage(), exchange.remoteAddress());
            throw e;
        }
        audit.record(user, action, target, result.ok() ? AuditOutcome.OK : AuditOutcome.FAILED, result.detail(),
                exchange.remoteAddress());
        return result.response();
    }
}
