#!/bin/sh
# Writes the titles and body paragraphs of ANT corpus v2.1 (multi-source) as plain text, one paragraph a line,
# gzipped, for WordClusterTraining. Abstracts are left out: they repeat the first paragraph. A paragraph met
# before (agency boilerplate, an article filed under two categories) is kept once, so it does not weigh twice.
#   corpora/unlabelled-ar/ant-multisource-text.sh ANT_MULTISOURCE_GIT_DIR OUT.txt.gz
set -eu
commit=f117ce44a9cfad0dcbd341b7d744e4c3cdb4fed8
git --git-dir="$1" archive "$commit" Alarabia BBC CNN France24 SkyNews | tar -xO \
    | awk '/^<TITLE>/ { sub(/^<TITLE>/, ""); sub(/<\/TITLE>.*$/, ""); print; next }
           /^[ \t]*<TEXT>/ { body = 1; next }
           /^[ \t]*<\/TEXT>/ { body = 0; next }
           body && !/^[ \t]*$/ { gsub(/#/, ""); gsub(/_/, " "); print }' \
    | awk '!seen[$0]++' | gzip > "$2"
