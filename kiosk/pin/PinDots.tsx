import { PIN_MIN_LENGTH } from '../../shared/circulation/pin-policy';
import { useT } from '../session/use-session';

/** The PIN as dots: filled for each digit typed, hollow up to the shortest PIN. */
export function PinDots({ length }: { length: number }) {
  const t = useT();
  const slots = Math.max(length, PIN_MIN_LENGTH);
  return (
    <p class="pin-dots" role="img" aria-label={t('pin.entered', { count: length })}>
      {Array.from({ length: slots }, (_, index) => (
        <span key={index} class={index < length ? 'dot dot-filled' : 'dot'} />
      ))}
    </p>
  );
}
