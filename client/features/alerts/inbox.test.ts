import { describe, expect, it } from 'vitest';
import type { Alert } from '../../../domain/schemas/alert';
import { overlayKnown, placeRow } from '../../lib/live-list-rows';
import {
  compareAlerts,
  countPressing,
  type InboxQuery,
  matchesQuery,
  readInboxFilters,
  toInboxQuery,
  viewOf,
} from './inbox';

let next = 0;
function buildAlert(overrides: Partial<Alert> = {}): Alert {
  next += 1;
  const id = `00000000-0000-4000-8000-${String(next).padStart(12, '0')}`;
  return {
    id,
    version: 1,
    kind: 'ct_due',
    severity: 'urgent',
    status: 'open',
    dueDate: '2026-03-10',
    title: 'Contrôle technique',
    detail: null,
    subject: { type: 'vehicle', id, label: 'AB-123-CD — Jean Martin' },
    clientId: null,
    assigneeId: null,
    assigneeName: null,
    snoozedUntil: null,
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    resolvedAt: null,
    ...overrides,
  };
}

const TODAY = '2026-03-05';
const ACTIVE: InboxQuery = { status: 'active' };
const inbox = { compare: compareAlerts, hasMore: false };

/** The inbox's rows once `alert` is known (as the live list places it for the active query). */
function upsert(items: Alert[], alert: Alert): Alert[] {
  const placed = placeRow(
    items,
    { item: alert, isListed: matchesQuery(alert, ACTIVE, undefined) },
    inbox,
  );
  return placed.outcome === 'changed' ? placed.items : items;
}

describe('the inbox views', () => {
  it('takes a snoozed alert out of « À traiter » until its date', () => {
    const snoozed = buildAlert({ status: 'snoozed', snoozedUntil: '2026-03-06' });
    expect(viewOf(snoozed, TODAY)).toBe('snoozed');
    expect(viewOf(snoozed, '2026-03-06')).toBe('todo');
    expect(viewOf(snoozed, '2026-03-07')).toBe('todo');
  });

  it('keeps open and acknowledged alerts to deal with, and resolved ones apart', () => {
    expect(viewOf(buildAlert(), TODAY)).toBe('todo');
    expect(viewOf(buildAlert({ status: 'acknowledged' }), TODAY)).toBe('todo');
    expect(viewOf(buildAlert({ status: 'resolved' }), TODAY)).toBe('resolved');
  });

  it('counts in the navigation only what is urgent or late and to deal with today', () => {
    const alerts = [
      buildAlert({ severity: 'overdue' }),
      buildAlert({ severity: 'urgent', status: 'acknowledged' }),
      buildAlert({ severity: 'soon' }),
      buildAlert({ severity: 'overdue', status: 'snoozed', snoozedUntil: '2026-03-20' }),
      buildAlert({ severity: 'urgent', status: 'snoozed', snoozedUntil: TODAY }),
    ];
    expect(countPressing(alerts, TODAY)).toBe(3);
  });
});

describe('the inbox filters', () => {
  it('reads the URL without trusting it', () => {
    expect(readInboxFilters({ status: 'snoozed', kind: 'ct_due', assignee: 'me' })).toEqual({
      view: 'snoozed',
      kind: 'ct_due',
      assignee: 'me',
    });
    expect(readInboxFilters({ status: 'whatever', kind: 'nope', assignee: '' })).toEqual({
      view: 'todo',
    });
  });

  it('asks the server one query for « À traiter » and « Reportées »', () => {
    expect(toInboxQuery({ view: 'todo' })).toEqual({ status: 'active' });
    expect(toInboxQuery({ view: 'snoozed' })).toEqual({ status: 'active' });
    expect(toInboxQuery({ view: 'resolved', kind: 'custom' })).toEqual({
      status: 'resolved',
      kind: 'custom',
    });
  });

  it('tells whether the server would list an alert, as the server does', () => {
    const mine = buildAlert({ assigneeId: 'me-id', kind: 'custom' });
    expect(matchesQuery(mine, { status: 'active' }, 'me-id')).toBe(true);
    expect(matchesQuery(mine, { status: 'resolved' }, 'me-id')).toBe(false);
    expect(matchesQuery(mine, { status: 'active', kind: 'ct_due' }, 'me-id')).toBe(false);
    expect(matchesQuery(mine, { status: 'active', assignee: 'me' }, 'me-id')).toBe(true);
    expect(matchesQuery(mine, { status: 'active', assignee: 'me' }, 'other')).toBe(false);
    expect(matchesQuery(mine, { status: 'active', assignee: 'none' }, 'me-id')).toBe(false);
    expect(matchesQuery(mine, { status: 'active', assignee: 'me-id' }, undefined)).toBe(true);
  });
});

describe('the live inbox list', () => {
  it('sorts as the server: late first, then by due date', () => {
    const soon = buildAlert({ severity: 'soon', dueDate: '2026-03-01' });
    const lateLater = buildAlert({ severity: 'overdue', dueDate: '2026-02-20' });
    const lateFirst = buildAlert({ severity: 'overdue', dueDate: '2026-02-10' });
    expect([soon, lateLater, lateFirst].sort(compareAlerts)).toEqual([lateFirst, lateLater, soon]);
  });

  it('adds a new alert where it sorts, and never twice', () => {
    const first = buildAlert({ severity: 'overdue' });
    const last = buildAlert({ severity: 'soon' });
    const middle = buildAlert({ severity: 'urgent' });
    const once = upsert([first, last], middle);
    expect(once.map((alert) => alert.id)).toEqual([first.id, middle.id, last.id]);
    expect(upsert(once, { ...middle })).toHaveLength(3);
  });

  it('updates an alert in place, moves it when its severity changes, removes it when resolved', () => {
    const a = buildAlert({ severity: 'overdue' });
    const b = buildAlert({ severity: 'urgent' });
    const c = buildAlert({ severity: 'soon' });
    const list = [a, b, c];
    const worse: Alert = { ...c, version: 2, severity: 'overdue' };
    expect(upsert(list, worse).map((alert) => alert.id)).toEqual([a.id, c.id, b.id]);
    const resolved: Alert = { ...b, version: 2, status: 'resolved' };
    expect(upsert(list, resolved).map((alert) => alert.id)).toEqual([a.id, c.id]);
  });

  it('ignores an older version than the one shown (an answer came before an earlier change)', () => {
    const shown = buildAlert({ version: 3, status: 'snoozed', snoozedUntil: '2026-04-01' });
    const older: Alert = { ...shown, version: 2, status: 'open', snoozedUntil: null };
    expect(upsert([shown], older)).toEqual([shown]);
  });

  it('keeps on a fresh answer what was seen live in a newer version', () => {
    const stale = buildAlert({ version: 1 });
    const other = buildAlert({ severity: 'soon' });
    const snoozed: Alert = { ...stale, version: 2, status: 'snoozed', snoozedUntil: '2026-04-01' };
    const created = buildAlert({ severity: 'overdue' });
    const seen = [snoozed, created].map((item) => ({ item, isListed: true }));
    expect(overlayKnown([stale, other], seen, inbox).items).toEqual([created, snoozed, other]);
    // Seen in an older version than the answer's: the answer wins.
    const newer: Alert = { ...stale, version: 3, status: 'acknowledged' };
    expect(overlayKnown([newer, other], seen, inbox).items).toEqual([created, newer, other]);
  });
});
