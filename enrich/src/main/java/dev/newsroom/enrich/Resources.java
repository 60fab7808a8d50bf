package dev.newsroom.enrich;

import dev.newsroom.enrich.advisory.AdvisoryDetector;
import dev.newsroom.enrich.advisory.AdvisoryModel;
import dev.newsroom.enrich.ner.Gazetteer;
import dev.newsroom.enrich.ner.Romaniser;
import dev.newsroom.enrich.ner.SequenceModel;
import dev.newsroom.enrich.ner.Triggers;
import dev.newsroom.enrich.ner.WordClusters;
import dev.newsroom.enrich.summary.Keywords;
import dev.newsroom.enrich.text.WordFrequencies;
import dev.newsroom.enrich.topics.TopicClassifier;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Everything the enricher reads from the classpath, loaded once, and the fingerprint of it all. */
final class Resources {
    static final String MODEL = "ner/ar-newsfane.model.gz";
    static final String ENGLISH_MODEL = "ner/en-gmb.model.gz";
    /** Word classes for Arabic and for English; a missing file (before it is first learnt) leaves words unclassed. */
    private static final String[] CLUSTERS = {"ner/clusters-ar.tsv.gz", "ner/clusters-en.tsv.gz"};
    private static final String[] LANGUAGES = {"ar", "en", "fr"};
    private static final int NAME_WORD_COUNT = 25;
    /** Trained by AdvisoryModelTraining; without it the thresholds alone decide the notices. */
    private static final String ADVISORY_MODEL = "advisories/model.tsv";

    final Gazetteer gazetteer = new Gazetteer();
    /** GeoNames cities and Wikidata heads of state and government: no model feature, see NamedEntityTagger. */
    final Gazetteer extended = new Gazetteer();
    final Triggers triggers = new Triggers();
    final Romaniser romaniser = new Romaniser();
    final WordFrequencies frequencies;
    final WordClusters clusters = WordClusters.create();
    final SequenceModel model;
    final SequenceModel englishModel;
    final TopicClassifier topics = new TopicClassifier();
    final AdvisoryDetector advisories = new AdvisoryDetector();
    final Keywords keywords = new Keywords();
    final String fingerprint;

    private Resources(boolean withModel, boolean withSections, String rulesRevision) {
        ReferenceData data = new ReferenceData();
        for (String file : new String[] {"countries.tsv", "places.tsv", "entities.tsv"}) {
            gazetteer.load(data.open("gazetteer/" + file));
        }
        gazetteer.loadInstitutions(data.open("gazetteer/demonyms.tsv"), data.open("gazetteer/institutions.tsv"));
        extended.loadGeoNames(data.open("gazetteer/geonames-cities.tsv"));
        extended.loadLeaders(data.open("gazetteer/wikidata-leaders.tsv"), gazetteer);
        gazetteer.citePlaces(extended);
        triggers.load(data.open("ner/triggers.tsv"));
        triggers.loadNameList(data.open("ner/given-names-ar.txt"));
        romaniser.load(data.open("ner/romanisation.tsv"));
        for (String file : CLUSTERS) {
            if (Resources.class.getResource(ReferenceData.ROOT + file) != null) {
                clusters.load(data.open(file));
            }
        }
        frequencies = WordFrequencies.read(data.open("ner/ar-word-frequencies.tsv"), gazetteer.nameWords(),
                NAME_WORD_COUNT);
        try {
            model = withModel ? SequenceModel.read(data.open(MODEL)) : null;
            englishModel = withModel ? SequenceModel.read(data.open(ENGLISH_MODEL)) : null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        topics.loadTopics(data.open("topics/mediatopics.tsv"));
        for (String language : LANGUAGES) {
            topics.loadLexicon(language, data.open("topics/lexicon-" + language + ".tsv"));
            advisories.load(language, data.open("advisories/triggers-" + language + ".tsv"));
            String sections = "topics/sections-" + language + ".model.gz";
            if (withSections && Resources.class.getResource(ReferenceData.ROOT + sections) != null) {
                topics.loadModel(data.open(sections));
            }
        }
        advisories.loadThresholds(data.open("advisories/thresholds.tsv"));
        if (Resources.class.getResource(ReferenceData.ROOT + ADVISORY_MODEL) != null) {
            advisories.useModel(AdvisoryModel.read(data.open(ADVISORY_MODEL)));
        }
        keywords.loadStopwords(data.open("lexicon/stopwords.tsv"));
        fingerprint = data.fingerprint(rulesRevision);
    }

    static Resources load(boolean withModel, String rulesRevision) {
        return new Resources(withModel, true, rulesRevision);
    }

    /** Everything but the section models: for training them from the lexicons and stems alone. */
    static Resources withoutSections(String rulesRevision) {
        return new Resources(true, false, rulesRevision);
    }
}
