import { useT } from '../session/use-session';
import { PinPad } from './PinPad';

export function PinEntry() {
  const t = useT();
  return <PinPad title={t('pin.title')} />;
}
