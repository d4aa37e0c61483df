/**
 * The admin panel's Library system page (admins only): the ILS settings as the hub runs with them,
 * and what a Test connection found. Validated on both sides.
 */
import { z } from 'zod';
import { SIP2_ENCODINGS } from '../sip2/encoding';

export const IlsSettingsView = z.object({
  ils: z.enum(['embedded', 'sip2']),
  /** SIP2_* as the hub read them from its environment, which wins over the panel (so: read-only). Null with the embedded ILS. */
  sip2: z
    .object({
      host: z.string(),
      port: z.number().int(),
      tls: z.boolean(),
      user: z.string(),
      /** Whether a password is set; the password itself never leaves the hub. */
      passwordSet: z.boolean(),
      location: z.string(),
      institution: z.string(),
      encoding: z.enum(SIP2_ENCODINGS),
      terminator: z.enum(['cr', 'crlf']),
      timeoutMs: z.number().int(),
    })
    .nullable(),
});
export type IlsSettingsView = z.infer<typeof IlsSettingsView>;

/** A 93 login and a 99 status request: the 98 reply in words, or why there was none. */
export const IlsConnectionTest = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    online: z.boolean(),
    allows: z.object({ checkout: z.boolean(), checkin: z.boolean(), renewal: z.boolean(), offline: z.boolean() }),
    /** The ILS's name for itself (98 AM), as sent. */
    libraryName: z.string().nullable(),
  }),
  /** `reason` is the hub's technical account (refused login, timeout, address), shown as sent. */
  z.object({ ok: z.literal(false), reason: z.string() }),
]);
export type IlsConnectionTest = z.infer<typeof IlsConnectionTest>;
