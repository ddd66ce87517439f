import MarkdownIt from 'markdown-it';
import { micromark } from 'micromark';
import { gfmHtml, gfm as gfmSyntax } from 'micromark-extension-gfm';
import { describe, expect, it } from 'vitest';
import { exportLabels } from '../../components/history/DataPanel';
import {
  buildExportJson,
  type CsvLabels,
  checkInsCsv,
  csvCell,
  journalMarkdown,
  localIsoDateTime,
} from '../../core/data/export';
import type { Snapshot } from '../../core/data/export-format';
import { parseImportFile } from '../../core/data/import';
import { type CheckIn, DEFAULT_SETTINGS } from '../../core/schema';
import {
  applyImport,
  type DataAccess,
  deleteEverything,
  exportFile,
  storeAccess,
  takeSnapshot,
} from '../../platform/data-transfer';
import { mergeCheckIns } from '../../platform/history/store';
import { addTrustedPerson, updateSettings } from '../../platform/storage';

const at = (day: number, hour: number, minute = 0) => new Date(2024, 4, day, hour, minute).getTime();

const entries: CheckIn[] = [
  { id: 'a', at: at(1, 9), feeling: 'calm', outletId: 'walk-street', outcome: 'done', helped: 'yes' },
  {
    id: 'b',
    at: at(1, 15, 30),
    feeling: 'sad',
    outletId: null,
    outcome: 'skipped',
    journal: 'Rain, "again", all day',
  },
  {
    id: 'c',
    at: at(2, 8),
    feeling: 'angry',
    outletId: 'big-sigh',
    outcome: 'done',
    journal: '=HYPERLINK("x")',
  },
];

const labels: CsvLabels = {
  header: {
    at: 'When',
    feeling: 'Feeling',
    strength: 'Strength',
    stepAway: 'Free to step away',
    alone: 'Alone',
    minutes: 'Minutes',
    outlet: 'Outlet',
    outcome: 'Outcome',
    helped: 'Helped',
    after: 'After',
    afterAt: 'After at',
    journal: 'Journal',
  },
  feeling: (id) => id.toUpperCase(),
  outlet: (id) => id ?? '',
  outcome: (outcome) => outcome,
  helped: (helped) => helped ?? '',
  after: (after) => after ?? '',
  yesNo: (yes) => (yes ? 'yes' : 'no'),
};

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=1+1', "'=1+1"],
    ['+44 20', "'+44 20"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', `"'\tcmd"`],
    ['\r=1', `"'\r=1"`],
    ['=cmd|" /C calc"!A0', `"'=cmd|"" /C calc""!A0"`],
    ['a=1', 'a=1'],
  ])('writes %j as %s', (text, cell) => {
    expect(csvCell(text)).toBe(cell);
  });
});

/**
 * How a spreadsheet reads one CSV line when it splits on `separator`: quotes honoured (RFC 4180) or,
 * as some importers do, not at all. Returns the cells it would make.
 */
function splitAs(line: string, separator: string, quotes: boolean): string[] {
  if (!quotes) return line.split(separator);
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === separator) {
      cells.push(cell);
      cell = '';
    } else cell += char;
  }
  return [...cells, cell];
}

// Issue 15: LibreOffice splitting on `;` showed the journal line `ok;=1+1` as a live formula (2).
describe('csvCell, whatever the spreadsheet splits on', () => {
  const SEPARATORS = [',', ';', '\t'];
  const STARTS = ['=', '+', '-', '@', '\t', '\r'];
  const cases = SEPARATORS.flatMap((inside) =>
    STARTS.map((start) => [JSON.stringify(inside), JSON.stringify(start), `ok${inside}${start}1+1`] as const),
  );
  it.each(cases)('a line with %s then %s starts no formula in any cell', (_inside, _start, text) => {
    const row = [csvCell('before'), csvCell(text), csvCell('after')].join(',');
    for (const separator of SEPARATORS)
      for (const quotes of [true, false]) {
        const cells = splitAs(row, separator, quotes);
        for (const cell of cells)
          expect([separator, quotes, cell]).not.toEqual([
            separator,
            quotes,
            expect.stringMatching(/^[=+\-@\t\r]/),
          ]);
      }
  });

  it.each([';', '\t'])(
    'quotes a cell holding %j, so a spreadsheet splitting on it keeps the cell whole',
    (inside) => {
      const cell = csvCell(`a${inside}b`);
      expect(cell).toBe(`"a${inside}b"`);
      expect(splitAs(`x,${cell},y`, inside, true)).toEqual([`x,a${inside}b,y`]);
    },
  );

  it('keeps ordinary text as it was typed', () => {
    expect(csvCell('tired; then calm, then fine')).toBe('"tired; then calm, then fine"');
    expect(csvCell('a - b = c')).toBe('a - b = c');
  });
});

