/**
 * Kiosk profiles: named settings that one or more kiosks use (editing one changes all of them).
 * Settings are stored as JSON and read through ProfileSettings, so fields added later read as
 * their defaults. Profile 1 is every new kiosk's and cannot be deleted.
 */
import type { Database } from 'better-sqlite3';
import { ProfileSettings, type Profile, type ProfileInput } from '../../shared/api/fleet-schemas';
import type { Clock } from '../clock';
import { HttpError } from '../http/http-error';

export const DEFAULT_PROFILE_ID = 1;

interface ProfileRow {
  id: number;
  name: string;
  settings_json: string;
  kiosk_count: number;
}

export class KioskProfiles {
  private readonly sql;

  constructor(
    db: Database,
    private readonly now: Clock,
  ) {
    const select = `SELECT p.id, p.name, p.settings_json, (SELECT COUNT(*) FROM kiosks k WHERE k.profile_id = p.id) AS kiosk_count FROM kiosk_profiles p`;
    this.sql = {
      all: db.prepare(`${select} ORDER BY p.id`),
      byId: db.prepare(`${select} WHERE p.id = ?`),
      idByName: db.prepare('SELECT id FROM kiosk_profiles WHERE name = ?').pluck(),
      insert: db.prepare('INSERT INTO kiosk_profiles (name, settings_json, created_at, updated_at) VALUES (?, ?, ?, ?)'),
      update: db.prepare('UPDATE kiosk_profiles SET name = ?, settings_json = ?, updated_at = ? WHERE id = ?'),
      delete: db.prepare('DELETE FROM kiosk_profiles WHERE id = ?'),
    };
  }

  list(): Profile[] {
    return (this.sql.all.all() as ProfileRow[]).map(profileOf);
  }

  get(id: number): Profile | null {
    const row = this.sql.byId.get(id) as ProfileRow | undefined;
    return row ? profileOf(row) : null;
  }

  /** The settings of a kiosk's profile; the defaults should the profile be gone. */
  settings(id: number): ProfileSettings {
    return this.get(id)?.settings ?? ProfileSettings.parse({});
  }

  create(input: ProfileInput): Profile {
    this.refuseTakenName(input.name, null);
    const at = this.now().toISOString();
    const id = Number(this.sql.insert.run(input.name, JSON.stringify(input.settings), at, at).lastInsertRowid);
    return this.require(id);
  }

  update(id: number, input: ProfileInput): Profile {
    this.require(id);
    this.refuseTakenName(input.name, id);
    this.sql.update.run(input.name, JSON.stringify(input.settings), this.now().toISOString(), id);
    return this.require(id);
  }

  delete(id: number): Profile {
    const profile = this.require(id);
    if (id === DEFAULT_PROFILE_ID) throw new HttpError(409, 'profile.isDefault');
    if (profile.kioskCount > 0) throw new HttpError(409, 'profile.inUse');
    this.sql.delete.run(id);
    return profile;
  }

  require(id: number): Profile {
    const profile = this.get(id);
    if (!profile) throw new HttpError(404, 'profile.unknown');
    return profile;
  }

  private refuseTakenName(name: string, ownId: number | null): void {
    const holder = this.sql.idByName.get(name) as number | undefined;
    if (holder !== undefined && holder !== ownId) throw new HttpError(409, 'profile.nameTaken');
  }
}

function profileOf(row: ProfileRow): Profile {
  return { id: row.id, name: row.name, settings: storedSettings(row.settings_json), kioskCount: row.kiosk_count };
}

/**
 * Settings the hub stored passed the schema; only a kiosk's own settings moved into a profile by
 * the migration may not (a warning as long as its idle timeout): those kiosks get the defaults.
 */
function storedSettings(json: string): ProfileSettings {
  const parsed = ProfileSettings.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : ProfileSettings.parse({});
}
