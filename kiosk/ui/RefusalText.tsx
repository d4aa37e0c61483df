import type { Refusal } from '../session/session-types';
import { useT } from '../session/use-session';
import { IlsWordsText } from './IlsWordsText';

/** Why a row was refused: our reason, any block reasons, and the ILS's own words beside them. */
export function RefusalText({ refusal }: { refusal: Refusal }) {
  const t = useT();
  return (
    <div class="refusal">
      <p>{t(refusal.reason.key, refusal.reason.params)}</p>
      {refusal.blocks.length > 0 && (
        <ul>
          {refusal.blocks.map((block) => (
            <li key={block.key}>{t(block.key, block.params)}</li>
          ))}
        </ul>
      )}
      <IlsWordsText words={{ ...(refusal.screenMessage ? { screenMessage: refusal.screenMessage } : {}), printLines: refusal.printLines }} />
    </div>
  );
}
