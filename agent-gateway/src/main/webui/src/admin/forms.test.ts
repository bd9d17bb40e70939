import { auditChanges, checkAgent, checkCode, checkQueue, checkTemplate, hoursForm } from './forms';

describe('queue form', () => {
  const valid = { id: 'billing', name: ' Billing ', ronaTimeoutSeconds: '30', maxWaitSeconds: '', strategy: 'LONGEST_AVAILABLE_AGENT', waitingNoticeSeconds: '', waitingNoticeText: '', inactivityWarningSeconds: '', inactivityGraceSeconds: '' };

  it('gives the request routing takes, no maximum wait when blank', () => {
    expect(checkQueue(valid)).toEqual({
      ok: true,
      value: { id: 'billing', request: { name: 'Billing', ronaTimeoutSeconds: 30, maxWaitSeconds: null, strategy: 'LONGEST_AVAILABLE_AGENT', waitingNoticeSeconds: null, waitingNoticeText: null, inactivityWarningSeconds: null, inactivityGraceSeconds: null } },
    });
    const withNotice = checkQueue({ ...valid, waitingNoticeSeconds: '0', waitingNoticeText: '  Busy day!  ' });
    expect(withNotice.ok && withNotice.value.request).toMatchObject({ waitingNoticeSeconds: 0, waitingNoticeText: 'Busy day!' });
    const withMax = checkQueue({ ...valid, maxWaitSeconds: '600' });
    expect(withMax.ok && withMax.value.request.maxWaitSeconds).toBe(600);
  });

  it('names every field outside routing limits', () => {
    expect(checkQueue({ id: 'no spaces', name: ' ', ronaTimeoutSeconds: '4', maxWaitSeconds: '0', strategy: 'RANDOM', waitingNoticeSeconds: '-1', waitingNoticeText: 'x'.repeat(501), inactivityWarningSeconds: '0', inactivityGraceSeconds: '3601' })).toEqual({
      ok: false,
      errors: {
        id: 'id', name: 'required', ronaTimeoutSeconds: 'rona', maxWaitSeconds: 'maxWait', strategy: 'required',
        waitingNoticeSeconds: 'waitingNotice', waitingNoticeText: 'tooLong',
        inactivityWarningSeconds: 'inactivityWarning', inactivityGraceSeconds: 'inactivityGrace',
      },
    });
    expect(checkQueue({ ...valid, waitingNoticeSeconds: '86401' }).ok).toBe(false);
    expect(checkQueue({ ...valid, ronaTimeoutSeconds: '601' }).ok).toBe(false);
    expect(checkQueue({ ...valid, ronaTimeoutSeconds: '3.5' }).ok).toBe(false);
    expect(checkQueue({ ...valid, maxWaitSeconds: '86401' }).ok).toBe(false);
  });
});

describe('agent form', () => {
  const valid = { id: 'dana', displayName: 'Dana', queueIds: ['support'], capacity: '3', roles: ['agent'], password: 'secret-123', disabled: false };

  it('accepts an agent with roles and a password of at least 8 characters', () => {
    const checked = checkAgent(valid);
    expect(checked.ok && checked.value.capacityValue).toBe(3);
  });

  it('refuses capacity outside 1 to 10, no role, an unknown role and a short password', () => {
    expect(checkAgent({ ...valid, capacity: '11', roles: [], password: 'short' })).toEqual({
      ok: false,
      errors: { capacity: 'capacity', roles: 'roles', password: 'password' },
    });
    expect(checkAgent({ ...valid, roles: ['root'] }).ok).toBe(false);
  });
});

describe('codes and templates', () => {
  it('follows each owner id rule', () => {
    expect(checkCode('idleCodes', 'coffee.break', 'Coffee').ok).toBe(true);
    expect(checkCode('wrapUpReasons', 'coffee.break', 'Coffee')).toEqual({ ok: false, errors: { code: 'code' } });
    expect(checkCode('wrapUpReasons', 'RESOLVED', '')).toEqual({ ok: false, errors: { label: 'required' } });
    expect(checkTemplate('greeting', 'Greeting', 'Hello <customerName>').ok).toBe(true);
    expect(checkTemplate('', '', ' ')).toEqual({ ok: false, errors: { id: 'code', name: 'required', body: 'required' } });
  });
});

describe('masking audit', () => {
  it('lists the categories and the types that changed, nothing else', () => {
    expect(
      auditChanges({
        changedAt: '2026-12-06T10:00:00Z',
        changedBy: 'admin',
        pciEnabledBefore: true,
        pciEnabled: false,
        piiEnabledBefore: true,
        piiEnabled: true,
        typesOffBefore: ['IBAN', 'PASSPORT'],
        typesOff: ['PASSPORT', 'EMAIL'],
      }),
    ).toEqual([
      { what: 'PCI', before: true, after: false },
      { what: 'EMAIL', before: true, after: false },
      { what: 'IBAN', before: false, after: true },
    ]);
  });
});

describe('business hours in the queue form', () => {
  const base = { id: 'night', name: 'Night', ronaTimeoutSeconds: '30', maxWaitSeconds: '', strategy: 'LONGEST_AVAILABLE_AGENT', waitingNoticeSeconds: '', waitingNoticeText: '', inactivityWarningSeconds: '', inactivityGraceSeconds: '' };

  it('sends the weekly ranges that are filled, the zone and the holidays', () => {
    const hours = hoursForm(null);
    hours.enabled = true;
    hours.days.SATURDAY = { opens: '22:00', closes: '06:00' };
    hours.holidays = '2026-12-25, 2027-01-01';
    const checked = checkQueue({ ...base, hours });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    const sent = checked.value.request.businessHours!;
    expect(sent.timeZone).toBe('Europe/Paris');
    expect(sent.weekly).toHaveLength(6);
    expect(sent.weekly[0]).toEqual({ day: 'MONDAY', opens: '09:00', closes: '17:00' });
    expect(sent.weekly[5]).toEqual({ day: 'SATURDAY', opens: '22:00', closes: '06:00' });
    expect(sent.holidays).toEqual(['2026-12-25', '2027-01-01']);
  });

  it('sends null when the queue is always open, and keeps a saved schedule when edited', () => {
    const off = checkQueue({ ...base, hours: hoursForm(null) });
    expect(off.ok && off.value.request.businessHours).toBeNull();
    const saved = { timeZone: 'UTC', weekly: [{ day: 'SUNDAY', opens: '10:00', closes: '12:00' }], holidays: ['2026-12-25'] };
    const kept = checkQueue({ ...base, hours: hoursForm(saved) });
    expect(kept.ok && kept.value.request.businessHours).toEqual(saved);
  });

  it('names the day, zone and holidays that are wrong', () => {
    const hours = { ...hoursForm(null), enabled: true, timeZone: ' ', holidays: '25/12/2026' };
    hours.days = { ...hours.days, TUESDAY: { opens: '09:00', closes: '' } };
    expect(checkQueue({ ...base, hours })).toEqual({
      ok: false,
      errors: { timeZone: 'required', 'day-TUESDAY': 'time', holidays: 'holidays' },
    });
  });
});
