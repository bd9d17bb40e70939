/**
 * The supervisor console's data (docs/api/gateway.md, "Supervisor console"): the `overview` frame of
 * /ws/supervisor, the live chats of GET /api/supervisor/conversations, and the pure reducer and formatting the
 * page uses. Nothing here touches the DOM, the network or the clock (the time is passed in).
 */
import { formatDuration } from '../desktop/conversation/text';
import type { ConnectionStatus } from '../desktop/store';

export interface QueueFigures {
  queueId: string;
  queueName: string;
  waiting: number;
  oldestWaitingSince?: string | null;
  longestWaitSeconds: number;
  offered: number;
  answered: number;
  abandoned: number;
  transferred: number;
  answeredWithinThreshold: number;
  averageWaitSeconds?: number | null;
  averageHandleSeconds?: number | null;
  serviceLevel?: number | null;
  /** Satisfaction surveys submitted today for chats whose last queue is this one. */
  surveys: number;
  /** Their average rating, 1 to 5; absent until a survey is counted. */
  averageRating?: number | null;
}

export interface AgentFigures {
  agentId: string;
  displayName: string;
  state: string;
  idleCode?: string | null;
  stateSince?: string | null;
  secondsInState: number;
  activeChats: number;
  capacity: number;
  ronaToday: number;
}

export interface WaitingChat {
  conversationId: string;
  queueId: string;
  queueName: string;
  customerName?: string | null;
  enteredAt: string;
  waitSeconds: number;
}

export interface Overview {
  at: string;
  dayStart: string;
  serviceLevelThresholdSeconds: number;
  queues: QueueFigures[];
  agents: AgentFigures[];
  waiting: WaitingChat[];
}

export type OverviewFrame = Overview & { type: 'overview' };

export interface LiveChat {
  conversationId: string;
  state: string;
  customerName?: string | null;
  queueId?: string | null;
  queueName?: string | null;
  startedAt: string;
  lastSeq: number;
  agents: string[];
}

export interface ConsoleState {
  connection: ConnectionStatus;
  overview: Overview | null;
  /** When the page received the overview (its own clock), so times in state and waits keep counting. */
  receivedAt: number;
  /** The calm summary read out by the aria-live region: only when the number of waiting chats changes. */
  announcement: string | null;
}

export type ConsoleAction =
  | { type: 'connection'; status: ConnectionStatus }
  | { type: 'overview'; overview: Overview; receivedAt: number };

export const initialConsoleState: ConsoleState = { connection: 'reconnecting', overview: null, receivedAt: 0, announcement: null };

export function totalWaiting(overview: Overview | null): number {
  return overview ? overview.queues.reduce((sum, queue) => sum + queue.waiting, 0) : 0;
}

/** The console's reducer: the latest overview replaces the previous one whole (the gateway sends all figures). */
export function consoleReducer(state: ConsoleState, action: ConsoleAction): ConsoleState {
  switch (action.type) {
    case 'connection':
      return state.connection === action.status ? state : { ...state, connection: action.status };
    case 'overview': {
      const { type: _ignored, ...overview } = action.overview as OverviewFrame;
      const before = state.overview ? totalWaiting(state.overview) : null;
      const after = totalWaiting(overview);
      const announcement = before === null || before === after ? state.announcement : `waiting:${after}`;
      return { ...state, overview, receivedAt: action.receivedAt, announcement };
    }
  }
}

/** Seconds since an instant at `now` (ms); the figure sent by the gateway, moved on by the time since, otherwise. */
export function secondsSince(since: string | null | undefined, fallbackSeconds: number, elapsedMs: number, now: number): number {
  const start = since ? Date.parse(since) : Number.NaN;
  if (!Number.isNaN(start)) return Math.max(0, Math.floor((now - start) / 1000));
  return Math.max(0, fallbackSeconds + Math.floor(elapsedMs / 1000));
}

/** A duration in seconds as m:ss or h:mm:ss; an absent figure (nothing counted yet) as an en dash. */
export function formatSeconds(seconds: number | null | undefined): string {
  return seconds === null || seconds === undefined ? '–' : formatDuration(Math.round(seconds) * 1000);
}

/** The service level (0 to 1) as a whole percentage in the page's locale; absent as an en dash. */
export function formatServiceLevel(level: number | null | undefined, locale: string): string {
  if (level === null || level === undefined) return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(level);
}

/** An average rating (1 to 5) with one decimal in the page's locale; absent (no survey today) as an en dash. */
export function formatRating(rating: number | null | undefined, locale: string): string {
  if (rating === null || rating === undefined) return '–';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(rating);
}

/** Agents sorted for the table: RONA first (someone must look), then by name. */
export function sortAgents(agents: readonly AgentFigures[]): AgentFigures[] {
  return [...agents].sort((a, b) => Number(b.state === 'RONA') - Number(a.state === 'RONA')
    || a.displayName.localeCompare(b.displayName));
}

/** Whether the signed-in account may use the console (the gateway checks again: 403 otherwise). */
export function maySupervise(roles: readonly string[]): boolean {
  return roles.includes('supervisor') || roles.includes('admin');
}
