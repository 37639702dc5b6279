// A small sequence-diagram renderer: a Flow becomes one self-contained SVG (no script, no fonts or files fetched).

import type { Flow } from './flows.js';

const WIDTH = 940;
/** Half the widest participant box: the boxes at both ends stay inside the drawing. */
const MARGIN = 130;
const HEAD = 46;
const LINE = 15;
const GAP = 14;
/** A generous width of one character of the 12 px sans-serif labels (wider fonts must still fit); long lines get a smaller font instead. */
const CHAR = 7.2;

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/** The SVG of one flow: participants on top, lifelines, an arrow per request and answer, notes across. */
export function renderSequenceSvg(flow: Flow): string {
  const n = flow.participants.length;
  const x = (i: number): number => MARGIN + (i * (WIDTH - 2 * MARGIN)) / Math.max(1, n - 1);
  const body: string[] = [];
  let y = HEAD + 24;
  for (const step of flow.steps) {
    if ('note' in step) {
      const height = step.note.length * LINE + 10;
      body.push(`<rect class="note" x="${MARGIN - 60}" y="${y}" width="${WIDTH - 2 * MARGIN + 120}" height="${height}" rx="3"/>`);
      step.note.forEach((line, i) => body.push(text(WIDTH / 2, y + 17 + i * LINE, line, 'middle', WIDTH - 2 * MARGIN + 100, 'note-text')));
      y += height + GAP;
      continue;
    }
    const from = x(step.from);
    const to = x(step.to);
    const span = Math.abs(to - from);
    step.lines.forEach((line, i) => body.push(text((from + to) / 2, y + 12 + i * LINE, line, 'middle', span - 10, 'label')));
    y += step.lines.length * LINE + 4;
    const tip = to > from ? to - 1 : to + 1;
    const head = to > from ? `${tip - 8},${y - 4} ${tip},${y} ${tip - 8},${y + 4}` : `${tip + 8},${y - 4} ${tip},${y} ${tip + 8},${y + 4}`;
    body.push(`<line class="${step.reply ? 'reply' : 'request'}" x1="${from}" y1="${y}" x2="${tip}" y2="${y}"/>`, `<polygon class="arrow" points="${head}"/>`);
    y += GAP + 6;
  }
  const height = y + 10;
  const heads = flow.participants.map((name, i) => {
    const w = Math.min(Math.max(120, name.length * CHAR + 20), 2 * MARGIN - 10);
    return `<rect class="participant" x="${x(i) - w / 2}" y="8" width="${w}" height="${HEAD - 16}" rx="4"/>${text(x(i), HEAD / 2 + 4, name, 'middle', w - 12, 'participant-text')}`;
  });
  const lifelines = flow.participants.map((_, i) => `<line class="lifeline" x1="${x(i)}" y1="${HEAD - 8}" x2="${x(i)}" y2="${height - 6}"/>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="sequence-diagram" data-provider="${escapeXml(flow.provider)}" role="img" aria-label="${escapeXml(flow.title)}" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}">`,
    `<title>${escapeXml(flow.title)}</title>`,
    '<style>',
    '.participant{fill:#eef3f8;stroke:#3b4151}.participant-text{font:600 13px sans-serif;fill:#3b4151}',
    '.lifeline{stroke:#9aa5b1;stroke-dasharray:4 4}.request{stroke:#3b4151;stroke-width:1.4}.reply{stroke:#3b4151;stroke-width:1.2;stroke-dasharray:6 4}',
    '.arrow{fill:#3b4151}.label{font:12px sans-serif;fill:#222}.note{fill:#fff8d6;stroke:#c9b458}.note-text{font:italic 12px sans-serif;fill:#4a4220}',
    '</style>',
    ...lifelines,
    ...heads,
    ...body,
    '</svg>',
  ].join('\n');
}

/** One line of text, shrunk to fit `width` when it would not at the usual size. */
function text(x: number, y: number, value: string, anchor: 'middle' | 'start', width: number, cls: string): string {
  const natural = value.length * CHAR;
  const fit = natural > width ? ` style="font-size:${Math.max(8, Math.floor((12 * width) / natural))}px"` : '';
  return `<text class="${cls}" x="${x}" y="${y}" text-anchor="${anchor}"${fit}>${escapeXml(value)}</text>`;
}

/** The flows section of the docs page: one figure per provider shown. */
export function renderFlowsHtml(flows: ReadonlyArray<Flow>): string {
  if (flows.length === 0) return '';
  const figures = flows.map((f) => `<figure id="flow-${escapeXml(f.provider)}"><figcaption>${escapeXml(f.title)}</figcaption>\n${renderSequenceSvg(f)}\n</figure>`);
  return `<details class="flows" id="flows"><summary>The four flows as sequence diagrams</summary>\n${figures.join('\n')}\n</details>`;
}
