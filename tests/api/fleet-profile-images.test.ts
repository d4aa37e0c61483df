/** Pictures for kiosk profiles: uploaded by admins, judged by content, re-encoded, served to kiosks for good. */
import { mkdtempSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Profile } from '../../shared/api/fleet-schemas';
import { PROFILE_IMAGE_MAX_BYTES, ProfileImageUploaded } from '../../shared/api/kiosk-slides';
import { API, KIOSK_TOKEN_HEADER, UPLOAD_NAME_HEADER, profileImagePath, staffProfilePath } from '../../shared/api/routes';
import { KioskConfig } from '../../shared/api/schemas';
import { fleetHarness } from './support/fleet-harness';
import { createTestHub, type TestHub } from './support/test-hub';

let hub: TestHub;
let fleet: Awaited<ReturnType<typeof fleetHarness>>;
let dataDir: string;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'profile-images-api-'));
  hub = await createTestHub({ config: { dataDir } });
  fleet = await fleetHarness(hub);
});
afterEach(async () => {
  await hub.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function upload(bytes: Buffer, { kind = 'slide', name = 'poster.jpg', token = fleet.adminToken as string | null, contentType = 'application/octet-stream' } = {}) {
  return hub.app.inject({
    method: 'POST',
    url: `${API.staffProfileImages}?kind=${kind}`,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': contentType, [UPLOAD_NAME_HEADER]: encodeURIComponent(name) },
    payload: bytes,
  });
}

const uploaded = async (bytes: Buffer, kind = 'slide') => {
  const response = await upload(bytes, { kind });
  expect(response.statusCode, response.body).toBe(201);
  return ProfileImageUploaded.parse(response.json());
};

/** A photo as a phone takes it: large, with the camera's EXIF (copyright, make) in it. */
const photo = (width = 3000, height = 2000) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 40, b: 40 } } })
    .jpeg()
    .withExif({ IFD0: { Copyright: 'Zhang San', Make: 'PhoneCam' } })
    .toBuffer();
const png = (width: number, height: number) => sharp({ create: { width, height, channels: 4, background: { r: 0, g: 80, b: 160, alpha: 1 } } }).png().toBuffer();
const code = (response: { json: () => unknown }) => (response.json() as { error: { code: string } }).error.code;
const imageFiles = () => readdirSync(join(dataDir, 'profile-images')).filter((name) => name.endsWith('.webp'));
const leftoverUploads = () => readdirSync(join(dataDir, 'uploads'));

