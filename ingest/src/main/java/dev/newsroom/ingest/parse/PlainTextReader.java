package dev.newsroom.ingest.parse;

import dev.newsroom.ingest.parse.draft.FormatReader;
import dev.newsroom.ingest.parse.draft.ItemDraft;
import dev.newsroom.ingest.parse.draft.ParseContext;
import dev.newsroom.ingest.parse.text.Urls;
import java.util.List;

/** Plain text is one story: the whole text is its body, and the document's address its link. */
final class PlainTextReader implements FormatReader {

    @Override
    public List<ItemDraft> read(DocumentText document, ParseContext context, List<String> warnings) {
        ItemDraft draft = new ItemDraft(0);
        draft.bodyText = document.text();
        draft.link = Urls.isHttp(context.documentUri()) ? context.documentUri() : null;
        draft.baseUri = context.documentUri();
        draft.language = context.headerLanguage();
        return List.of(draft);
    }
}
