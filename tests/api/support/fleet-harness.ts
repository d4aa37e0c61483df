/** An admin and a librarian signed in on a test hub, and the fleet calls the fleet API tests make. */
import { afterEach, beforeEach } from 'vitest';
import { API, staffKioskRevokePath } from '../../../shared/api/routes';
import { IssuedPairingCode, PairAnswer, type Heartbeat } from '../../../shared/api/fleet-schemas';
import { ADMIN_PASSWORD, LIBRARIAN_PASSWORD, staffHarness } from './staff-harness';
import { createTestHub, type TestHub } from './test-hub';

/** A kiosk on another machine of the library's LAN. */
export const LAN_ADDRESS = '192.168.1.40';

export const HEARTBEAT: Heartbeat = {
  version: '0.9.0',
  state: 'attract',
  camera: { present: true, labels: ['USB Camera (046d:0825)'] },
  storagePersisted: true,
  outboxDepth: 0,
  errors: [],
  errorsDropped: 0,
};

export async function fleetHarness(hub: TestHub) {
  const staff = staffHarness(hub);
  await staff.addAccount('admin', ADMIN_PASSWORD, 'admin');
  await staff.addAccount('zhao', LIBRARIAN_PASSWORD, 'librarian');
  const adminToken = (await staff.signIn('admin', ADMIN_PASSWORD)).token;
  const librarianToken = (await staff.signIn('zhao', LIBRARIAN_PASSWORD)).token;
  const asAdmin = (method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: object) => staff.asStaff(adminToken, method, url, body);

  async function addKiosk(name = '少儿阅览室', profileId = 1): Promise<IssuedPairingCode> {
    const response = await asAdmin('POST', API.staffKiosks, { name, location: '二楼', profileId });
    if (response.statusCode !== 201) throw new Error(`add kiosk: ${response.statusCode} ${response.body}`);
    return IssuedPairingCode.parse(response.json());
  }

  const pair = (code: string, remoteAddress = LAN_ADDRESS) => hub.call('POST', API.kioskPair, { kioskToken: null, body: { code }, remoteAddress });

  async function pairedKiosk(name?: string, profileId?: number): Promise<{ kioskId: string; token: string }> {
    const { kioskId, code } = await addKiosk(name, profileId);
    const response = await pair(code);
    if (response.statusCode !== 200) throw new Error(`pair: ${response.statusCode} ${response.body}`);
    return { kioskId, token: PairAnswer.parse(response.json()).token };
  }

  return {
    staff,
    adminToken,
    librarianToken,
    asAdmin,
    addKiosk,
    pair,
    pairedKiosk,
    revoke: (kioskId: string) => asAdmin('POST', staffKioskRevokePath(kioskId)),
    heartbeat: (token: string, body: object = HEARTBEAT) => hub.call('POST', API.kioskHeartbeat, { kioskToken: token, body }),
  };
}

export type FleetHarness = Awaited<ReturnType<typeof fleetHarness>>;

/** The running test's hub and harness (live bindings: each test gets new ones from `freshFleetHubEachTest`). */
export let hub: TestHub;
export let fleet: FleetHarness;

/** Called once at the top of a test file: before each test a new test hub with its fleet harness, closed after it. */
export function freshFleetHubEachTest(): void {
  beforeEach(async () => {
    hub = await createTestHub();
    fleet = await fleetHarness(hub);
  });
  afterEach(() => hub.close());
}
