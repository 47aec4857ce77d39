import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { BadInputError } from '../../common/errors.js';
import { scryptOnPool } from './hash-pool.js';

/**
 * Password storage with scrypt (node:crypto), at the first setting the OWASP Password Storage
 * Cheat Sheet recommends for scrypt: N = 2^17, r = 8, p = 1 (128 MiB of memory per hash, about
 * 250 ms on the project's 2-core machines). The algorithm, its parameters and the salt are part of
 * the stored string (PHC string format), so the parameters can rise later: a sign-in with an older
 * setting rehashes the password.
 */
export const scryptSetting = { logN: 17, r: 8, p: 1 } as const;
type ScryptSetting = { logN: number; r: number; p: number };

const keyBytes = 32;
const saltBytes = 16;

/**
 * OWASP ASVS 4.0.3 V2.1.1: at least 12 characters (runs of spaces count as one); V2.1.2: at
 * least 64 and at most 128 allowed. Length is counted in Unicode code points after NFKC
 * normalisation, which NIST SP 800-63B 5.1.1.2 asks for so that the same password typed on
 * another keyboard still matches.
 */
export const passwordLength = { min: 12, max: 128 } as const;

function derive(password: string, salt: Buffer, { logN, r, p }: ScryptSetting): Promise<Buffer> {
  // On the hashing pool (hash-pool.ts): bounded, queued, off the event loop and libuv's thread pool.
  return scryptOnPool({ password: password.normalize('NFKC'), salt, keyBytes, N: 2 ** logN, r, p });
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/=+$/, '');

/** `$scrypt$ln=17,r=8,p=1$<salt>$<key>` (unpadded base64), for a new password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(saltBytes);
  const key = await derive(password, salt, scryptSetting);
  return `$scrypt$ln=${scryptSetting.logN},r=${scryptSetting.r},p=${scryptSetting.p}$${b64(salt)}$${b64(key)}`;
}

const phcPattern = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

function parse(stored: string): { setting: ScryptSetting; salt: Buffer; key: Buffer } {
  const match = phcPattern.exec(stored);
  if (!match) throw new Error('unreadable password hash');
  const [, logN, r, p, salt, key] = match as unknown as [string, string, string, string, string, string];
  return {
    setting: { logN: Number(logN), r: Number(r), p: Number(p) },
    salt: Buffer.from(salt, 'base64'),
    key: Buffer.from(key, 'base64'),
  };
}

/** Whether `password` is the one `stored` was made from; compares in constant time. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const { setting, salt, key } = parse(stored);
  const candidate = await derive(password, salt, setting);
  return candidate.length === key.length && timingSafeEqual(candidate, key);
}

/** A stored hash made with other parameters than today's: rehash at the next sign-in. */
export function needsRehash(stored: string): boolean {
  const { setting } = parse(stored);
  return setting.logN !== scryptSetting.logN || setting.r !== scryptSetting.r || setting.p !== scryptSetting.p;
}

let dummyHash: string | undefined;

/**
 * Spends the same work as checking a real password, then fails: a sign-in with an unknown
 * email takes as long as one with a wrong password, so timing does not tell them apart. The dummy
 * is made when first needed, of random bytes in the stored format (no hashing to make it: it matches nothing).
 */
export async function verifyNoPassword(password: string): Promise<false> {
  dummyHash ??= `$scrypt$ln=${scryptSetting.logN},r=${scryptSetting.r},p=${scryptSetting.p}$${b64(randomBytes(saltBytes))}$${b64(randomBytes(keyBytes))}`;
  await verifyPassword(password, dummyHash);
  return false;
}

let common: Set<string> | undefined;

/** The shipped list of common passwords (see the header of common-passwords.txt for its source). */
function commonPasswords(): Set<string> {
  if (!common) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    // The list starts after the header, at the first empty line.
    const list = text.slice(text.indexOf('\n\n') + 2);
    common = new Set(list.split('\n').filter(Boolean));
  }
  return common;
}

/** What a password must not be made of: the account's own email and names (NIST SP 800-63B 5.1.1.2, context-specific words). */
export interface PasswordContext {
  email?: string | null;
  names?: readonly (string | null | undefined)[];
}

/** Words of the context long enough to matter: the email's local part (whole) and each name of 4 characters or more. */
function contextWords(context: PasswordContext): string[] {
  const local = (context.email ?? '').normalize('NFKC').toLowerCase().split('@')[0] ?? '';
  const words = [local, ...(context.names ?? []).map((name) => (name ?? '').normalize('NFKC').toLowerCase().trim())];
  return [...new Set(words.filter((word) => [...word].length >= 4))];
}

/**
 * Refuses a new password that is too short, too long, among the most common ones, made of a short pattern
 * repeated (`abcabcabcabc`, `!!!!!!!!!!!!`), or containing the account's email or name, naming the rule.
 */
export function checkNewPassword(field: string, password: string, context: PasswordContext = {}): void {
  const length = [...password.normalize('NFKC').replace(/ {2,}/g, ' ')].length;
  if (length < passwordLength.min) {
    throw new BadInputError(field, 'min-length', `must be at least ${passwordLength.min} characters (got ${length})`);
  }
  if (length > passwordLength.max) {
    throw new BadInputError(field, 'max-length', `must be at most ${passwordLength.max} characters (got ${length})`);
  }
  if (commonPasswords().has(password.normalize('NFKC').toLowerCase())) {
    throw new BadInputError(field, 'common', 'is one of the most common passwords; choose another');
  }
  const folded = password.normalize('NFKC').toLowerCase();
  if (/^([\s\S]{1,4}?)\1+$/u.test(folded.replace(/\s+/g, ''))) {
    throw new BadInputError(field, 'repetitive', 'is a short pattern repeated; choose something less predictable');
  }
  if (contextWords(context).some((word) => folded.includes(word))) {
    throw new BadInputError(field, 'context', 'must not contain your email or name');
  }
}
