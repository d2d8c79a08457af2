import { describe, expect, it } from 'vitest';
import { AlertRulesSchema } from '../alerts/rules';
import { AlertSchema } from '../schemas/alert';
import { ChangeSchema } from '../schemas/change';
import { ClientSchema } from '../schemas/client';
import { DisplayTokenSchema } from '../schemas/display-token';
import { QuoteSchema } from '../schemas/quote';
import { SettingsSchema } from '../schemas/settings';
import { StaffSchema } from '../schemas/staff';
import { VehicleSchema } from '../schemas/vehicle';
import {
  buildAlert,
  buildAlertRulesRecord,
  buildChange,
  buildClient,
  buildDisplayToken,
  buildQuote,
  buildSettingsRecord,
  buildStaff,
  buildVehicle,
} from './records';

describe('the records domain tests build', () => {
  it.each([
    ['client', ClientSchema, buildClient()],
    ['vehicle', VehicleSchema, buildVehicle()],
    ['quote', QuoteSchema, buildQuote()],
    ['staff', StaffSchema, buildStaff()],
    ['display token', DisplayTokenSchema, buildDisplayToken()],
    ['alert', AlertSchema, buildAlert()],
    ['settings', SettingsSchema, buildSettingsRecord()],
    ['alert rules', AlertRulesSchema, buildAlertRulesRecord()],
  ] as const)('are a valid %s, as the API returns it', (_, schema, record) => {
    expect(schema.parse(record)).toEqual(record);
  });

  it('total a quote from its jobs, and its accepted lines once accepted', () => {
    const draft = buildQuote();
    expect(draft.totals).toMatchObject({ exclVatCents: 14_241, vatCents: 2848 });
    expect(draft.acceptedTotals).toBeNull();
    const [job] = draft.jobs;
    const partial = buildQuote({
      status: 'partially_accepted',
      jobs: [{ ...job!, lines: job!.lines.map((line, i) => ({ ...line, accepted: i === 0 })) }],
    });
    expect(partial.acceptedTotals).toMatchObject({ exclVatCents: 9750, vatCents: 1950 });
  });

  it('make a change the log’s schema accepts, and refuse one that does not match its entity', () => {
    const change = buildChange('client', buildClient());
    expect(ChangeSchema.parse(change)).toEqual(change);
    // A record the types refuse, as a drifted builder would make.
    expect(() => buildChange('client', { ...buildClient(), phones: 'none' } as never)).toThrow();
  });
});
