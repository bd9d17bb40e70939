import { call } from '../shared/http';

/** A queue as routing's admin API shows it; `liveChats` (and `agents`) only when one queue is read. */
export interface Queue {
  id: string;
  name: string;
  strategy: string;
  ronaTimeoutSeconds: number;
  maxWaitSeconds?: number | null;
  /** The no-agent notice after this many seconds waiting (absent: 60; 0: none) and its own words (absent: the widget's). */
  waitingNoticeSeconds?: number | null;
  waitingNoticeText?: string | null;
  /** Customer inactivity (absent: the conversation service's defaults, 240 s and 60 s). */
  inactivityWarningSeconds?: number | null;
  inactivityGraceSeconds?: number | null;
  businessHours?: BusinessHours | null;
  waitingChats: number;
  liveChats?: number;
}

export interface QueueRequest {
  name: string;
  ronaTimeoutSeconds: number;
  maxWaitSeconds: number | null;
  strategy: string;
  waitingNoticeSeconds: number | null;
  waitingNoticeText: string | null;
  inactivityWarningSeconds: number | null;
  inactivityGraceSeconds: number | null;
  /** Absent or null: always open. */
  businessHours?: BusinessHours | null;
}

/** A queue's business hours (docs/events.md "Business hours"): local times HH:mm, holidays YYYY-MM-DD. */
export interface BusinessHours {
  timeZone: string;
  weekly: { day: string; opens: string; closes: string }[];
  holidays: string[];
}

export interface RoutingAgent {
  id: string;
  displayName: string;
  queueIds: string[];
  capacity: number;
  state: string;
  activeChats: number;
}

export interface Account {
  agentId: string;
  displayName: string;
  roles: string[];
  disabled: boolean;
}

export interface CodeLabel {
  code: string;
  label: string;
}

export interface Template {
  id: string;
  name: string;
  body: string;
  parameters: string[];
}

export interface MaskingType {
  category: 'PCI' | 'PII';
  enabled: boolean;
  masked: boolean;
}

export interface MaskingPolicy {
  pciEnabled: boolean;
  piiEnabled: boolean;
  types: Record<string, MaskingType>;
  updatedAt: string | null;
  updatedBy: string | null;
}

export interface AuditEntry {
  changedAt: string;
  changedBy: string;
  pciEnabledBefore: boolean;
  pciEnabled: boolean;
  piiEnabledBefore: boolean;
  piiEnabled: boolean;
  typesOffBefore: string[];
  typesOff: string[];
}

export interface AuditPage {
  page: number;
  size: number;
  total: number;
  items: AuditEntry[];
}

/** An audited erasure request (docs/privacy.md). */
export interface Erasure {
  erasureId: string;
  conversationId: string;
  requestedBy: string;
  requestedAt: string;
  completedAt: string | null;
  status: 'REQUESTED' | 'COMPLETED';
}

const enc = encodeURIComponent;

/**
 * Administration as the console does it, all through the gateway (docs/api/gateway.md): its own accounts API, and
 * `/api/admin/routing|conversation|masking/**`, forwarded with this token to the owning service's admin API.
 */
export class AdminApi {
  constructor(private readonly token: string) {}

  queues(): Promise<Queue[]> {
    return call('GET', '/api/admin/routing/queues', this.token);
  }
  queue(id: string): Promise<Queue> {
    return call('GET', `/api/admin/routing/queues/${enc(id)}`, this.token);
  }
  putQueue(id: string, request: QueueRequest): Promise<Queue> {
    return call('PUT', `/api/admin/routing/queues/${enc(id)}`, this.token, request);
  }
  deleteQueue(id: string): Promise<void> {
    return call('DELETE', `/api/admin/routing/queues/${enc(id)}`, this.token);
  }

  agents(): Promise<RoutingAgent[]> {
    return call('GET', '/api/admin/routing/agents', this.token);
  }
  putAgent(id: string, displayName: string, queueIds: string[], capacity: number): Promise<RoutingAgent> {
    return call('PUT', `/api/admin/routing/agents/${enc(id)}`, this.token, { displayName, queueIds, capacity });
  }
  accounts(): Promise<Account[]> {
    return call('GET', '/api/admin/accounts', this.token);
  }
  putAccount(id: string, displayName: string, password: string, roles: string[], disabled: boolean): Promise<Account> {
    return call('PUT', `/api/admin/accounts/${enc(id)}`, this.token, { displayName, password, roles, disabled });
  }
  disableAccount(id: string): Promise<void> {
    return call('DELETE', `/api/admin/accounts/${enc(id)}`, this.token);
  }

  /** Idle codes (routing) or wrap-up reasons (conversation): a code and a label each. */
  codes(kind: CodeKind): Promise<CodeLabel[]> {
    return call('GET', CODE_PATHS[kind], this.token);
  }
  putCode(kind: CodeKind, code: string, label: string): Promise<CodeLabel> {
    return call('PUT', `${CODE_PATHS[kind]}/${enc(code)}`, this.token, { label });
  }
  deleteCode(kind: CodeKind, code: string): Promise<void> {
    return call('DELETE', `${CODE_PATHS[kind]}/${enc(code)}`, this.token);
  }

  templates(): Promise<Template[]> {
    return call('GET', '/api/admin/conversation/templates', this.token);
  }
  putTemplate(id: string, name: string, body: string): Promise<Template> {
    return call('PUT', `/api/admin/conversation/templates/${enc(id)}`, this.token, { name, body });
  }
  deleteTemplate(id: string): Promise<void> {
    return call('DELETE', `/api/admin/conversation/templates/${enc(id)}`, this.token);
  }

  maskingPolicy(): Promise<MaskingPolicy> {
    return call('GET', '/api/admin/masking/masking-policy', this.token);
  }
  changeMaskingPolicy(pciEnabled: boolean, piiEnabled: boolean, types: Record<string, boolean>): Promise<MaskingPolicy> {
    // who changed it is the token's administrator (the masking service records it, not a name sent here)
    return call('PUT', '/api/admin/masking/masking-policy', this.token, { pciEnabled, piiEnabled, types });
  }
  /** Erases the customer's data of an ended conversation (the gateway's own API, audited). */
  erase(conversationId: string): Promise<Erasure> {
    return call('POST', '/api/admin/erasures', this.token, { conversationId });
  }
  erasures(): Promise<Erasure[]> {
    return call('GET', '/api/admin/erasures?limit=20', this.token);
  }

  maskingAudit(page: number, size = 10): Promise<AuditPage> {
    return call('GET', `/api/admin/masking/masking-policy/audit?page=${page}&size=${size}`, this.token);
  }
}

export type CodeKind = 'idleCodes' | 'wrapUpReasons';

const CODE_PATHS: Record<CodeKind, string> = {
  idleCodes: '/api/admin/routing/idle-codes',
  wrapUpReasons: '/api/admin/conversation/wrap-up-reasons',
};
