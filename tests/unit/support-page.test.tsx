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

describe('SupportPage: how Outlet notices a heavy stretch', () => {
  it('states the rule of core/insights/support.ts in plain words', () => {
    render(<SupportPage />);
    const text = screen.getByRole('region', { name: 'How Outlet notices a heavy stretch' }).textContent ?? '';
    // The parts of the rule a person would want to check against their own check-ins.
    expect(text).toMatch(/last 14 days/);
    expect(text).toMatch(/“numb”/);
    expect(text).toMatch(/“I can't tell” counts half/);
    expect(text).toMatch(/never have to give one/);
    expect(text).toMatch(/Pleasant feelings never count/);
    expect(text).toMatch(/at least 4 different heavy days/);
    expect(text).toMatch(/stayed the same or got heavier/);
    expect(text).toMatch(/never a diagnosis/);
    expect(text).toMatch(/quiet for 14 days/);
    // The old rule's strength threshold is gone from the words too.
    expect(text).not.toMatch(/strength 4 or 5/);
  });
});
