/**
 * Unified social credit codes (统一社会信用代码), GB 32100-2015.
 *
 * 18 characters: registration authority (1), entity type (1), administrative division
 * (6 digits), organisation code (9: 8 body characters + a GB 11714 check character) and a
 * check character over the first 17. The alphabet omits I, O, S, V and Z.
 *
 * @example
 * validateUscc('91350100M000100Y43'); // { valid: true }
 * usccCheckCharacter('91350100M000100Y4'); // '3'
 */

/** GB 32100-2015 §4: the 31 code characters, each worth its index. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 §5.1: registration authorities (1 机构编制 … 9 工商, A 中央军委改革和编制办公室, N 农业, Y 其他). */
export const USCC_REGISTRATION_AUTHORITIES = '123456789ANY';

export const USCC_WRONG_LENGTH = 'WRONG_LENGTH';
export const USCC_ILLEGAL_CHARACTER = 'ILLEGAL_CHARACTER';
export const USCC_UNKNOWN_REGISTRATION_AUTHORITY = 'UNKNOWN_REGISTRATION_AUTHORITY';
export const USCC_BAD_ADMINISTRATIVE_DIVISION = 'BAD_ADMINISTRATIVE_DIVISION';
export const USCC_BAD_ORGANISATION_CODE = 'BAD_ORGANISATION_CODE';
export const USCC_CHECK_CHARACTER_MISMATCH = 'CHECK_CHARACTER_MISMATCH';

export type UsccInvalidReason =
  | typeof USCC_WRONG_LENGTH
  | typeof USCC_ILLEGAL_CHARACTER
  | typeof USCC_UNKNOWN_REGISTRATION_AUTHORITY
  | typeof USCC_BAD_ADMINISTRATIVE_DIVISION
  | typeof USCC_BAD_ORGANISATION_CODE
  | typeof USCC_CHECK_CHARACTER_MISMATCH;

export type UsccValidation =
  { valid: true } | { valid: false; reason: UsccInvalidReason; message: string };

/** GB 32100-2015 §5.6: weight of position i is 3^i mod 31. */
const USCC_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % 31;
  return w;
});

/** GB 11714-1997: weights of the 8 body characters of an organisation code. */
const ORGANISATION_WEIGHTS: readonly number[] = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714: digits are worth themselves, letters A=10 … Z=35 (full Latin alphabet). */
function organisationValue(ch: string): number {
  if (ch >= '0' && ch <= '9') return ch.charCodeAt(0) - 48;
  if (ch >= 'A' && ch <= 'Z') return ch.charCodeAt(0) - 55;
  throw new RangeError(`not an organisation-code character: '${ch}'`);
}

/**
 * The GB 11714 check character of an 8-character organisation-code body: 11 − (Σ mod 11),
 * where 10 is written 'X' and 11 is written '0'.
 */
export function organisationCheckCharacter(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) {
    throw new RangeError(`organisation-code body must be 8 characters 0-9/A-Z, got '${body8}'`);
  }
  let sum = 0;
  for (let i = 0; i < 8; i += 1) sum += organisationValue(body8[i]) * ORGANISATION_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** The GB 32100-2015 check character over the first 17 characters: 31 − (Σ mod 31), 31 → '0'. */
export function usccCheckCharacter(first17: string): string {
  if (first17.length !== 17) {
    throw new RangeError(`expected 17 characters, got ${first17.length}`);
  }
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = USCC_CHARSET.indexOf(first17[i]);
    if (v < 0) throw new RangeError(`'${first17[i]}' is not a USCC character`);
    sum += v * USCC_WEIGHTS[i];
  }
  const c = 31 - (sum % 31);
  return USCC_CHARSET[c === 31 ? 0 : c];
}

/** Checks a code against GB 32100-2015; never throws. */
export function validateUscc(code: string): UsccValidation {
  if (code.length !== 18) {
    return {
      valid: false,
      reason: USCC_WRONG_LENGTH,
      message: `a unified social credit code has 18 characters, found ${code.length}`,
    };
  }
  for (let i = 0; i < 18; i += 1) {
    if (!USCC_CHARSET.includes(code[i])) {
      return {
        valid: false,
        reason: USCC_ILLEGAL_CHARACTER,
        message: `character ${i + 1} '${code[i]}' is not allowed (only 0-9 and ${USCC_CHARSET.slice(10)})`,
      };
    }
  }
  if (!USCC_REGISTRATION_AUTHORITIES.includes(code[0])) {
    return {
      valid: false,
      reason: USCC_UNKNOWN_REGISTRATION_AUTHORITY,
      message: `registration authority code '${code[0]}' is not one of ${USCC_REGISTRATION_AUTHORITIES}`,
    };
  }
  const division = code.slice(2, 8);
  if (!/^\d{6}$/.test(division)) {
    return {
      valid: false,
      reason: USCC_BAD_ADMINISTRATIVE_DIVISION,
      message: `administrative division code '${division}' must be 6 digits`,
    };
  }
  const organisation = code.slice(8, 17);
  const expectedOrganisationCheck = organisationCheckCharacter(organisation.slice(0, 8));
  if (organisation[8] !== expectedOrganisationCheck) {
    return {
      valid: false,
      reason: USCC_BAD_ORGANISATION_CODE,
      message: `organisation code '${organisation}': expected check character '${expectedOrganisationCheck}', found '${organisation[8]}'`,
    };
  }
  const expected = usccCheckCharacter(code.slice(0, 17));
  if (code[17] !== expected) {
    return {
      valid: false,
      reason: USCC_CHECK_CHARACTER_MISMATCH,
      message: `expected check character '${expected}', found '${code[17]}'`,
    };
  }
  return { valid: true };
}
