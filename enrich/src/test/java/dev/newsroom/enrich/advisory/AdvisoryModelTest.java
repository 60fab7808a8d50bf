package dev.newsroom.enrich.advisory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.newsroom.schemas.AdvisoryKind;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The trained model as enrich reads it: what it may decide, where it falls back to the thresholds, its file. */
class AdvisoryModelTest {

    private static Evidence evidence(String... words) {
        Evidence e = new Evidence();
        for (String word : words) {
            e.add(1.0, false, true, 0, true, false, word, word);
        }
        return e;
    }

    @Test
    void one_word_repeated_is_never_a_notice_on_the_model_alone() {
        assertThat(AdvisoryModel.mayDecide(evidence("murder", "murder"), false)).isFalse();
        assertThat(AdvisoryModel.mayDecide(evidence("murder", "murder"), true)).isTrue();
        assertThat(AdvisoryModel.mayDecide(evidence("shot", "killed"), false)).isTrue();
        assertThat(AdvisoryModel.mayDecide(evidence("killed"), false)).isFalse();
    }

    @Test
    void a_model_written_and_read_back_gives_the_same_probabilities_and_leaves_uncovered_languages_to_the_thresholds() {
        AdvisoryModel model = AdvisoryModel.read(new ByteArrayInputStream(("""
                # test model
                VIOLENCE\tcut\ten\t0.5
                VIOLENCE\tweight\tbias\t-2.0
                VIOLENCE\tweight\tscore\t1.5
                VIOLENCE\tweight\ten:counted\t2.0
                """).getBytes(StandardCharsets.UTF_8)));
        Map<AdvisoryKind, Evidence> strong = Map.of(AdvisoryKind.VIOLENCE, evidence("shot", "wounded", "gunman"));
        Map<AdvisoryKind, Evidence> weak = Map.of(AdvisoryKind.VIOLENCE, evidence("attack"));
        double high = model.probability("en", AdvisoryKind.VIOLENCE, strong, EnumSet.noneOf(AdvisoryKind.class));
        double low = model.probability("en", AdvisoryKind.VIOLENCE, weak, EnumSet.noneOf(AdvisoryKind.class));
        assertThat(high).isGreaterThan(model.cut("en", AdvisoryKind.VIOLENCE)).isGreaterThan(low);
        assertThat(model.probability("ar", AdvisoryKind.VIOLENCE, strong, EnumSet.noneOf(AdvisoryKind.class))).isNaN();
        assertThat(model.probability("en", AdvisoryKind.DEATH, strong, EnumSet.noneOf(AdvisoryKind.class))).isNaN();

        StringWriter written = new StringWriter();
        model.write(new PrintWriter(written), "# again\n");
        AdvisoryModel reread = AdvisoryModel.read(new ByteArrayInputStream(written.toString()
                .getBytes(StandardCharsets.UTF_8)));
        assertThat(reread.probability("en", AdvisoryKind.VIOLENCE, strong, EnumSet.noneOf(AdvisoryKind.class)))
                .isCloseTo(high, offset(1e-4));
        assertThat(reread.cut("en", AdvisoryKind.VIOLENCE)).isEqualTo(0.5);
    }

    @Test
    void a_bad_row_is_refused_with_its_line_number_and_text() {
        assertThatThrownBy(() -> AdvisoryModel.read(new ByteArrayInputStream(("""
                # test model
                VIOLENCE\tcut\ten\t0.5
                VIOLENSE\tweight\tbias\t-2.0
                """).getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Advisory model line 3: ")
                .hasMessageContaining("VIOLENSE");
        assertThatThrownBy(() -> AdvisoryModel.read(new ByteArrayInputStream("DEATH\tcut\ten\thalf\n"
                .getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 1").hasMessageContaining("half");
    }
}
