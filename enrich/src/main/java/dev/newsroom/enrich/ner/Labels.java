package dev.newsroom.enrich.ner;

import dev.newsroom.schemas.EntityType;

/**
 * BIO labels of the sequence tagger. MISC stands for the NewsFANE classes that are not scored (buildings,
 * groups, books ...): learning them as their own class keeps them from teaching the model that such names are
 * ordinary words, and their predictions are dropped.
 */
final class Labels {
    static final String[] NAMES = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"};
    static final int COUNT = NAMES.length;
    static final int O = 0;

    private Labels() {
    }

    static boolean isBegin(int label) {
        return label != O && label % 2 == 1;
    }

    static int typeOf(int label) {
        return label == O ? -1 : (label - 1) / 2;
    }

    static int begin(int type) {
        return type * 2 + 1;
    }

    static int inside(int type) {
        return type * 2 + 2;
    }

    static EntityType entityType(int type) {
        return switch (type) {
            case 0 -> EntityType.PERSON;
            case 1 -> EntityType.ORGANISATION;
            case 2 -> EntityType.PLACE;
            default -> EntityType.OTHER;
        };
    }

    static int typeIndex(EntityType type) {
        return switch (type) {
            case PERSON -> 0;
            case ORGANISATION -> 1;
            case PLACE -> 2;
            default -> 3;
        };
    }
}
