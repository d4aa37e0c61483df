/**
 * Errors at the kiosk since its last heartbeat, as the fleet page shows them: where each came from
 * and its class or the hub's refusal code, never its message (which could quote a card number).
 * At most MAX_HEARTBEAT_ERRORS are kept; the rest are only counted.
 */
import { MAX_HEARTBEAT_ERRORS, type KioskError } from '../../shared/api/fleet-schemas';

const NAME = /^[A-Za-z][A-Za-z0-9_.]{0,47}$/;

export class ErrorLog {
  private errors: KioskError[] = [];
  private dropped = 0;

  record(source: KioskError['source'], name: string): void {
    if (this.errors.length >= MAX_HEARTBEAT_ERRORS) {
      this.dropped += 1;
      return;
    }
    this.errors.push({ source, name: NAME.test(name) ? name : 'Error' });
  }

  /** An uncaught error or rejection: its class (TypeError), whatever was thrown. */
  recordThrown(source: 'uncaught' | 'rejection', thrown: unknown): void {
    this.record(source, thrown instanceof Error ? thrown.name : 'NonError');
  }

  /** What to send, and a fresh start (a heartbeat that fails puts them back with `restore`). */
  take(): { errors: KioskError[]; errorsDropped: number } {
    const taken = { errors: this.errors, errorsDropped: this.dropped };
    this.errors = [];
    this.dropped = 0;
    return taken;
  }

  restore({ errors, errorsDropped }: { errors: KioskError[]; errorsDropped: number }): void {
    for (const error of errors) this.record(error.source, error.name);
    this.dropped += errorsDropped;
  }
}
