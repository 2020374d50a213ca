/** The audit log: one entry for every write, with who, when, what, and the record before and after. */
export { recordAudit, listAudit, type AuditEntry } from './audit.service.ts';
export { auditRoutes } from './audit.routes.ts';
