import {
  consoleReducer,
  formatSeconds,
  formatRating,
  formatServiceLevel,
  initialConsoleState,
  maySupervise,
  secondsSince,
  sortAgents,
  type AgentFigures,
  type Overview,
} from './overview';

function overview(waiting: number[]): Overview {
  return {
    at: '2026-12-06T10:00:00Z',
    dayStart: '2026-12-06T00:00:00Z',
    serviceLevelThresholdSeconds: 30,
    queues: waiting.map((count, index) => ({
      queueId: `q${index}`, queueName: `Queue ${index}`, waiting: count, longestWaitSeconds: 0, offered: 0,
      answered: 0, abandoned: 0, transferred: 0, answeredWithinThreshold: 0, surveys: 0,
    })),
    agents: [],
    waiting: [],
  };
}

describe('consoleReducer', () => {
  it('keeps the latest overview without its frame type', () => {
    const state = consoleReducer(initialConsoleState, { type: 'overview', overview: { ...overview([1]), type: 'overview' } as Overview, receivedAt: 5 });
    expect(state.overview).toEqual(overview([1]));
    expect(state.receivedAt).toBe(5);
  });

  it('announces only when the number of waiting chats changes', () => {
    let state = consoleReducer(initialConsoleState, { type: 'overview', overview: overview([1, 0]), receivedAt: 1 });
    expect(state.announcement).toBeNull();
    state = consoleReducer(state, { type: 'overview', overview: overview([1, 0]), receivedAt: 2 });
    expect(state.announcement).toBeNull();
    state = consoleReducer(state, { type: 'overview', overview: overview([1, 2]), receivedAt: 3 });
    expect(state.announcement).toBe('waiting:3');
    state = consoleReducer(state, { type: 'overview', overview: overview([0, 3]), receivedAt: 4 });
    expect(state.announcement).toBe('waiting:3');
  });

  it('tracks the connection and keeps the same state when nothing changed', () => {
    const connected = consoleReducer(initialConsoleState, { type: 'connection', status: 'connected' });
    expect(connected.connection).toBe('connected');
    expect(consoleReducer(connected, { type: 'connection', status: 'connected' })).toBe(connected);
  });
});

describe('formatting', () => {
  it('formats durations and leaves absent figures as a dash', () => {
    expect(formatSeconds(0)).toBe('0:00');
    expect(formatSeconds(75.4)).toBe('1:15');
    expect(formatSeconds(3725)).toBe('1:02:05');
    expect(formatSeconds(undefined)).toBe('–');
    expect(formatSeconds(null)).toBe('–');
  });

  it('formats the service level as a percentage in the locale', () => {
    expect(formatServiceLevel(0.8, 'en')).toBe('80%');
    expect(formatServiceLevel(0.8, 'fr').replace(/\s/g, ' ')).toBe('80 %');
    expect(formatServiceLevel(undefined, 'en')).toBe('–');
  });

  it('formats the average rating with one decimal in the locale', () => {
    expect(formatRating(3.5, 'en')).toBe('3.5');
    expect(formatRating(4, 'en')).toBe('4.0');
    expect(formatRating(4.25, 'fr')).toBe('4,3');
    expect(formatRating(undefined, 'en')).toBe('–');
    expect(formatRating(null, 'fr')).toBe('–');
  });

  it('counts time from the instant, or moves the sent figure on', () => {
    const now = Date.parse('2026-12-06T10:01:00Z');
    expect(secondsSince('2026-12-06T10:00:00Z', 3, 0, now)).toBe(60);
    expect(secondsSince(null, 3, 2500, now)).toBe(5);
    expect(secondsSince('2026-12-06T10:02:00Z', 0, 0, now)).toBe(0);
  });
});

describe('agents and roles', () => {
  const agent = (displayName: string, state: string): AgentFigures => ({
    agentId: displayName, displayName, state, secondsInState: 0, activeChats: 0, capacity: 2, ronaToday: 0,
  });

  it('lists agents in RONA first, then by name', () => {
    expect(sortAgents([agent('Bea', 'AVAILABLE'), agent('Zoe', 'RONA'), agent('Al', 'IDLE')]).map((a) => a.displayName))
      .toEqual(['Zoe', 'Al', 'Bea']);
  });

  it('lets supervisors and administrators in', () => {
    expect(maySupervise(['supervisor'])).toBe(true);
    expect(maySupervise(['agent', 'admin'])).toBe(true);
    expect(maySupervise(['agent'])).toBe(false);
  });
});