describe('checkInsCsv', () => {
  it('writes a header and one row per check-in, oldest first, lines ending in CRLF', () => {
    const csv = checkInsCsv([entries[2], entries[0], entries[1]] as CheckIn[], labels);
    const rows = csv.split('\r\n');
    expect(rows).toEqual([
      'When,Feeling,Strength,Free to step away,Alone,Minutes,Outlet,Outcome,Helped,After,After at,Journal',
      `${localIsoDateTime(at(1, 9))},CALM,,,,,walk-street,done,yes,,,`,
      `${localIsoDateTime(at(1, 15, 30))},SAD,,,,,,skipped,,,,"Rain, ""again"", all day"`,
      `${localIsoDateTime(at(2, 8))},ANGRY,,,,,big-sigh,done,,,,"'=HYPERLINK(""x"")"`,
      '',
    ]);
  });

  // Issue 16: the CSV had no column for how strong the feeling was, nor for where the person was.
  it('says how strong the feeling was and where the person was, when they said', () => {
    const said: CheckIn = {
      id: 's',
      at: at(3, 10),
      feeling: 'stressed',
      outletId: 'walk-street',
      outcome: 'done',
      intensity: 4,
      context: { canStepAway: false, alone: true, minutes: 15 },
      helped: 'a-bit',
    };
    const [header, row] = checkInsCsv([said], labels).split('\r\n');
    const cells = Object.fromEntries(
      (header ?? '').split(',').map((name, i) => [name, (row ?? '').split(',')[i]] as const),
    );
    expect(cells).toEqual({
      When: localIsoDateTime(at(3, 10)),
      Feeling: 'STRESSED',
      Strength: '4',
      'Free to step away': 'no',
      Alone: 'yes',
      Minutes: '15',
      Outlet: 'walk-street',
      Outcome: 'done',
      Helped: 'a-bit',
      After: '',
      'After at': '',
      Journal: '',
    });
  });

  it('keeps the formula guard on every column, the headers and answers included', () => {
    const hostile = (text: string) => () => text;
    const sneaky: CsvLabels = {
      header: {
        at: '=1+1',
        feeling: '+1',
        strength: '-1',
        stepAway: '@A1',
        alone: 'a;=1',
        minutes: 'a\t=1',
        outlet: 'a,+1',
        outcome: '=2',
        helped: '=3',
        after: '=5',
        afterAt: '-6',
        journal: '=4',
      },
      feeling: hostile('=feel'),
      outlet: hostile('+out'),
      outcome: hostile('-done'),
      helped: hostile('@yes'),
      after: hostile('+lighter'),
      yesNo: (yes) => (yes ? '=yes' : ';=no'),
    };
    const csv = checkInsCsv(
      [
        {
          id: 'x',
          at: at(3, 10),
          feeling: 'calm',
          outletId: 'walk-street',
          outcome: 'done',
          intensity: 2,
          context: { canStepAway: true, alone: false, minutes: 2 },
          helped: 'no',
          after: 'heavier',
          afterAt: at(3, 10, 20),
          journal: 'ok\t-1',
        },
      ],
      sneaky,
    );
    for (const line of csv.split('\r\n').filter(Boolean))
      for (const separator of [',', ';', '\t'])
        for (const quotes of [true, false])
          for (const cell of splitAs(line, separator, quotes))
            expect([separator, quotes, cell]).not.toEqual([
              separator,
              quotes,
              expect.stringMatching(/^[=+\-@\t\r]/),
            ]);
  });

  it('writes times a spreadsheet reads back to the same moment', () => {
    const moment = at(3, 23, 59);
    expect(localIsoDateTime(moment)).toMatch(/^2024-05-03T23:59:00[+-]\d\d:\d\d$/);
    expect(Date.parse(localIsoDateTime(moment))).toBe(moment);
  });

  it('writes a check-in’s time by the clock it was written on, still the same moment', () => {
    const moment = Date.UTC(2024, 4, 3, 22, 30);
    // Written in UTC+14 (Kiritimati): 12:30 the next day there.
    expect(localIsoDateTime(moment, 14 * 60)).toBe('2024-05-04T12:30:00+14:00');
    expect(localIsoDateTime(moment, -11 * 60)).toBe('2024-05-03T11:30:00-11:00');
    expect(Date.parse(localIsoDateTime(moment, -11 * 60))).toBe(moment);
  });
});