describe('profile pictures', () => {
  it('are uploaded by admins only: not by librarians, kiosks or anyone without a session', async () => {
    const bytes = await png(40, 40);
    expect([(await upload(bytes, { token: null })).statusCode, code(await upload(bytes, { token: null }))]).toEqual([401, 'staff.signInRequired']);
    const asKiosk = await hub.app.inject({
      method: 'POST',
      url: `${API.staffProfileImages}?kind=logo`,
      headers: { [KIOSK_TOKEN_HEADER]: hub.kioskToken, 'content-type': 'application/octet-stream' },
      payload: bytes,
    });
    expect(asKiosk.statusCode).toBe(401);
    const asLibrarian = await upload(bytes, { token: fleet.librarianToken });
    expect([asLibrarian.statusCode, code(asLibrarian)]).toEqual([403, 'staff.forbidden']);
    expect((await upload(bytes)).statusCode).toBe(201);
  });

  it('are told by their content: a text file called .png, a GIF, an SVG and a broken PNG are refused', async () => {
    const gif = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } }).gif().toBuffer();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>');
    for (const [bytes, name] of [
      [Buffer.from('not a picture at all'), 'poster.png'],
      [gif, 'poster.gif'],
      [svg, 'logo.svg'],
    ] as const) {
      const response = await upload(bytes, { name, contentType: 'image/png' });
      expect([response.statusCode, code(response)], name).toEqual([415, 'profileImage.unsupportedType']);
    }
    const broken = (await png(200, 200)).subarray(0, 60);
    const response = await upload(broken, { name: 'broken.png' });
    expect([response.statusCode, code(response)]).toEqual([422, 'profileImage.unreadable']);
    expect(leftoverUploads()).toEqual([]);
  });

  it('refuse a file past the size limit and a small file of too many pixels, leaving nothing behind', async () => {
    const tooBig = Buffer.concat([await png(10, 10), Buffer.alloc(PROFILE_IMAGE_MAX_BYTES)]);
    const response = await upload(tooBig);
    expect([response.statusCode, code(response)]).toEqual([413, 'profileImage.tooLarge']);
    // 8000 × 6000 of one colour: a few kilobytes that would decode to 190 MB.
    const pixelBomb = await png(8000, 6000);
    expect(pixelBomb.length).toBeLessThan(PROFILE_IMAGE_MAX_BYTES);
    const bomb = await upload(pixelBomb);
    expect([bomb.statusCode, code(bomb)]).toEqual([413, 'profileImage.tooLarge']);
    expect(leftoverUploads()).toEqual([]);
  });

  it('are shrunk to their box, stripped of camera data, stored once and served public and immutable', async () => {
    const original = await photo();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const slide = await uploaded(original);
    expect(slide).toMatchObject({ width: 1600, height: 1067 });
    expect(await uploaded(original)).toEqual(slide);
    expect(imageFiles()).toEqual([`${slide.id}.webp`]);

    const served = await hub.app.inject({ method: 'GET', url: profileImagePath(slide.id) });
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('image/webp');
    expect(served.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const metadata = await sharp(served.rawPayload).metadata();
    expect(metadata).toMatchObject({ format: 'webp', width: 1600, height: 1067 });
    expect(metadata.exif).toBeUndefined();

    const logo = await uploaded(await png(2000, 500), 'logo');
    expect(logo).toMatchObject({ width: 800, height: 200 });
    // A small picture is not enlarged.
    expect(await uploaded(await png(300, 100), 'logo')).toMatchObject({ width: 300, height: 100 });
    expect(fleet.staff.auditRows()).toContainEqual({ username: 'admin', action: 'profile.imageUploaded', target: 'poster.jpg', address: '127.0.0.1' });

    for (const url of [profileImagePath('f'.repeat(64)), '/api/profile-images/x.webp', `/api/profile-images/${slide.id}.png`, '/api/profile-images/..%2Fhub.sqlite']) {
      expect((await hub.app.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    }
  });

  it('refuse a bad kind', async () => {
    const response = await upload(await png(10, 10), { kind: 'banner' });
    expect([response.statusCode, code(response)]).toEqual([400, 'request.invalid']);
  });

  it('reach the kiosks through the profile; a profile may name only pictures the hub holds, and a picture needs its slide’s text', async () => {
    const poster = await uploaded(await photo(1200, 800));
    const logo = await uploaded(await png(400, 100), 'logo');
    const slides = [{ text: { 'zh-CN': '4月23日世界读书日', en: 'World Book Day, 23 April' }, image: poster.id }];

    const unknown = await fleet.asAdmin('POST', API.staffProfiles, { name: '少儿', settings: { logo: 'f'.repeat(64), slides: [{ ...slides[0], image: 'e'.repeat(64) }] } });
    expect([unknown.statusCode, unknown.json()]).toEqual([
      400,
      { error: { code: 'profile.invalid', problems: [{ field: 'settings.logo', reason: 'imageUnknown' }, { field: 'settings.slides.0.image', reason: 'imageUnknown' }] } },
    ]);
    const textless = await fleet.asAdmin('POST', API.staffProfiles, { name: '少儿', settings: { slides: [{ text: { 'zh-CN': '读书日', en: '' }, image: poster.id }] } });
    expect((textless.json() as { error: { problems: unknown } }).error.problems).toEqual([{ field: 'settings.slides.0.text.en', reason: 'imageNeedsText' }]);
    const notAnId = await fleet.asAdmin('POST', API.staffProfiles, { name: '少儿', settings: { logo: '../hub.sqlite' } });
    expect((notAnId.json() as { error: { problems: unknown } }).error.problems).toEqual([{ field: 'settings.logo', reason: 'invalid' }]);

    const created = await fleet.asAdmin('POST', API.staffProfiles, { name: '少儿', settings: { logo: logo.id, slides } });
    expect(created.statusCode, created.body).toBe(201);
    const profile = Profile.parse(created.json());
    const { token } = await fleet.pairedKiosk('少儿机', profile.id);
    const config = KioskConfig.parse((await hub.call('GET', API.kioskConfig, { kioskToken: token })).json());
    expect(config).toMatchObject({ logo: logo.id, slides });
    // The kiosk's <img> needs no token.
    expect((await hub.app.inject({ method: 'GET', url: profileImagePath(config.slides[0]!.image!) })).statusCode).toBe(200);

    const edited = await fleet.asAdmin('PUT', staffProfilePath(profile.id), { name: '少儿', settings: { logo: null, slides: [] } });
    expect(Profile.parse(edited.json()).settings).toMatchObject({ logo: null, slides: [] });
  });

  it('no profile names are removed a day after their upload; named ones stay', async () => {
    const named = await uploaded(await png(100, 100), 'logo');
    await fleet.asAdmin('PUT', staffProfilePath(1), { name: '默认 / Default', settings: { logo: named.id } });
    const unnamed = await uploaded(await png(120, 100), 'logo');
    const dayAgo = new Date(Date.now() - 25 * 60 * 60 * 1000);
    for (const { id } of [named, unnamed]) utimesSync(join(dataDir, 'profile-images', `${id}.webp`), dayAgo, dayAgo);
    const fresh = await uploaded(await png(140, 100), 'logo');
    expect(imageFiles().sort()).toEqual([`${named.id}.webp`, `${fresh.id}.webp`].sort());
  });
});
