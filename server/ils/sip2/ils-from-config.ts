/** The ILS the configuration names: the embedded one over the hub's database, or SIP2. */
import type { Database } from 'better-sqlite3';
import type { HubConfig } from '../../config';
import { EmbeddedIls } from '../embedded/embedded-ils';
import type { IlsPort } from '../ils-port';
import { Sip2Ils } from './sip2-ils';

export function ilsFromConfig(config: HubConfig, db: Database): IlsPort {
  return config.sip2 ? new Sip2Ils(config.sip2, { timeZone: config.timeZone }) : new EmbeddedIls(db);
}
