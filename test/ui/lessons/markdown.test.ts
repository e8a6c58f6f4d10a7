// The lesson renderer must never let lesson text inject markup: raw HTML is escaped, links go
// only to http(s), mailto and #anchors, images are off, and TeX is rendered with KaTeX's trust off.
import { describe, expect, it } from 'vitest';
import { renderLessonMarkdown } from '../../../src/ui/lessons/markdown.ts';

/** Tags KaTeX (HTML + MathML) and the Markdown a lesson uses may produce. */
const ALLOWED_TAGS = new Set(
  (
    'p h1 h2 h3 h4 h5 h6 em strong code pre ul ol li table thead tbody tr th td a span br hr blockquote s del ' +
    'math semantics annotation mrow mi mo mn ms mtext msup msub msubsup mfrac msqrt mroot mstyle mspace mpadded mphantom mover munder munderover mtable mtr mtd menclose svg path line'
  ).split(' '),
);

/** Every opening tag in the HTML with its attribute text. */
function tags(html: string): { name: string; attrs: string }[] {
  return [...html.matchAll(/<([a-zA-Z][\w-]*)([^>]*)>/g)].map((m) => ({ name: m[1].toLowerCase(), attrs: m[2] }));
}

function expectInert(html: string): void {
  for (const t of tags(html)) {
    expect(ALLOWED_TAGS.has(t.name), `<${t.name}> in ${html}`).toBe(true);
    expect(t.attrs, `event handler on <${t.name}>`).not.toMatch(/\son[a-z]+\s*=/i);
    const href = /\shref="([^"]*)"/.exec(t.attrs)?.[1];
    if (href !== undefined) expect(href).toMatch(/^(https?:\/\/|mailto:|#)/);
    expect(t.attrs).not.toMatch(/javascript:/i);
  }
}

describe('renderLessonMarkdown(text)', () => {
  it('escapes <script> and <img onerror> in text, in blocks and inline', () => {
    const html = renderLessonMarkdown('Hello <script>alert(1)</script> and <img src=x onerror="alert(2)">\n\n<script>\nalert(3)\n</script>\n\n<div onclick="x()">block</div>\n');
    expect(html).not.toMatch(/<script|<img|<div/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(2)&quot;&gt;');
    expectInert(html);
  });

  it('keeps only http(s), mailto and #anchor links, opening external ones safely; no images', () => {
    const html = renderLessonMarkdown(
      '[a](javascript:alert(1)) [b](JAVASCRIPT:alert(1)) [c](data:text/html,<script>x</script>) [d](vbscript:x) [e](../docs/fitting.md) ' +
        '[f](https://example.org/x) [g](#predict) <javascript:alert(1)> ![img](https://example.org/pixel.png)',
    );
    expectInert(html);
    expect(tags(html).filter((t) => t.name === 'a').map((t) => /href="([^"]*)"/.exec(t.attrs)![1])).toEqual(['https://example.org/x', '#predict', 'https://example.org/pixel.png']);
    expect(html).toContain('<a href="https://example.org/x" target="_blank" rel="noopener noreferrer">f</a>');
    expect(html).not.toContain('<img'); // ![img](url) is at most a link to the picture
  });

  it('renders $...$ and $$...$$ with KaTeX, and _ inside a formula is not emphasis', () => {
    const html = renderLessonMarkdown('Inline $W_q$ and $L_q$.\n\n$$L = \\lambda W$$\n');
    expect(html.match(/class="katex"/g)?.length).toBe(3);
    expect(html).toContain('class="katex-display"');
    expect(html).not.toContain('<em>');
    expect(html).not.toContain('katex-error');
    expectInert(html);
  });

  it('reads dollars as pandoc does: "$5 and $6" stays text', () => {
    const html = renderLessonMarkdown('It costs $5 and $6 a month; $ 7 $ neither.');
    expect(html).not.toContain('katex');
    expect(html).toContain('It costs $5 and $6 a month; $ 7 $ neither.');
  });

  it('renders TeX without trust: \\href, \\url and \\htmlClass give no link or class, HTML in TeX is escaped', () => {
    const html = renderLessonMarkdown('$\\href{javascript:alert(1)}{x}$ $\\url{javascript:alert(2)}$ $\\htmlClass{evil}{x}$ $\\text{<img src=x onerror=alert(3)>}$');
    expectInert(html);
    expect(html).not.toMatch(/href=|class="evil"|<img/);
  });

  it('renders Markdown tables with formulas in their cells', () => {
    const html = renderLessonMarkdown('| series | counts |\n|---|---|\n| $P(t)$ | produced |\n');
    expect(html).toMatch(/<td><span class="katex">/);
    expectInert(html);
  });
});
