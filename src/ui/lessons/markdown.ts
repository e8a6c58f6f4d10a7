// A lesson's Markdown as HTML that is safe to insert: markdown-it with raw HTML off (every `<`
// in the text comes out as `&lt;`), no images, links only to http(s), mailto and #anchors, and
// TeX between $...$ / $$...$$ rendered by KaTeX with trust off (no \href, \url, \htmlClass...),
// its errors shown as escaped text. Pure string in, string out: tested in Node.
import katex from 'katex';
import 'katex/dist/katex.min.css';
import MarkdownIt, { type StateInline } from 'markdown-it';

/** Link targets a lesson may have; anything else stays plain text. */
const SAFE_LINK = /^(https?:\/\/|mailto:|#)/i;

const DOLLAR = 0x24;
const BACKSLASH = 0x5c;

function tex(source: string, displayMode: boolean): string {
  return katex.renderToString(source, {
    displayMode,
    throwOnError: false,
    trust: false,
    strict: 'ignore',
    // Bounds on what a formula may make the page do (a huge \rule, a macro that expands forever).
    maxSize: 20,
    maxExpand: 200,
  });
}

/**
 * `$...$` (inline) and `$$...$$` (display), read as pandoc does: the opening `$` is not followed
 * by a space, the closing one not preceded by a space nor followed by a digit, so "costs $5 and
 * $6" stays text. Taking the whole span as one token keeps `_` and `*` inside it from becoming
 * emphasis.
 */
function mathRule(state: StateInline, silent: boolean): boolean {
  const src = state.src;
  const start = state.pos;
  if (src.charCodeAt(start) !== DOLLAR) return false;
  const display = src.charCodeAt(start + 1) === DOLLAR;
  const open = display ? 2 : 1;
  const first = src[start + open];
  if (first === undefined || /\s/.test(first) || (!display && first === '$')) return false;
  for (let i = start + open; i < state.posMax; i++) {
    const c = src.charCodeAt(i);
    if (c === BACKSLASH) {
      i++; // \$ inside a formula is a dollar sign
      continue;
    }
    if (c !== DOLLAR) continue;
    if (display && src.charCodeAt(i + 1) !== DOLLAR) continue;
    if (!display && (/\s/.test(src[i - 1]) || /\d/.test(src[i + 1] ?? ''))) continue;
    if (!silent) {
      const token = state.push(display ? 'math_display' : 'math_inline', 'math', 0);
      token.content = src.slice(start + open, i);
      token.markup = display ? '$$' : '$';
    }
    state.pos = i + open;
    return true;
  }
  return false;
}

function makeRenderer(): MarkdownIt {
  const md = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
  md.disable(['image']);
  md.validateLink = (url: string) => SAFE_LINK.test(url.trim());
  md.inline.ruler.before('escape', 'math', mathRule);
  md.renderer.rules.math_inline = (tokens, idx) => tex(tokens[idx].content, false);
  md.renderer.rules.math_display = (tokens, idx) => tex(tokens[idx].content, true);
  md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
    const href = tokens[idx].attrGet('href') ?? '';
    if (!href.startsWith('#')) {
      tokens[idx].attrSet('target', '_blank');
      tokens[idx].attrSet('rel', 'noopener noreferrer');
    }
    return self.renderToken(tokens, idx, options);
  };
  return md;
}

let renderer: MarkdownIt | null = null;

/** The lesson text (Markdown with TeX) as HTML safe to assign to innerHTML. */
export function renderLessonMarkdown(text: string): string {
  renderer ??= makeRenderer();
  return renderer.render(text);
}
