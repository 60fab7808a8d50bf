package dev.newsroom.publish.state;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.newsroom.publish.moderation.EditorCommand;
import dev.newsroom.publish.state.StoredContent.StoredAdvisory;
import dev.newsroom.schemas.AdvisoryKind;
import dev.newsroom.schemas.Pubstatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Everything the publish service knows about one article, in its state store: the latest content, what was last
 * published (version, status, hash, outlets that received it), the moderation in force (hold, embargo, kill,
 * advisories, correction note), the commands already applied and those waiting for the article to arrive.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ArticleState {

    /** Command ids remembered per article for idempotency; older ones are forgotten first. */
    static final int REMEMBERED_COMMANDS = 256;

    private StoredContent content;
    private int version;
    private Pubstatus pubstatus;
    private String contentHash;
    private Instant firstPublishedAt;
    private SortedSet<String> receivedBy = new TreeSet<>();
    private boolean held;
    private String holdReason;
    private Instant embargoUntil;
    private boolean advisoryHoldsReleased;
    private boolean killed;
    private String killReason;
    private List<StoredAdvisory> editorAdvisories = new ArrayList<>();
    private String correctionNote;
    private List<String> appliedCommands = new ArrayList<>();
    private List<EditorCommand> pending = new ArrayList<>();

    public StoredContent content() {
        return content;
    }

    public void content(StoredContent content) {
        this.content = content;
    }

    /** The last published version; 0 before the first. */
    public int version() {
        return version;
    }

    /** Status of the last published version; null before the first. */
    public Pubstatus pubstatus() {
        return pubstatus;
    }

    public String contentHash() {
        return contentHash;
    }

    public Instant firstPublishedAt() {
        return firstPublishedAt;
    }

    /** Outlets that received a live version: they must hear of every later change, a kill above all. */
    public SortedSet<String> receivedBy() {
        return receivedBy;
    }

    public void published(int version, Pubstatus pubstatus, String contentHash, Collection<String> outlets,
                          Instant at) {
        this.version = version;
        this.pubstatus = pubstatus;
        this.contentHash = contentHash;
        if (firstPublishedAt == null) {
            firstPublishedAt = at;
        }
        if (pubstatus == Pubstatus.usable) {
            receivedBy.addAll(outlets);
        }
    }

    public boolean held() {
        return held;
    }

    public String holdReason() {
        return holdReason;
    }

    public void hold(String reason) {
        held = true;
        holdReason = reason;
    }

    public Instant embargoUntil() {
        return embargoUntil;
    }

    public void embargo(Instant until) {
        embargoUntil = until;
    }

    public void liftEmbargo() {
        embargoUntil = null;
    }

    /** A release lifts the editor's hold, an embargo and the outlets' advisory holds. */
    public void release() {
        held = false;
        holdReason = null;
        embargoUntil = null;
        advisoryHoldsReleased = true;
    }

    public boolean advisoryHoldsReleased() {
        return advisoryHoldsReleased;
    }

    public boolean killed() {
        return killed;
    }

    public String killReason() {
        return killReason;
    }

    public void kill(String reason) {
        killed = true;
        killReason = reason;
    }

    public void addAdvisory(StoredAdvisory advisory) {
        if (!editorAdvisories.contains(advisory)) {
            editorAdvisories.add(advisory);
        }
    }

    /** Enrich's advisories and the editors', without repeats. */
    public List<StoredAdvisory> advisories() {
        Set<StoredAdvisory> all = new LinkedHashSet<>();
        if (content != null) {
            all.addAll(content.advisories());
        }
        all.addAll(editorAdvisories);
        return List.copyOf(all);
    }

    /** The kinds of the advisories readers are told of; suggestions for editors are not among them. */
    public Set<AdvisoryKind> advisoryKinds() {
        Set<AdvisoryKind> kinds = new TreeSet<>();
        advisories().stream().filter(advisory -> !advisory.suggestion()).forEach(advisory -> kinds.add(advisory.kind()));
        return kinds;
    }

    public String correctionNote() {
        return correctionNote;
    }

    public void correct(String note) {
        correctionNote = note;
    }

    public boolean seen(String commandId) {
        return appliedCommands.contains(commandId);
    }

    public void remember(String commandId) {
        appliedCommands.add(commandId);
        while (appliedCommands.size() > REMEMBERED_COMMANDS) {
            appliedCommands.remove(0);
        }
    }

    public void addPending(EditorCommand command) {
        pending.add(command);
    }

    /** Commands waiting for the article, in arrival order. */
    public List<EditorCommand> pending() {
        return List.copyOf(pending);
    }

    /** Takes one waiting command away (cancelled, expired or sent on to the article it names). */
    public Optional<EditorCommand> removePending(String commandId) {
        for (int i = 0; i < pending.size(); i++) {
            if (pending.get(i).commandId().equals(commandId)) {
                return Optional.of(pending.remove(i));
            }
        }
        return Optional.empty();
    }

    /** Commands that arrived before the article, in arrival order; they are applied once, so they are taken. */
    public List<EditorCommand> takePending() {
        List<EditorCommand> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }
}
