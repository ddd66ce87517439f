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
    outlet: 'Outlet',
    outcome: 'Outcome',
    helped: 'Helped',
    journal: 'Journal',
  },
  feeling: (id) => id.toUpperCase(),
  outlet: (id) => id ?? '',
  outcome: (outcome) => outcome,
  helped: (helped) => helped ?? '',
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
      'When,Feeling,Outlet,Outcome,Helped,Journal',
      `${localIsoDateTime(at(1, 9))},CALM,walk-street,done,yes,`,
      `${localIsoDateTime(at(1, 15, 30))},SAD,,skipped,,"Rain, ""again"", all day"`,
      `${localIsoDateTime(at(2, 8))},ANGRY,big-sigh,done,,"'=HYPERLINK(""x"")"`,
      '',
    ]);
  });

  it('writes times a spreadsheet reads back to the same moment', () => {
    const moment = at(3, 23, 59);
    expect(localIsoDateTime(moment)).toMatch(/^2024-05-03T23:59:00[+-]\d\d:\d\d$/);
    expect(Date.parse(localIsoDateTime(moment))).toBe(moment);
  });
});

describe('journalMarkdown', () => {
  const journal = {
    title: 'My journal',
    feeling: (id: string) => id,
    time: (t: number) => localIsoDateTime(t).slice(11, 16),
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
    const line = text.split('\n').find((l) => l.startsWith('- 12:00'));
    expect(line).toBe(
      '- 12:00 · sad: \\<script\\>alert(1)\\</script\\> \\# Heading \\[link\\](javascript:x) \\&amp; \\*bold\\*',
    );
    expect(text.split('\n').filter((l) => l.startsWith('#'))).toEqual(['# My journal', '## 2024-05-04']);
  });
});

// Issue 15: plain addresses in a journal line became links under GitHub-style renderers.
describe('journalMarkdown under real renderers', () => {
  const journal = { title: 'My journal', feeling: (id: string) => id, time: () => '12:00' };
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
      csvText.startsWith('\uFEFFDate and time,Feeling,Outlet,Done or skipped,Did it help?,Journal\r\n'),
    ).toBe(true);
    expect(csvText).toContain(',Calm,');
    const md = await exportFile('markdown', exportLabels(), { now: at(5, 10) });
    expect(md.filename).toBe('outlet-journal-2024-05-05.md');
    expect(await md.blob.text()).toContain('## 2024-05-02');
  });
});
