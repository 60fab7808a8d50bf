package dev.newsroom.enrich;

/** An IPTC Media Topic with its relevance 0..100: code {@code medtop:…}, URI, IPTC's English name. */
public record SubjectScore(String code, String uri, String name, int relevance) {
}
