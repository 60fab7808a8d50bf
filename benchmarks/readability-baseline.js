// Mozilla Readability (the extractor behind Firefox's Reader View) on the extraction corpus, so that ingest's body F1
// can be set beside a reference tool's on the same pages, truth and tokens. Writes one text file per page of the
// manifest, one line per block of Readability's article HTML, empty where Readability found no article; score them
// with `./newsroom eval extraction --extracted OUT`.
//
//   npm install --prefix /tmp/readability @mozilla/readability@0.6.0 jsdom@29.1.1
//   NODE_PATH=/tmp/readability/node_modules node benchmarks/readability-baseline.js corpora/extraction /tmp/readability/out
//
// The corpus keeps no HTTP headers, where browsers find most pages' charset, and jsdom alone looks for a <meta
// charset> only in the first 1,024 bytes, then falls back to windows-1252: so bytes that are valid UTF-8 are read as
// UTF-8, others in the charset their own <meta> names anywhere in the first 64 KB, as ingest reads them.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { JSDOM, VirtualConsole } = require('jsdom');
const { Readability } = require('@mozilla/readability');

const [corpus, out] = process.argv.slice(2);
if (!corpus || !out) {
  console.error('usage: node benchmarks/readability-baseline.js CORPUS_DIR OUT_DIR');
  process.exit(2);
}
fs.mkdirSync(out, { recursive: true });

// Block elements start and end a line, so that words of adjacent blocks are not run together into one token.
const BLOCKS = new Set(['ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'BR', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL']);

function charsetOf(bytes) {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return 'utf-8';
  } catch (e) {
    const meta = /<meta[^>]{0,300}?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]{1,40})/i.exec(bytes.subarray(0, 65536).toString('latin1'));
    return meta ? meta[1] : null;
  }
}

function text(articleHtml) {
  const document = new JSDOM(articleHtml).window.document;
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    if (BLOCKS.has(element.tagName)) {
      element.before(document.createTextNode('\n'));
      element.after(document.createTextNode('\n'));
    }
  }
  return document.body.textContent.split('\n').map(line => line.replace(/\s+/g, ' ').trim()).filter(Boolean).join('\n');
}

const lines = fs.readFileSync(path.join(corpus, 'manifest.tsv'), 'utf8').split('\n').filter(line => line.trim());
const header = lines[0].split('\t');
const [pageColumn, fileColumn] = [header.indexOf('page'), header.indexOf('page_file')];
const quiet = new VirtualConsole();
let empty = 0;
for (const line of lines.slice(1)) {
  const fields = line.split('\t');
  const page = fields[pageColumn];
  const file = path.join(corpus, fields[fileColumn]);
  let bytes = fs.readFileSync(file);
  if (file.endsWith('.gz')) {
    bytes = zlib.gunzipSync(bytes);
  }
  let body = '';
  try {
    const charset = charsetOf(bytes);
    const contentType = charset ? 'text/html; charset=' + charset : 'text/html';
    const dom = new JSDOM(bytes, { contentType, url: 'https://corpus.invalid/' + page, virtualConsole: quiet });
    const article = new Readability(dom.window.document).parse();
    body = article && article.content ? text(article.content) : '';
  } catch (e) {
    console.error(`${page}: ${e.message}`);
  }
  if (!body) {
    empty++;
  }
  fs.writeFileSync(path.join(out, page + '.txt'), body);
}
console.log(`${lines.length - 1} pages, ${empty} without an article, texts in ${out}`);
