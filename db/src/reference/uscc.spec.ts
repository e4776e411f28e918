import {
  USCC_BAD_ORGANISATION_CODE,
  USCC_CHECK_CHARACTER_MISMATCH,
  USCC_ILLEGAL_CHARACTER,
  USCC_WRONG_LENGTH,
  organisationCheckCharacter,
  usccCheckCharacter,
  validateUscc,
} from './uscc';

describe('uscc', () => {
  it.each(['91350100M000100Y43', '91110000802100433B'])('accepts the published code %s', (code) => {
    expect(validateUscc(code)).toEqual({ valid: true });
  });

  it('computes the check character over the first 17 characters', () => {
    expect(usccCheckCharacter('91350100M000100Y4')).toBe('3');
    expect(usccCheckCharacter('91110000802100433')).toBe('B');
  });

  it('computes the GB 11714 organisation check character, writing 10 as X', () => {
    expect(organisationCheckCharacter('M000100Y')).toBe('4');
    expect(organisationCheckCharacter('80210043')).toBe('3');
    // Σ = 4·3 = 12 ≡ 1 (mod 11) → 10 → 'X'; Σ = 0 → 11 → '0'
    expect(organisationCheckCharacter('40000000')).toBe('X');
    expect(organisationCheckCharacter('00000000')).toBe('0');
  });

  it('reports a wrong length', () => {
    const r = validateUscc('91350100M000100Y4');
    expect(r).toMatchObject({ valid: false, reason: USCC_WRONG_LENGTH });
  });

  it('reports a letter outside the USCC alphabet such as O', () => {
    const r = validateUscc('91350100MO00100Y43');
    expect(r).toMatchObject({ valid: false, reason: USCC_ILLEGAL_CHARACTER });
    if (!r.valid) expect(r.message).toContain("'O'");
  });

  it('reports a broken organisation code before the overall check character', () => {
    const r = validateUscc('91350100M000100Y53');
    expect(r).toMatchObject({ valid: false, reason: USCC_BAD_ORGANISATION_CODE });
    if (!r.valid) expect(r.message).toContain("expected check character '4', found '5'");
  });

  it('says which check character it expected', () => {
    const r = validateUscc('91350100M000100Y44');
    expect(r).toEqual({
      valid: false,
      reason: USCC_CHECK_CHARACTER_MISMATCH,
      message: "expected check character '3', found '4'",
    });
  });
});
