package dev.newsroom.enrich.topics;

/** One IPTC Media Topic: its eight-digit code, parent code (null at the top level) and English name. */
public record MediaTopic(String code, String parent, String name) {
    public String qcode() {
        return "medtop:" + code;
    }

    public String uri() {
        return "http://cv.iptc.org/newscodes/mediatopic/" + code;
    }

    public boolean isTopLevel() {
        return parent == null;
    }
}
