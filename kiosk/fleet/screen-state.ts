/** What a heartbeat says the screen is doing: the kind of screen only, never who is at it. */
import type { KioskScreenState } from '../../shared/api/fleet-schemas';
import type { Screen } from '../session/screen';

export function screenStateOf(screen: Screen): KioskScreenState {
  if (screen === 'attract') return 'attract';
  if (screen === 'ebooks') return 'ebooks';
  return 'session';
}
