/**
 * Phone numbers of named people (实名制) and enterprise contacts: a mainland mobile number
 * (11 digits, 13x–19x) or a landline with its area code (0 + 2–3 digits, then 7–8 digits),
 * optionally after +86 / 0086; spaces and dashes may separate groups. Stored normalised:
 * mobiles as 11 digits, landlines as "area-number", either with "+86 " when it was given.
 */
export type PhoneValidation = { valid: true; phone: string } | { valid: false; message: string };

/**
 * @example
 * validatePhone('138 0013 8000'); // { valid: true, phone: '13800138000' }
 * validatePhone('(0539) 225-1234'); // { valid: false, … } — brackets are not accepted
 * validatePhone('05392251234'); // { valid: true, phone: '0539-2251234' }
 */
export function validatePhone(input: string): PhoneValidation {
  const text = input.trim();
  const refuse = (): PhoneValidation => ({
    valid: false,
    message: `"${text}" is not a phone number: give a mobile number (11 digits starting 13–19) or a landline with its area code, e.g. 0539-2251234`,
  });
  if (!/^(\+|00)?[0-9][0-9 -]*$/.test(text)) return refuse();
  let digits = text.replace(/[ -]/g, '');
  let country = '';
  if (digits.startsWith('+86')) {
    digits = digits.slice(3);
    country = '+86 ';
  } else if (digits.startsWith('0086')) {
    digits = digits.slice(4);
    country = '+86 ';
  } else if (digits.startsWith('+')) {
    return refuse();
  }
  if (/^1[3-9][0-9]{9}$/.test(digits)) return { valid: true, phone: `${country}${digits}` };
  if (country && /^[1-9]/.test(digits)) digits = `0${digits}`; // +86 539 … drops the trunk 0
  // Beijing 010 and 02x are three-digit area codes; all others have four.
  const areaLength = /^(010|02[0-9])/.test(digits) ? 3 : 4;
  const area = digits.slice(0, areaLength);
  const number = digits.slice(areaLength);
  if (/^0[1-9][0-9]{1,2}$/.test(area) && /^[2-9][0-9]{6,7}$/.test(number)) {
    return { valid: true, phone: `${country}${area}-${number}` };
  }
  return refuse();
}
