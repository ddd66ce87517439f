import Papa from 'papaparse';
import { it } from 'vitest';
import { readCsv } from '../../../core/data/imports/csv';
it('p', () => {
  const lines = ['full_date,date,weekday,time,mood,activities,note_title,note'];
  for (let i = 0; i < 5000; i++) lines.push(['2025-03-04', 'March 3', 'Monday', '9:45 PM', 'good', 'work | friends', '', `"Row ${i}: a walk, then ""tea"".\nSlept."`].join(','));
  const text = lines.join('\n');
  for (let k = 0; k < 4; k++) {
    const t = performance.now();
    readCsv(text);
    const a = performance.now();
    Papa.parse(text, { skipEmptyLines: 'greedy' });
    const b = performance.now();
    process.stdout.write(`XX step ${Math.round(a - t)} plain ${Math.round(b - a)}\n`);
  }
});
