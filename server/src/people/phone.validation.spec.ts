import { validatePhone } from './phone.validation';

describe('validatePhone', () => {
  it.each([
    ['13800138000', '13800138000'],
    ['138 0013 8000', '13800138000'],
    ['+86 138-0013-8000', '+86 13800138000'],
    ['0539-2251234', '0539-2251234'],
    ['05392251234', '0539-2251234'],
    ['010 62345678', '010-62345678'],
    ['+86 539 2251234', '+86 0539-2251234'],
  ])('accepts %s as %s', (input, phone) => {
    expect(validatePhone(input)).toEqual({ valid: true, phone });
  });

  it.each([
    '123',
    '12800138000',
    '1380013800',
    'phone',
    '+1 415 555 0100',
    '0539-1251234',
    '(0539) 2251234',
  ])('refuses %s and says what a phone number looks like', (input) => {
    const result = validatePhone(input);
    expect(result.valid).toBe(false);
    expect(!result.valid && result.message).toMatch(/mobile number \(11 digits starting 13–19\)/);
  });
});
