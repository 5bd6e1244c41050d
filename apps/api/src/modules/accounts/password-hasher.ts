import * as argon2 from 'argon2';

/** argon2id with OWASP's recommended minimum cost (19 MiB, 2 passes). */
const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummy: Promise<string> | undefined;
/**
 * Verifying against a throwaway hash when the email is unknown makes a failed login take the
 * same time whether or not the account exists, so timing does not reveal who has an account.
 */
export async function burnVerifyTime(password: string): Promise<void> {
  dummy ??= hashPassword('goprep-timing-equaliser');
  await verifyPassword(await dummy, password);
}
