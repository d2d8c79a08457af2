import { describe, expect, it } from 'vitest';
import { ClientInputSchema } from '../../domain/schemas/client';
import { StaffCreateSchema } from '../../domain/schemas/staff';
import { toFieldErrors, validateAll } from './validate';

describe('validateAll', () => {
  it('returns the parsed data when the input is valid', () => {
    const result = validateAll(ClientInputSchema, { kind: 'person', lastName: 'Martin' });
    expect(result.success && result.data.lastName).toBe('Martin');
  });

  it('reports the missing name together with the field errors, not after them', () => {
    const result = validateAll(ClientInputSchema, {
      kind: 'person',
      lastName: '',
      email: 'pas-un-email',
      phones: ['12'],
      address: { postalCode: '690', country: 'FR' },
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors).toMatchObject({
      lastName: 'Le nom est obligatoire.',
      email: 'Adresse e-mail invalide.',
      'phones.0': expect.stringContaining('« 12 »'),
      'address.postalCode': 'Code postal : 5 chiffres.',
    });
  });

  it('keeps the first message of a field when a later pass finds another one', () => {
    const result = validateAll(ClientInputSchema, {
      kind: 'business',
      companyName: '',
      lastName: 'J3an',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(result.errors.lastName).toContain('lettres');
    expect(result.errors.companyName).toBe('La raison sociale est obligatoire.');
  });

  it('validates the staff form with the shared schema', () => {
    const result = validateAll(StaffCreateSchema, {
      name: '',
      email: 'x',
      role: 'staff',
      password: 'court',
    });
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(Object.keys(result.errors).sort()).toEqual(['email', 'name', 'password']);
  });
});

describe('toFieldErrors', () => {
  it('keys messages by dotted path, first one wins', () => {
    expect(
      toFieldErrors([
        { path: ['address', 'city'], message: 'a' },
        { path: ['address', 'city'], message: 'b' },
        { path: ['phones', 1], message: 'c' },
      ]),
    ).toEqual({ 'address.city': 'a', 'phones.1': 'c' });
  });
});
