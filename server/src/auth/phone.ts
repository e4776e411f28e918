/**
 * Phone numbers are confidential (seed 003 附件 §6): roles outside PHONE_ROLES see them
 * masked, keeping the first 3 and last 4 digits so a number can still be recognised.
 */
import { PHONE_ROLES, type Viewer } from './viewer';

export function maskPhone(phone: string | null | undefined, viewer: Viewer | null): string | null {
  if (phone == null) return null;
  if (viewer && PHONE_ROLES.includes(viewer.role)) return phone;
  const digits = phone.replace(/\D/g, '');
  if (digits.length < 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
