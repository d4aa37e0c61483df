// @vitest-environment happy-dom
import { fireEvent, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { profileImagePath } from '../../shared/api/routes';
import type { KioskConfig } from '../../shared/api/schemas';
import { renderInSession, startScreenSession } from '../../tests/unit/kiosk/session-render';
import { Attract } from './Attract';

const POSTER = 'a'.repeat(64);
const LOGO = 'b'.repeat(64);
const BOOK_DAY = { text: { 'zh-CN': '4月23日世界读书日', en: 'World Book Day, 23 April' }, image: POSTER };
const HOURS = { text: { 'zh-CN': '开馆时间 9:00–17:00', en: '' }, image: null };

function attract(config: Partial<KioskConfig>, language: 'zh-CN' | 'en' = 'en') {
  const session = startScreenSession({ config, language });
  renderInSession(session, <Attract />);
  return session;
}

describe('the attract screen', () => {
  it('shows a slide’s picture, read out by the slide’s text, and the logo', () => {
    attract({ slides: [BOOK_DAY, HOURS], logo: LOGO });
    const picture = screen.getByRole('img', { name: 'World Book Day, 23 April' });
    expect(picture.getAttribute('src')).toBe(profileImagePath(POSTER));
    // A slide without text in the patron's language is left out.
    expect(screen.queryByText(/9:00/)).toBeNull();
    const logo = document.querySelector('img.attract-logo');
    expect(logo?.getAttribute('src')).toBe(profileImagePath(LOGO));
    // The library's name is in the header: the logo is decoration beside it.
    expect(logo?.getAttribute('alt')).toBe('');
  });

  it('shows each language’s text and the same picture', () => {
    attract({ slides: [BOOK_DAY, HOURS] }, 'zh-CN');
    expect(screen.getByRole('img', { name: '4月23日世界读书日' })).toBeTruthy();
    expect(screen.getByText('开馆时间 9:00–17:00')).toBeTruthy();
    expect(document.querySelector('img.attract-logo')).toBeNull();
  });

  it('draws many pictures smaller, and hides one that cannot be fetched', () => {
    attract({ slides: [BOOK_DAY, { ...BOOK_DAY, image: 'c'.repeat(64) }, { ...BOOK_DAY, image: 'd'.repeat(64) }] });
    expect(document.querySelector('.attract-slides')?.classList.contains('many-pictures')).toBe(true);
    const [first] = screen.getAllByRole('img');
    fireEvent.error(first!);
    expect(first!.hidden).toBe(true);
  });

  it('takes a config saved before pictures existed', () => {
    const old = { slides: [{ text: BOOK_DAY.text }] } as unknown as Partial<KioskConfig>;
    attract({ ...old, logo: undefined as unknown as null });
    expect(screen.getByText('World Book Day, 23 April')).toBeTruthy();
    expect(screen.queryAllByRole('img')).toEqual([]);
  });
});
