import { cleanup, render, screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { SupportPage } from '../../components/pages/SupportPage';

afterEach(cleanup);

describe('SupportPage', () => {
  it('says why letting feelings out can be hard: upbringing, culture, flatness, the body', () => {
    render(<SupportPage />);
    const section = screen.getByRole('region', { name: 'Why it can be hard to let feelings out' });
    const reasons = within(section)
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(reasons).toHaveLength(4);
    expect(reasons[0]).toMatch(/grew up/);
    expect(reasons[1]).toMatch(/softness as weakness/);
    expect(reasons[2]).toMatch(/Depression can flatten/);
    expect(reasons[3]).toMatch(/Dry eyes, Sjögren's syndrome and some medicines/);
    // Kind, never a label: no "you have", no "disorder", no "symptom".
    expect(section.textContent).not.toMatch(/you have (depression|a )|disorder|symptom/i);
  });

  it('lists the four signs as whole, plain sentences', () => {
    render(<SupportPage />);
    const signs = within(screen.getByRole('region', { name: 'When talking to a professional may help' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent ?? '');
    expect(signs).toHaveLength(4);
    for (const sign of signs) expect(sign).toMatch(/^[A-Z][^,]*\S.*\.$/);
  });

  it('still says Outlet is not a medical device', () => {
    render(<SupportPage />);
    expect(screen.getByText(/not a medical device/)).toBeTruthy();
  });
});
