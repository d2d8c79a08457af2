import { action, query } from '@solidjs/router';
import type { Staff, StaffCreate, StaffUpdate } from '../../../domain/schemas/staff';
import { get, patch, post } from '../../lib/api';

export const getStaff = query(() => get<{ items: Staff[] }>('/staff'), 'staff');

export const createStaff = action(
  (input: StaffCreate) => post<Staff>('/staff', input),
  'staff-create',
);
export const updateStaff = action(
  (id: string, input: StaffUpdate) => patch<Staff>(`/staff/${id}`, input),
  'staff-update',
);
