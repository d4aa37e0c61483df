/** The fleet machine's I/O over the hub, and the last word of a page that is going away. */
import { fromPromise } from 'xstate';
import type { Heartbeat, HeartbeatAnswer } from '../../shared/api/fleet-schemas';
import type { KioskConfig } from '../../shared/api/schemas';
import type { HubClient } from '../../shared/api/hub-client';
import { API, KIOSK_TOKEN_HEADER } from '../../shared/api/routes';
import { heartbeatReport, type KioskProbes } from './heartbeat-report';

export function fleetLink(hub: Pick<HubClient, 'heartbeat' | 'kioskConfig'>, probes: KioskProbes, fetchImpl: typeof fetch = (input, init) => fetch(input, init)) {
  let lastReport: Heartbeat | null = null;
  return {
    actors: {
      sendHeartbeat: fromPromise<HeartbeatAnswer>(async ({ signal }) => {
        const report = await heartbeatReport(probes);
        lastReport = report;
        try {
          return await hub.heartbeat(report, signal);
        } catch (error) {
          // Not sent: the errors wait for the next heartbeat.
          probes.errors.restore(report);
          throw error;
        }
      }),
      fetchConfig: fromPromise<KioskConfig>(({ signal }) => hub.kioskConfig(signal)),
    },
    /**
     * On pagehide: a heartbeat saying `closed`, so the fleet page shows the kiosk offline at once
     * rather than 90 s later. Built without waiting (the page is going), sent with keepalive so it
     * outlives the page (sendBeacon cannot carry the token header).
     */
    sendClosingHeartbeat(token: string): void {
      if (lastReport === null) return;
      const report: Heartbeat = { ...lastReport, state: 'closed', ...probes.errors.take() };
      void fetchImpl(API.kioskHeartbeat, {
        method: 'POST',
        keepalive: true,
        headers: { 'content-type': 'application/json', [KIOSK_TOKEN_HEADER]: token },
        body: JSON.stringify(report),
      }).catch(() => undefined);
    },
  };
}
