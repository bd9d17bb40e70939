import type { AuditEntry, BusinessHours, CodeKind, QueueRequest } from './api';

/**
 * The console's form rules, the same as the owners' (so most mistakes are shown before a request is sent; the owner
 * still decides): each check gives a field and an error key of `admin:error.*`, or the request to send.
 */
export type FieldErrors = Record<string, string>;
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/** Routing's ids (queues, agents, idle codes): a letter or digit, then letters, digits, `.`, `_` or `-`. */
const ROUTING_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Conversation's ids (wrap-up reasons, templates). */
const CONVERSATION_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const STRATEGIES = ['LONGEST_AVAILABLE_AGENT'];
export const ROLES = ['agent', 'supervisor', 'admin'];

export interface QueueForm {
  id: string;
  name: string;
  ronaTimeoutSeconds: string;
  maxWaitSeconds: string;
  strategy: string;
  /** Empty: routing's default (60 s); 0: no notice. */
  waitingNoticeSeconds: string;
  /** Empty: the widget's own words. */
  waitingNoticeText: string;
  /** Empty: the conversation service's defaults (240 s, then 60 s). Sent back on every save: the save replaces the queue. */
  inactivityWarningSeconds: string;
  inactivityGraceSeconds: string;
  /** Business hours; absent: the request says nothing of them (always open). */
  hours?: HoursForm;
}

export const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** The schedule as the form edits it: one range per weekday (both times empty: closed that day). */
export interface HoursForm {
  enabled: boolean;
  timeZone: string;
  days: Record<string, { opens: string; closes: string }>;
  /** Dates YYYY-MM-DD, separated by commas, spaces or new lines. */
  holidays: string;
}

const TIME = /^([01][0-9]|2[0-3]):[0-5][0-9]$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$/;

/** The form of a queue's business hours (none: disabled, Monday to Friday 09:00-17:00 offered). */
export function hoursForm(hours: BusinessHours | null | undefined): HoursForm {
  const days: HoursForm['days'] = {};
  DAYS.forEach((day, index) => {
    const range = hours ? hours.weekly.find((r) => r.day === day) : index < 5 ? { opens: '09:00', closes: '17:00' } : undefined;
    days[day] = { opens: range?.opens ?? '', closes: range?.closes ?? '' };
  });
  return { enabled: !!hours, timeZone: hours?.timeZone ?? 'Europe/Paris', days, holidays: (hours?.holidays ?? []).join(', ') };
}

/** The business hours to send, or the field errors (keys `timeZone`, `day-MONDAY`..., `holidays`). */
export function checkHours(form: HoursForm, errors: FieldErrors): BusinessHours | null {
  if (!form.enabled) return null;
  const timeZone = form.timeZone.trim();
  if (!timeZone) errors.timeZone = 'required';
  const weekly: BusinessHours['weekly'] = [];
  for (const day of DAYS) {
    const opens = form.days[day]?.opens.trim() ?? '';
    const closes = form.days[day]?.closes.trim() ?? '';
    if (!opens && !closes) continue;
    if (!TIME.test(opens) || !TIME.test(closes)) errors[`day-${day}`] = 'time';
    else weekly.push({ day, opens, closes });
  }
  const holidays = form.holidays.split(/[\s,]+/).filter(Boolean);
  if (holidays.some((date) => !DATE.test(date))) errors.holidays = 'holidays';
  return { timeZone, weekly, holidays };
}

export function checkQueue(form: QueueForm): Checked<{ id: string; request: QueueRequest }> {
  const errors: FieldErrors = {};
  const id = form.id.trim();
  if (!ROUTING_ID.test(id)) errors.id = 'id';
  const name = form.name.trim();
  if (!name) errors.name = 'required';
  else if (name.length > 200) errors.name = 'tooLong';
  const rona = wholeNumber(form.ronaTimeoutSeconds);
  if (rona === null || rona < 5 || rona > 600) errors.ronaTimeoutSeconds = 'rona';
  let maxWait: number | null = null;
  if (form.maxWaitSeconds.trim()) {
    maxWait = wholeNumber(form.maxWaitSeconds);
    if (maxWait === null || maxWait < 1 || maxWait > 86400) errors.maxWaitSeconds = 'maxWait';
  }
  if (!STRATEGIES.includes(form.strategy)) errors.strategy = 'required';
  let noticeSeconds: number | null = null;
  if (form.waitingNoticeSeconds.trim()) {
    noticeSeconds = wholeNumber(form.waitingNoticeSeconds);
    if (noticeSeconds === null || noticeSeconds < 0 || noticeSeconds > 86400) errors.waitingNoticeSeconds = 'waitingNotice';
  }
  const noticeText = form.waitingNoticeText.trim();
  if (noticeText.length > 500) errors.waitingNoticeText = 'tooLong';
  const warning = optionalSeconds(form.inactivityWarningSeconds, 1, 86400);
  if (warning === undefined) errors.inactivityWarningSeconds = 'inactivityWarning';
  const grace = optionalSeconds(form.inactivityGraceSeconds, 1, 3600);
  if (grace === undefined) errors.inactivityGraceSeconds = 'inactivityGrace';
  const businessHours = form.hours ? checkHours(form.hours, errors) : undefined;
  if (Object.keys(errors).length) return { ok: false, errors };
  const request: QueueRequest = {
    name,
    ronaTimeoutSeconds: rona!,
    maxWaitSeconds: maxWait,
    strategy: form.strategy,
    waitingNoticeSeconds: noticeSeconds,
    waitingNoticeText: noticeText || null,
    inactivityWarningSeconds: warning ?? null,
    inactivityGraceSeconds: grace ?? null,
  };
  if (businessHours !== undefined) request.businessHours = businessHours;
  return { ok: true, value: { id, request } };
}

