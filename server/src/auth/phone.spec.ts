import { maskPhone } from './phone';
import type { Role, Viewer } from './viewer';

const as = (role: Role): Viewer => ({
  userId: '1',
  username: 'u',
  role,
  scopeGridId: '1',
  personId: null,
});

describe('maskPhone', () => {
  it('shows phones to roles allowed to see them', () => {
    expect(maskPhone('13812345678', as('SUPERVISOR'))).toBe('13812345678');
    expect(maskPhone('13812345678', as('ADMIN'))).toBe('13812345678');
  });
  it('masks the middle digits for other roles and for anonymous callers', () => {
    expect(maskPhone('13812345678', as('INTEGRATOR'))).toBe('138****5678');
    expect(maskPhone('0539-1234567', as('PLANNER'))).toBe('053****4567');
    expect(maskPhone('13812345678', null)).toBe('138****5678');
  });
  it('hides short numbers entirely and passes null through', () => {
    expect(maskPhone('12345', as('INTEGRATOR'))).toBe('*****');
    expect(maskPhone(null, as('INTEGRATOR'))).toBeNull();
  });
});