describe('journalMarkdown', () => {
  const journal = {
    title: 'My journal',
    feeling: (id: string) => id,
    time: (entry: { at: number; offset?: number }) => localIsoDateTime(entry.at, entry.offset).slice(11, 16),
    after: (after: CheckIn['after']) => (after ? `felt ${after} after` : ''),
  };

  it('groups the lines by local day under ## headings and leaves out check-ins without one', () => {
    const text = journalMarkdown(entries, journal);
    expect(text).toBe(
      [
        '# My journal',
        '',
        '## 2024-05-01',
        '',
        '- 15:30 · sad: Rain, "again", all day',
        '',
        '## 2024-05-02',
        '',
        '- 08:00 · angry: =HYPERLINK("x")',
        '',
      ].join('\n'),
    );
  });

  it('writes markup in a line as text: no tags, no headings, no links', () => {
    const hostile: CheckIn = {
      id: 'h',
      at: at(4, 12),
      feeling: 'sad',
      outletId: null,
      outcome: 'done',
      journal: '<script>alert(1)</script>\n# Heading\n[link](javascript:x) &amp; *bold*',
    };
    const text = journalMarkdown([hostile], journal);
    const start = text.split('\n').findIndex((l) => l.startsWith('- 12:00'));
    expect(text.split('\n').slice(start, start + 3)).toEqual([
      '- 12:00 · sad: \\<script\\>alert(1)\\</script\\>\\',
      '  \\# Heading\\',
      '  \\[link\\](javascript:x) \\&amp; \\*bold\\*',
    ]);
    expect(text.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# My journal', '## 2024-05-04']);
  });
  // Issue 16: a list or a page of the journal came out as one line.
  it('keeps the lines of a list or a page as lines, under the entry', () => {
    const page: CheckIn = {
      id: 'p',
      at: at(4, 12),
      feeling: 'tired',
      outletId: 'journal-page',
      outcome: 'done',
      journal: 'Slept badly.\nCoffee helped a little.\r\nWalked to the shop.',
    };
    const text = journalMarkdown([page], journal);
    expect(text.split('\n')).toEqual([
      '# My journal',
      '',
      '## 2024-05-04',
      '',
      '- 12:00 · tired: Slept badly.\\',
      '  Coffee helped a little.\\',
      '  Walked to the shop.',
      '',
    ]);
  });

  it('keeps a blank line between paragraphs of a page, and leaves out the blank lines around them', () => {
    const page: CheckIn = {
      id: 'p',
      at: at(4, 12),
      feeling: 'calm',
      outletId: 'journal-page',
      outcome: 'done',
      journal: '\n  First.\n\n\n   Second, after a gap.  \nThird.\n\n',
    };
    const text = journalMarkdown([page], journal);
    expect(text.split('\n').slice(4)).toEqual([
      '- 12:00 · calm: First.',
      '',
      '  Second, after a gap.\\',
      '  Third.',
      '',
    ]);
  });

  // Issue 16: entries carry the local day they were written on; the export grouped them by the day
  // of their time in the zone of the device now, so a traveller's line moved to another day.
  it('lists a line under the day it was written on, at the time its clock showed then', () => {
    const moment = Date.UTC(2024, 4, 3, 22, 30);
    const written: CheckIn[] = [
      // Written in Kiritimati (UTC+14): 12:30 on 4 May there.
      {
        id: 'k',
        at: moment,
        day: '2024-05-04',
        offset: 14 * 60,
        feeling: 'calm',
        outletId: null,
        outcome: 'done',
        journal: 'East',
      },
      // Written an hour later in Pago Pago (UTC−11): 12:30 on 3 May there.
      {
        id: 'p',
        at: moment + 3_600_000,
        day: '2024-05-03',
        offset: -11 * 60,
        feeling: 'sad',
        outletId: null,
        outcome: 'done',
        journal: 'West',
      },
    ];
    expect(journalMarkdown(written, journal)).toBe(
      [
        '# My journal',
        '',
        '## 2024-05-03',
        '',
        '- 12:30 · sad: West',
        '',
        '## 2024-05-04',
        '',
        '- 12:30 · calm: East',
        '',
      ].join('\n'),
    );
  });
});

// Issue 15: plain addresses in a journal line became links under GitHub-style renderers.
describe('journalMarkdown under real renderers', () => {
  const journal = { title: 'My journal', feeling: (id: string) => id, time: () => '12:00', after: () => '' };
  const line = (text: string): CheckIn => ({
    id: 'u',
    at: at(4, 12),
    feeling: 'calm',
    outletId: null,
    outcome: 'done',
    journal: text,
  });
  const gfm = (markdown: string) =>
    micromark(markdown, { extensions: [gfmSyntax()], htmlExtensions: [gfmHtml()] });
  const markdownIt = new MarkdownIt({ linkify: true });
  // Fuzzy links ("example.com" with no scheme) are markdown-it's own extra, not CommonMark or GFM.
  markdownIt.linkify.set({ fuzzyLink: false });
  const RENDERERS = [
    ['CommonMark', (markdown: string) => micromark(markdown)],
    ['GFM', gfm],
    ['markdown-it with linkify', (markdown: string) => markdownIt.render(markdown)],
  ] as const;
  const TEXTS = [
    'see https://example.org/a?b=c#d today',
    'HTTP://EXAMPLE.ORG',
    'ftp://files.example.org',
    'www.example.org and WWW.EXAMPLE.ORG',
    '(www.example.org)',
    'mail me@example.org or mailto:me@example.org',
    'xmpp:me@example.org',
    'first.last+tag@sub.example.co.uk',
    '<https://example.org> and <me@example.org>',
  ];

  it.each(RENDERERS.flatMap(([name, render]) => TEXTS.map((text) => [name, text, render] as const)))(
    '%s: %j stays plain text, exactly as typed',
    (_name, text, render) => {
      const html = render(journalMarkdown([line(text)], journal));
      expect(html).not.toContain('<a');
      const item = /<li>(.*)<\/li>/s.exec(html)?.[1] ?? '';
      const shown = item.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      expect(shown).toBe(`12:00 · calm: ${text}`);
    },
  );
});

// Issue 16: a page's lines are lines under every renderer, and no line of it can start markup.
describe('journalMarkdown: a page of lines under real renderers', () => {
  const journal = { title: 'My journal', feeling: (id: string) => id, time: () => '12:00', after: () => '' };
  const page = (text: string): CheckIn => ({
    id: 'u',
    at: at(4, 12),
    feeling: 'calm',
    outletId: 'journal-page',
    outcome: 'done',
    journal: text,
  });
  const markdownIt = new MarkdownIt({ linkify: true });
  markdownIt.linkify.set({ fuzzyLink: false });
  const RENDERERS = [
    ['CommonMark', (markdown: string) => micromark(markdown)],
    [
      'GFM',
      (markdown: string) => micromark(markdown, { extensions: [gfmSyntax()], htmlExtensions: [gfmHtml()] }),
    ],
    ['markdown-it with linkify', (markdown: string) => markdownIt.render(markdown)],
  ] as const;
  /** The item's text as a reader sees it: a hard break is a new line, a new paragraph a blank one. */
  const shownLines = (html: string) => {
    const item = /<li>(.*)<\/li>/s.exec(html)?.[1] ?? '';
    return item
      .replace(/<br\s*\/?>\n?/g, '\n')
      .replace(/<\/p>\s*<p>/g, '\n\n')
      .replace(/<\/?p>/g, '')
      .trim()
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
  };
  const PAGES = [
    'one\ntwo\nthree',
    'a list:\n- milk\n* bread\n+ eggs\n1. first\n2) second',
    'a heading?\n# not one\n## nor this\nTitle\n===\nOther\n---',
    '> not a quote\n```\nnot code\n```\n~~~\n<div>not html</div>\n<!-- nor a comment -->',
    '| a | b |\n|---|---|\n| 1 | 2 |',
    '***\n___\n- - -',
    'https://example.org\nwww.example.org\nme@example.org',
    'ends in a backslash\\\nnext',
    'para one\n\n    indented after a gap\n\n\tand a tab',
  ];
  it.each(RENDERERS.flatMap(([name, render]) => PAGES.map((text) => [name, text, render] as const)))(
    '%s: %j reads as its own lines, plain text',
    (_name, text, render) => {
      const html = render(journalMarkdown([page(text)], journal));
      // The file's title and the day's heading, then the list: nothing else.
      expect(html.match(/<h\d/g)).toEqual(['<h1', '<h2']);
      const list = html.slice(html.indexOf('<ul>'));
      for (const tag of ['<a', '<h', '<ol', '<pre', '<code', '<blockquote', '<table', '<hr', '<div', '<!--'])
        expect([tag, list.includes(tag)]).toEqual([tag, false]);
      // One list, of one item: no line of the page became an item of its own.
      expect(html.match(/<li>/g)).toHaveLength(1);
      const typed = text
        .split('\n')
        .map((line) => line.trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n');
      expect(shownLines(html)).toBe(`12:00 · calm: ${typed}`);
    },
  );
});

describe('exportLabels', () => {
  it('words feelings and outlets from the catalogue, and keeps a retired id as it is', () => {
    const { csv } = exportLabels();
    expect(csv.feeling('cant-tell')).toBe("I can't tell");
    expect(csv.feeling('retired-feeling')).toBe('retired-feeling');
    expect(csv.outlet(null)).toBe('');
    expect(csv.helped('a-bit')).toBe('A bit');
  });
});

describe('export, delete, import: the round trip', () => {
  async function seed() {
    await updateSettings({ intervalMinutes: 90, families: ['talking', 'body'], breakMinutes: 12 });
    await addTrustedPerson({ id: 'p1', name: 'Ana', phone: '+1 555 0100' }, 1);
    await addTrustedPerson({ id: 'p2', name: 'Sam', email: 'sam@example.org' }, 2);
    await mergeCheckIns(entries);
  }

  it('brings back exactly what was there, and a second import adds nothing', async () => {
    await seed();
    const before = await takeSnapshot();
    expect(before.checkIns).toHaveLength(3);
    expect(before.trustedPeople).toHaveLength(2);

    const file = await exportFile('json', exportLabels(), { now: at(5, 10) });
    expect(file.filename).toBe('outlet-2024-05-05.json');
    await deleteEverything();
    const emptied = await takeSnapshot();
    expect([emptied.checkIns, emptied.trustedPeople]).toEqual([[], []]);
    expect(emptied.preferences).toEqual(before.preferences);

    const parsed = parseImportFile(await file.blob.text());
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(await applyImport(parsed.data)).toEqual({
      checkIns: { added: 3, same: 0, differing: [] },
      people: { added: 2, kept: 0, full: 0 },
      setAside: { added: 0, same: 0 },
      unreadable: { added: 0, same: 0, full: 0 },
    });
    expect(await takeSnapshot()).toEqual(before);

    expect(await applyImport(parsed.data)).toEqual({
      checkIns: { added: 0, same: 3, differing: [] },
      people: { added: 0, kept: 2, full: 0 },
      setAside: { added: 0, same: 0 },
      unreadable: { added: 0, same: 0, full: 0 },
    });
    expect(await takeSnapshot()).toEqual(before);
  });

  it('writes a file that reads back in as the same data', () => {
    const { trustedPeople: _, ...preferences } = DEFAULT_SETTINGS;
    const snapshot: Snapshot = {
      preferences,
      trustedPeople: [{ id: 'p', name: 'Kim' }],
      checkIns: entries,
      setAside: [{ key: 'pref:hours', at: 5, value: { broken: true } }],
      unreadable: [{ id: 7 }],
    };
    const parsed = parseImportFile(buildExportJson(snapshot, 1000));
    expect(parsed).toEqual({
      ok: true,
      data: { format: 'outlet-export', version: 2, exportedAt: 1000, ...snapshot },
    });
  });

  it('sends a check-in the format could not carry with the unreadable ones, so the file still imports', async () => {
    const odd: CheckIn = { id: 'odd', at: 9e15, feeling: 'calm', outletId: null, outcome: 'done' };
    const access: DataAccess = {
      ...storeAccess,
      checkInsPage: undefined,
      allCheckIns: async () => ({ entries: [entries[0] as CheckIn, odd], unreadable: ['junk'] }),
    };
    const snapshot = await takeSnapshot(access);
    expect(snapshot.checkIns.map((entry) => entry.id)).toEqual(['a']);
    expect(snapshot.unreadable).toEqual(['junk', odd]);
    const file = await exportFile('json', exportLabels(), { access, now: 1 });
    expect(parseImportFile(await file.blob.text()).ok).toBe(true);
  });

  it('exports the journal and the check-ins with catalogue words', async () => {
    await mergeCheckIns(entries);
    const csv = await exportFile('csv', exportLabels(), { now: at(5, 10) });
    expect(csv.filename).toBe('outlet-check-ins-2024-05-05.csv');
    const csvText = await csv.blob.text();
    expect(
      csvText.startsWith(
        '\uFEFFDate and time,Feeling,Strength (1–5),Free to step away,Alone,Minutes I had,Outlet,Done or skipped,Did it help?,And after?,When I said,Journal\r\n',
      ),
    ).toBe(true);
    expect(csvText).toContain(',Calm,');
    const md = await exportFile('markdown', exportLabels(), { now: at(5, 10) });
    expect(md.filename).toBe('outlet-journal-2024-05-05.md');
    expect(await md.blob.text()).toContain('## 2024-05-02');
  });

  it('lists a traveller’s lines under the day each was written on, each day once, read in pieces', async () => {
    const moment = Date.UTC(2024, 4, 3, 22, 30);
    const line = (id: string, offsetHours: number, day: string, n: number): CheckIn => ({
      id,
      at: moment + n * 3_600_000,
      day,
      offset: offsetHours * 60,
      feeling: 'calm',
      outletId: null,
      outcome: 'done',
      journal: id,
    });
    // East of the date line, then west, then east again: the days go 4, 3, 4 in time order.
    await mergeCheckIns([
      line('eastA', 14, '2024-05-04', 0),
      line('west', -11, '2024-05-03', 1),
      line('eastB', 14, '2024-05-04', 2),
    ]);
    const md = await exportFile('markdown', exportLabels(), { now: at(5, 10), chunkSize: 1 });
    const text = await md.blob.text();
    expect(text.split('\n').filter((l) => l.startsWith('## ') || l.startsWith('- '))).toEqual([
      '## 2024-05-03',
      expect.stringMatching(/: west$/),
      '## 2024-05-04',
      expect.stringMatching(/: eastA$/),
      expect.stringMatching(/: eastB$/),
    ]);
  });
});
