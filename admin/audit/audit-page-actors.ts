/** The Audit log page machine's actor, backed by the hub. */
import { fromPromise } from 'xstate';
import type { StaffHubClient } from '../../shared/api/staff-hub-client';
import type { AuditReadInput } from './audit-page-machine';

export function auditPageActors(hub: StaffHubClient) {
  return {
    readAudit: fromPromise(({ input, signal }: { input: AuditReadInput; signal: AbortSignal }) => hub.auditLog(input.token, input.query, signal)),
  };
}