/** Empty: null (the default); a whole number within [min, max]: it; anything else: undefined (an error). */
function optionalSeconds(text: string, min: number, max: number): number | null | undefined {
  if (!text.trim()) return null;
  const value = wholeNumber(text);
  return value === null || value < min || value > max ? undefined : value;
}

export interface AgentForm {
  id: string;
  displayName: string;
  queueIds: string[];
  capacity: string;
  roles: string[];
  password: string;
  disabled: boolean;
}

/** An agent (routing) and their account (gateway); the account needs its password whenever it is written. */
export function checkAgent(form: AgentForm): Checked<AgentForm & { capacityValue: number }> {
  const errors: FieldErrors = {};
  if (!ROUTING_ID.test(form.id.trim())) errors.id = 'id';
  if (!form.displayName.trim()) errors.displayName = 'required';
  else if (form.displayName.trim().length > 200) errors.displayName = 'tooLong';
  const capacity = wholeNumber(form.capacity);
  if (capacity === null || capacity < 1 || capacity > 10) errors.capacity = 'capacity';
  if (form.roles.length === 0 || form.roles.some((role) => !ROLES.includes(role))) errors.roles = 'roles';
  if (form.password.length < 8 || form.password.length > 200) errors.password = 'password';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    value: { ...form, id: form.id.trim(), displayName: form.displayName.trim(), capacityValue: capacity! },
  };
}

export function checkCode(kind: CodeKind, code: string, label: string): Checked<{ code: string; label: string }> {
  const errors: FieldErrors = {};
  const pattern = kind === 'idleCodes' ? ROUTING_ID : CONVERSATION_ID;
  if (!pattern.test(code.trim())) errors.code = kind === 'idleCodes' ? 'id' : 'code';
  const max = kind === 'idleCodes' ? 100 : 200;
  if (!label.trim()) errors.label = 'required';
  else if (label.trim().length > max) errors.label = 'tooLong';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { code: code.trim(), label: label.trim() } };
}

export function checkTemplate(id: string, name: string, body: string): Checked<{ id: string; name: string; body: string }> {
  const errors: FieldErrors = {};
  if (!CONVERSATION_ID.test(id.trim())) errors.id = 'code';
  if (!name.trim()) errors.name = 'required';
  else if (name.trim().length > 200) errors.name = 'tooLong';
  if (!body.trim()) errors.body = 'required';
  if (Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, value: { id: id.trim(), name: name.trim(), body } };
}

/** One line of an audit entry: what changed, from what to what (`on`/`off`). */
export interface AuditChange {
  what: string;
  before: boolean;
  after: boolean;
}

/** What one change of the masking policy changed: the categories, then each type switched on or off. */
export function auditChanges(entry: AuditEntry): AuditChange[] {
  const changes: AuditChange[] = [];
  if (entry.pciEnabledBefore !== entry.pciEnabled) changes.push({ what: 'PCI', before: entry.pciEnabledBefore, after: entry.pciEnabled });
  if (entry.piiEnabledBefore !== entry.piiEnabled) changes.push({ what: 'PII', before: entry.piiEnabledBefore, after: entry.piiEnabled });
  const before = new Set(entry.typesOffBefore ?? []);
  const after = new Set(entry.typesOff ?? []);
  for (const type of [...new Set([...before, ...after])].sort()) {
    if (before.has(type) !== after.has(type)) changes.push({ what: type, before: !before.has(type), after: !after.has(type) });
  }
  return changes;
}

function wholeNumber(text: string): number | null {
  const trimmed = text.trim();
  return /^\d{1,6}$/.test(trimmed) ? Number(trimmed) : null;
}
