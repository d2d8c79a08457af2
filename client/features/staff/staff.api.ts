import type { StaffCreate, StaffUpdate } from '../../../domain/schemas/staff';
import { api, call } from '../../lib/api';
import { liveAction, staleOnQuery } from '../../lib/queries';

/** Every account (admins only); a `staff` change drops the cached list. */
export const getStaff = staleOnQuery(['staff'], 'staff', () => call(api.staff.$get()));

export const createStaff = liveAction('staff-create', (input: StaffCreate) =>
  call(api.staff.$post({ json: input })),
);

/** One change (role, active, password) with the version it was made on. */
export const updateStaff = liveAction('staff-update', (id: string, input: StaffUpdate) =>
  call(api.staff[':id'].$patch({ param: { id }, json: input })),
);
