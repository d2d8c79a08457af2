import { describe, expect, it } from 'vitest';
import { changeSight, READERS } from './access';
import { viewChange } from './feed';
import { ENTITIES } from './schemas/change';
import { ROLES } from './schemas/staff';
import { buildChange, buildClient, buildStaff } from './testing/records';

describe('what each role sees of a change', () => {
  it('gives a staff account only to admins; the counter and the wall get its seq and entity', () => {
    const change = buildChange('staff', buildStaff({ email: 'paul@garage.test' }));
    expect(viewChange(change, 'admin')).toEqual({ sight: 'record', change });
    for (const role of ['staff', 'display'] as const) {
      expect(viewChange(change, role)).toEqual({
        sight: 'seq',
        skipped: { seq: change.seq, entity: 'staff' },
      });
    }
  });

  it('gives the counter the record and the wall its label', () => {
    const change = buildChange('client', buildClient());
    expect(viewChange(change, 'staff')).toEqual({ sight: 'record', change });
    const wall = viewChange(change, 'display');
    expect(wall.sight).toBe('label');
    expect(wall).not.toHaveProperty('change');
  });

  it('never gives a label to a role that reads records: their catch-up has no place for one', () => {
    for (const entity of ENTITIES) {
      for (const role of READERS) expect(changeSight(role, entity)).not.toBe('label');
      expect(changeSight('display', entity)).not.toBe('record');
      expect(ROLES.map((role) => changeSight(role, entity))).toContain('record');
    }
  });
});
