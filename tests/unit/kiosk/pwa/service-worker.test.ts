/** The workbox-window side of the update bridge, with a fake Workbox. */
import { describe, expect, it, vi } from 'vitest';
import { SERVICE_WORKER_SCOPE, SERVICE_WORKER_URL, serviceWorkerLink } from '../../../../kiosk/pwa/service-worker';
import type { UpdateEvent } from '../../../../kiosk/pwa/update-machine';

type Listener = (event: { isUpdate?: boolean; isExternal?: boolean }) => void;

function fakeWorkbox() {
  const created: Array<{ url: string; options: RegistrationOptions }> = [];
  const listeners = new Map<string, Listener[]>();
  const workbox = {
    register: vi.fn(() => Promise.resolve(undefined)),
    update: vi.fn(() => Promise.resolve()),
    messageSkipWaiting: vi.fn(),
    addEventListener: (type: string, listener: Listener) => listeners.set(type, [...(listeners.get(type) ?? []), listener]),
    fire: (type: string, event: { isUpdate?: boolean; isExternal?: boolean } = {}) => listeners.get(type)?.forEach((listener) => listener(event)),
  };
  class Workbox {
    constructor(url: string, options: RegistrationOptions) {
      created.push({ url, options });
      return workbox as unknown as Workbox;
    }
  }
  const sent: UpdateEvent[] = [];
  // The fake stands in for workbox-window's class; its types are not needed here.
  const link = serviceWorkerLink((event) => sent.push(event), () => Promise.resolve({ Workbox } as never));
  return { workbox, created, sent, link };
}

describe('the service worker link', () => {
  it('registers the kiosk’s worker for /kiosk/ at the first check, and asks for an update after that', async () => {
    const { workbox, created, link } = fakeWorkbox();
    await link.checkForUpdate();
    expect(created).toEqual([{ url: SERVICE_WORKER_URL, options: { scope: SERVICE_WORKER_SCOPE } }]);
    expect(workbox.register).toHaveBeenCalledTimes(1);
    expect(workbox.update).not.toHaveBeenCalled();
    await link.checkForUpdate();
    expect(workbox.register).toHaveBeenCalledTimes(1);
    expect(workbox.update).toHaveBeenCalledTimes(1);
    expect(created).toHaveLength(1);
  });

  it('registers again at the next check when the first registration failed (the hub was down)', async () => {
    const { workbox, link } = fakeWorkbox();
    workbox.register.mockImplementationOnce(() => Promise.reject(new TypeError('Failed to register')));
    await expect(link.checkForUpdate()).rejects.toThrow(TypeError);
    await link.checkForUpdate();
    expect(workbox.register).toHaveBeenCalledTimes(2);
    expect(workbox.update).not.toHaveBeenCalled();
  });

  it('tells the machine a version is waiting, and when a newer one took control, but not when the first one did', async () => {
    const { workbox, sent, link } = fakeWorkbox();
    await link.checkForUpdate();
    workbox.fire('controlling', { isUpdate: false, isExternal: false });
    expect(sent).toEqual([]);
    workbox.fire('waiting');
    workbox.fire('controlling', { isUpdate: true, isExternal: true });
    workbox.fire('controlling', { isUpdate: false, isExternal: true });
    expect(sent).toEqual([{ type: 'update.waiting' }, { type: 'update.controlling' }, { type: 'update.controlling' }]);
  });

  it('asks the waiting version to skip waiting', async () => {
    const { workbox, link } = fakeWorkbox();
    link.activateUpdate();
    await vi.waitFor(() => expect(workbox.messageSkipWaiting).toHaveBeenCalledTimes(1));
  });
});
