import { useEffect, useRef } from 'preact/hooks';
import type { SessionSnapshot } from '../../session/screen';
import type { CameraTag } from '../../session/session-setup';
import { useSend, useSession, useT } from '../../session/use-session';
import { Button } from '../../ui/Button';
import { CameraIcon } from '../../ui/icons';
import type { CameraPreview } from './camera-types';

const PHASES: CameraTag[] = ['camera.off', 'camera.on', 'camera.failed'];
const phaseOf = (snapshot: SessionSnapshot) => PHASES.find((tag) => snapshot.hasTag(tag)) ?? null;

/** The camera beside a scanning screen: the offer to use it, the live preview, or why it cannot run. */
export function CameraPanel({ guide }: { guide: 'card' | 'item' }) {
  const t = useT();
  const send = useSend();
  const phase = useSession(phaseOf);
  const camera = useSession((snapshot) => snapshot.context.camera);

  if (phase === 'camera.off') {
    return (
      <div class="camera-panel">
        <Button size="large" onClick={() => send({ type: 'camera.requested' })}>
          <CameraIcon />
          {t('camera.use')}
        </Button>
      </div>
    );
  }
  if (phase === 'camera.failed') {
    return (
      <div class="camera-panel">
        <p class="notice notice-refusal" role="alert" data-testid="camera-failure">
          {camera.failure && t(`camera.failure.${camera.failure}`)}
        </p>
        <Button onClick={() => send({ type: 'camera.requested' })}>{t('camera.retry')}</Button>
      </div>
    );
  }
  if (phase === null) return null;
  return (
    <div class="camera-panel">
      <figure class="camera-view" data-testid="camera-view" data-reads={camera.reads}>
        <div class="camera-frame">
          {camera.preview ? <Preview preview={camera.preview} label={t('camera.preview')} /> : <p class="camera-starting">{t('camera.starting')}</p>}
          <div class="camera-guide" aria-hidden="true" />
          {camera.reads > 0 && <div key={camera.reads} class="camera-flash" aria-hidden="true" />}
        </div>
        <figcaption>{t(guide === 'card' ? 'camera.guide.card' : 'camera.guide.item')}</figcaption>
      </figure>
      <Button onClick={() => send({ type: 'camera.dismissed' })}>{t('camera.stop')}</Button>
    </div>
  );
}

function Preview({ preview, label }: { preview: CameraPreview; label: string }) {
  const video = useRef<HTMLVideoElement>(null);
  useEffect(() => {
    const element = video.current;
    if (element === null) return;
    element.srcObject = preview.stream;
    return () => {
      element.srcObject = null;
    };
  }, [preview.stream]);
  return <video ref={video} class={preview.mirrored ? 'camera-video mirrored' : 'camera-video'} aria-label={label} autoPlay muted playsInline />;
}
