package dev.newsroom.ingest.parse.charset;

import dev.newsroom.ingest.parse.Fixtures;
import dev.newsroom.ingest.parse.TextSamples;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cost of {@link CharsetResolver#decode} alone: the project's samples (UTF-8, as most input is) and text samples in
 * other scripts and legacy charsets. Prints the best of several rounds per input, which is what the code costs when
 * the machine is not busy with something else. Not a test; run with
 * {@code java -cp <test classpath> dev.newsroom.ingest.parse.CharsetThroughput [rounds]}.
 */
public final class CharsetThroughput {

    private record Input(String name, byte[] bytes) {
    }

    private CharsetThroughput() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        List<Input> inputs = new ArrayList<>();
        for (String sample : new String[] {Fixtures.SEED, "page-ar-palmyra.html", "feed-ar.rss", "feed-en.atom", "feed.json", "wire-ninjs.json"}) {
            inputs.add(new Input(sample, Fixtures.sample(sample)));
        }
        String[][] texts = {{"ja.wikipedia", "UTF-8"}, {"ko.wikipedia", "UTF-8"}, {"zh.wikipedia", "UTF-8"}, {"th.wikipedia", "UTF-8"},
                {"hi.wikipedia", "UTF-8"}, {"ru.wikipedia", "UTF-8"}, {"ja.wikipedia", "EUC-JP"}, {"ko.wikipedia", "EUC-KR"},
                {"zh.wikipedia", "GB18030"}, {"el.wikipedia", "ISO-8859-7"}, {"th.wikipedia", "TIS-620"}};
        for (String[] text : texts) {
            Charset charset = Charset.forName(text[1]);
            String joined = String.join("\n\n", charset.equals(StandardCharsets.UTF_8)
                    ? TextSamples.paragraphs(text[0]) : LegacyCharsetsTest.legacyParagraphs(text[0], charset));
            inputs.add(new Input(text[0] + " " + text[1], joined.getBytes(charset)));
        }
        double[] best = new double[inputs.size()];
        java.util.Arrays.fill(best, Double.MAX_VALUE);
        long sink = 0;
        for (int round = 0; round < rounds; round++) {
            for (int i = 0; i < inputs.size(); i++) {
                byte[] bytes = inputs.get(i).bytes();
                int times = Math.max(50, 20_000_000 / bytes.length);
                long start = System.nanoTime();
                for (int n = 0; n < times; n++) {
                    sink += CharsetResolver.decode(bytes, null, "Document 'bench'").text().length();
                }
                best[i] = Math.min(best[i], (System.nanoTime() - start) / 1e3 / times);
            }
        }
        for (int i = 0; i < inputs.size(); i++) {
            Input input = inputs.get(i);
            System.out.printf(Locale.ROOT, "%-28s %7d bytes %9.1f us/doc %7.1f MB/s%n", input.name(), input.bytes().length, best[i],
                    input.bytes().length / best[i]);
        }
        System.out.println(sink > 0 ? "" : "-");
    }
}
