/** How the hub reaches the library's SIP2 server (from SIP2_* in the environment, see server/config.ts). */
import type { Sip2Encoding, Sip2Terminator } from '../../../shared/sip2';

export interface Sip2Settings {
  host: string;
  port: number;
  tls: boolean;
  /** The SIP2 login (93 CN / CO): an account the ILS keeps for self-service stations. */
  user: string;
  password: string;
  /** CP in the login and AP in check-ins: the branch or station location code. */
  location: string;
  /** AO in every request. */
  institution: string;
  encoding: Sip2Encoding;
  terminator: Sip2Terminator;
  /** The longest any call to the ILS may take, connecting and logging in included. */
  timeoutMs: number;
}
