package dev.newsroom.ingest.parse.eval;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Token-level precision, recall and F1 of an extracted body against its ground truth, the tokens ({@link BodyTokens})
 * counted as a bag with multiplicity. An empty extraction scores 0 against a non-empty truth.
 */
public record BodyScore(double precision, double recall, double f1, int extractedTokens, int truthTokens) {

    public static BodyScore of(String extracted, String truth) {
        return ofTokens(BodyTokens.of(extracted), BodyTokens.of(truth));
    }

    static BodyScore ofTokens(List<String> extracted, List<String> truth) {
        Map<String, Integer> left = new HashMap<>();
        truth.forEach(token -> left.merge(token, 1, Integer::sum));
        int overlap = 0;
        for (String token : extracted) {
            Integer count = left.get(token);
            if (count != null && count > 0) {
                overlap++;
                left.put(token, count - 1);
            }
        }
        double precision = extracted.isEmpty() ? 0 : (double) overlap / extracted.size();
        double recall = truth.isEmpty() ? 0 : (double) overlap / truth.size();
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new BodyScore(precision, recall, f1, extracted.size(), truth.size());
    }
}
