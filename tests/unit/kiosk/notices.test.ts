import { describe, expect, it } from 'vitest';
import { HubError } from '../../../shared/api/hub-client';
import { errorNotice, refusalNotice } from '../../../kiosk/session/notices';

describe('notices at the kiosk', () => {
  it('translate a refusal by its code, with the tries left or the minutes locked', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(refusalNotice('item.unknown', {}, now)).toEqual({ key: 'code.item.unknown' });
    expect(refusalNotice('pin.wrong', { attemptsLeft: 2 }, now)).toEqual({ key: 'code.pin.wrong', params: { attemptsLeft: 2 } });
    expect(refusalNotice('card.locked', { lockedUntil: '2026-11-26T10:14:01Z' }, now)).toEqual({ key: 'code.card.locked', params: { minutes: 15 } });
  });

  it('say a card locked for the day in hours', () => {
    const now = Date.parse('2026-11-26T10:00:00Z');
    expect(refusalNotice('card.locked', { lockedUntil: '2026-11-27T10:00:00Z' }, now)).toEqual({ key: 'code.card.lockedHours', params: { hours: 24 } });
  });

  it('never show a patron a staff-only answer or an error text', () => {
    expect(errorNotice(new HubError('ebook.zipBomb'), 0)).toEqual({ key: 'code.internal' });
    expect(errorNotice(new Error('SQLITE_BUSY: database is locked'), 0)).toEqual({ key: 'code.internal' });
  });
});
